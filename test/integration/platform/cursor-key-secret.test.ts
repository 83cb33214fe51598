import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CursorCodec, cursorKeyFromSecret } from '../../../functions/platform/cursor-codec';
import { secretsManagerCursorKey } from '../../../functions/platform/cursor-key-secret';

/*
 * The cursor key adapter through the real Secrets Manager SDK, against a loopback endpoint that speaks its JSON
 * protocol (POST, `x-amz-target: secretsmanager.GetSecretValue`): what the GraphQL function does at cold start.
 */

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:linkwork-test-cursor-key-AbCdEf';
const SECRET = 'k'.repeat(40) + 'Z9'.repeat(12);

interface Endpoint {
  url: string;
  requests: { target: string | undefined; body: Record<string, unknown> }[];
  failNext(): void;
  close(): Promise<void>;
}

async function startSecretsEndpoint(): Promise<Endpoint> {
  let failures = 0;
  const requests: Endpoint['requests'] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      requests.push({ target: request.headers['x-amz-target'] as string | undefined, body });
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      if (failures > 0) {
        failures -= 1;
        response.statusCode = 400;
        response.end(JSON.stringify({ __type: 'ResourceNotFoundException', message: 'not yet' }));
        return;
      }
      response.end(JSON.stringify({ ARN: SECRET_ARN, Name: 'linkwork-test-cursor-key', SecretString: SECRET }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    failNext: () => {
      failures += 1;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('secretsManagerCursorKey', () => {
  let endpoint: Endpoint;
  let client: SecretsManagerClient;

  beforeAll(async () => {
    endpoint = await startSecretsEndpoint();
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
