import { EndUserMessagingSmsSender } from '../../../functions/checkins/adapters/end-user-messaging-sms-sender';
import { SmsSendError } from '../../../functions/checkins/errors';
import { dramaMobile } from '../../../functions/shared/phone';
import { type SmsVoiceEndpoint, startSmsVoiceEndpoint } from '../../support/sms-voice-endpoint';

/*
 * The production SMS adapter through the real @aws-sdk/client-pinpoint-sms-voice-v2 against a loopback endpoint that
 * speaks its awsJson1_0 protocol.
 */
describe('EndUserMessagingSmsSender (real SDK, loopback endpoint)', () => {
  let endpoint: SmsVoiceEndpoint;
  let sender: EndUserMessagingSmsSender;
  beforeEach(async () => {
    endpoint = await startSmsVoiceEndpoint();
    sender = new EndUserMessagingSmsSender({
      originationNumber: '+447700900999',
      configurationSetName: 'linkwork-dev-sms',
      clientConfig: {
        endpoint: endpoint.endpoint,
        region: 'eu-west-2',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      },
    });
  });
  afterEach(async () => {
    sender.destroy();
    await endpoint.close();
  });

  it('sends a transactional text from our number with the configuration set, and returns its MessageId', async () => {
    const result = await sender.send({ to: dramaMobile(1), body: 'Linkwork: hello', patientId: 'P1' });

    expect(endpoint.sent).toHaveLength(1);
    expect(endpoint.sent[0]!.request).toEqual({
      DestinationPhoneNumber: '+447700900001',
      MessageBody: 'Linkwork: hello',
      MessageType: 'TRANSACTIONAL',
      OriginationIdentity: '+447700900999',
      ConfigurationSetName: 'linkwork-dev-sms',
    });
    expect(result).toEqual({ providerMessageId: endpoint.sent[0]!.messageId });
  });

  it('throws a retryable SmsSendError when throttled or on a 500, once each (no SDK retry)', async () => {
    endpoint.failNext('throttle');
    endpoint.failNext('error500');

    const throttled = await sender.send({ to: dramaMobile(2), body: 'x', patientId: 'P2' }).catch((e) => e);
    const failed = await sender.send({ to: dramaMobile(2), body: 'x', patientId: 'P2' }).catch((e) => e);

    expect(throttled).toBeInstanceOf(SmsSendError);
    expect(throttled).toMatchObject({ failure: 'THROTTLED', retryable: true });
    expect(failed).toMatchObject({ failure: 'PROVIDER_500', retryable: true });
    expect(endpoint.requests).toBe(2);
    expect(endpoint.sent).toEqual([]);
  });

  it('throws a final SmsSendError when the text is refused', async () => {
    endpoint.failNext('validation');

    const refused = await sender.send({ to: dramaMobile(3), body: 'x', patientId: 'P3' }).catch((e) => e);

    expect(refused).toMatchObject({ failure: 'ValidationException', retryable: false });
    expect(String(refused.message)).not.toContain('900003');
  });
});
