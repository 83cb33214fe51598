import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CursorCodec, cursorKeyFromSecret } from '../../../functions/platform/cursor-codec';
import { secretsManagerCursorKey } from '../../../functions/platform/cursor-key-secret';
import { type SecretsEndpoint, startSecretsEndpoint } from '../../support/secrets-endpoint';

/*
 * The cursor key adapter through the real Secrets Manager SDK, against a loopback endpoint that speaks its JSON
 * protocol (POST, `x-amz-target: secretsmanager.GetSecretValue`): what the GraphQL function does at cold start.
 */

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:linkwork-test-cursor-key-AbCdEf';
const SECRET = 'k'.repeat(40) + 'Z9'.repeat(12);

describe('secretsManagerCursorKey', () => {
  let endpoint: SecretsEndpoint;
  let client: SecretsManagerClient;

  beforeAll(async () => {
    endpoint = await startSecretsEndpoint({ arn: SECRET_ARN, name: 'linkwork-test-cursor-key', value: SECRET });
    client = new SecretsManagerClient({
      endpoint: endpoint.url,
      region: 'eu-west-2',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    client.destroy();
    await endpoint.close();
  });

  it('returns the key derived from the secret it reads by ARN', async () => {
    const key = await secretsManagerCursorKey(SECRET_ARN, client)();

    expect(key).toEqual(cursorKeyFromSecret(SECRET));
    expect(endpoint.requests.at(-1)).toEqual({
      target: 'secretsmanager.GetSecretValue',
      body: { SecretId: SECRET_ARN },
    });
  });

  it('reads the secret once for many cursors, and again after a failed read', async () => {
    const before = endpoint.requests.length;
    endpoint.failNext();
    const codec = new CursorCodec(secretsManagerCursorKey(SECRET_ARN, client));

    await expect(codec.seal('caseload', '{"pk":"a"}')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    const cursors = await Promise.all([1, 2, 3].map((n) => codec.seal('caseload', `{"pk":"${n}"}`)));
    await expect(codec.open('caseload', cursors[2]!)).resolves.toBe('{"pk":"3"}');

    expect(endpoint.requests.length - before).toBe(2);
  });
});
