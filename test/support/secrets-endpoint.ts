import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback endpoint that speaks Secrets Manager's JSON protocol (POST, `x-amz-target: secretsmanager.GetSecretValue`)
 * and answers with one secret, so the real SDK reads the paging cursor key as it does in AWS: the cursor key adapter's
 * test, and the cold-start benchmark's fresh processes (AWS_ENDPOINT_URL_SECRETS_MANAGER).
 */
export interface SecretsEndpoint {
  url: string;
  requests: { target: string | undefined; body: Record<string, unknown> }[];
  /** The next read fails as a secret not yet there would. */
  failNext(): void;
  close(): Promise<void>;
}

export async function startSecretsEndpoint(secret: {
  arn: string;
  name: string;
  value: string;
}): Promise<SecretsEndpoint> {
  let failures = 0;
  const requests: SecretsEndpoint['requests'] = [];
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
      response.end(JSON.stringify({ ARN: secret.arn, Name: secret.name, SecretString: secret.value }));
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
