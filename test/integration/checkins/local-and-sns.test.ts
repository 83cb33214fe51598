import { createLinkwork } from '../../../functions/app/composition-root';
import { SnsSmsSender } from '../../../functions/checkins/adapters/sns-sms-sender';
import { SmsSendError } from '../../../functions/checkins/errors';
import { createLocalCheckIns, FastForwardClock } from '../../../functions/checkins/local';
import { scheduleCheckIn } from '../../../functions/checkins/use-cases/schedule-check-in';
import { freeLoopbackPort } from '../../../scripts/lib/dynamodb-local';
import { startSnsEndpoint } from '../../support/sns-endpoint';
import { addPatientWithReferral, createWorld, type World } from './fixtures';

const local = { region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

describe('SnsSmsSender (real SDK, loopback SNS endpoint)', () => {
  it('publishes with the sender id when there is no origination number', async () => {
    const sns = await startSnsEndpoint();
    const sender = new SnsSmsSender({ senderId: 'Linkwork', clientConfig: { ...local, endpoint: sns.endpoint } });

    const { providerMessageId } = await sender.send({ to: '+447700900001', body: 'Hello' });

    expect(sns.published[0]).toMatchObject({
      phoneNumber: '+447700900001',
      message: 'Hello',
      messageId: providerMessageId,
      attributes: {
        'AWS.SNS.SMS.SMSType': { dataType: 'String', stringValue: 'Transactional' },
        'AWS.SNS.SMS.SenderID': { dataType: 'String', stringValue: 'Linkwork' },
      },
    });
    sender.destroy();
    await sns.close();
  });

  it('throws a retryable SmsSendError on throttling and on a 500, without retrying inside the SDK', async () => {
    const sns = await startSnsEndpoint();
    const sender = new SnsSmsSender({
      originationNumber: '+447700900999',
      clientConfig: { ...local, endpoint: sns.endpoint },
    });
    sns.failNext('throttle');
    sns.failNext('error500');

    await expect(sender.send({ to: '+447700900001', body: 'x' })).rejects.toMatchObject({
      failure: 'THROTTLED',
      retryable: true,
    });
    await expect(sender.send({ to: '+447700900001', body: 'x' })).rejects.toMatchObject({
      failure: 'PROVIDER_500',
      retryable: true,
    });
    expect(sns.requests).toBe(2);
    sender.destroy();
    await sns.close();
  });

  it('throws an error that is not a retryable refusal when the endpoint cannot be reached', async () => {
    const port = await freeLoopbackPort();
    const sender = new SnsSmsSender({
      originationNumber: '+447700900999',
      clientConfig: { ...local, endpoint: `http://127.0.0.1:${port}` },
    });

    const error = await sender.send({ to: '+447700900001', body: 'x' }).catch((caught: unknown) => caught);

    expect(error instanceof SmsSendError && error.retryable).toBe(false);
    sender.destroy();
  });
});

describe('createLocalCheckIns (npm start helpers)', () => {
  let world: World;
  /** As `npm start` builds it: one fast-forward clock for the application and its local engine. */
  const localCheckIns = (on: World, options: { print: (line: string) => void; ignoreSendingWindow?: boolean }) => {
    const clock = new FastForwardClock();
    const linkwork = createLinkwork({ store: on.store, clock });
    return createLocalCheckIns({ store: on.store, checkIns: linkwork.checkIns, clock, ...options });
  };
  afterEach(() => world.close());

  it('sends through the outbox on demand, takes a reply through the inbound handler, and fast-forwards', async () => {
    world = await createWorld();
    const lines: string[] = [];
    const checkins = localCheckIns(world, { print: (line) => lines.push(line) });
    checkins.clock.set('2026-01-10T12:00:00Z'); // a Saturday: outside the window
    const { mobile, referralId } = await addPatientWithReferral(world);
    await scheduleCheckIn(checkins.deps, {
      principal: world.linkWorker,
      referralId,
      wave: 'AD_HOC',
      questions: ['ONS4.happiness'],
      dueAt: checkins.clock.now().toISOString(),
    });

    expect((await checkins.runDispatcherNow()).deferred).toBe(1);
    checkins.clock.advance(2 * 24 * 3_600_000); // Monday 12:00
    expect((await checkins.runDispatcherNow()).sent).toBe(1);
    const result = await checkins.deliverInboundSms({ from: `07700 ${mobile.slice(7)}`, text: 'eight' });
    const http = await checkins.handleInboundHttp({ from: mobile });

    expect(result).toBe('completed');
    expect(http.statusCode).toBe(400);
    // One question, answered: no thank-you text follows (it would cost a segment a check-in).
    expect((await checkins.outbox.list()).map((m) => m.kind)).toEqual(['OUTBOX']);
    expect(lines.filter((line) => line.startsWith('[sms'))).toEqual([
      expect.stringContaining('Overall, how happy did you feel yesterday?'),
    ]);
    expect(lines.join('\n')).not.toContain(mobile);
  });

  it('sends at any hour when told to ignore the sending window', async () => {
    world = await createWorld();
    const checkins = localCheckIns(world, { ignoreSendingWindow: true, print: () => {} });
    checkins.clock.set('2026-01-11T03:00:00Z'); // Sunday night
    const { referralId } = await addPatientWithReferral(world);
    await scheduleCheckIn(checkins.deps, {
      principal: world.linkWorker,
      referralId,
      wave: 'AD_HOC',
      dueAt: checkins.clock.now().toISOString(),
    });

    expect((await checkins.runDispatcherNow()).sent).toBe(1);
  });
});
