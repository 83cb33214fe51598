import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { type CursorKeySource, cursorKeyFromSecret } from './cursor-codec';

/**
 * The paging cursor key in AWS: the Secrets Manager secret the stateless stack generates (CURSOR_KEY_SECRET_ARN),
 * read once per cold start, when the first cursor is sealed or opened (CursorCodec memoises it).
 */
export function secretsManagerCursorKey(
  secretArn: string,
  client: SecretsManagerClient = new SecretsManagerClient({}),
): CursorKeySource {
  return async () => {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
    if (!SecretString) throw new Error('The paging cursor secret has no string value');
    return cursorKeyFromSecret(SecretString);
  };
}
