/**
 * Prints a bearer token for a seeded staff user of the local stack:
 *
 *   npm run token -- <userId-or-email>
 *   curl -H "authorization: Bearer $(npm run -s token -- lena.link@example.nhs.uk)" …
 *
 * Reads the user from the DynamoDB Local that `npm start` is running (or DYNAMODB_ENDPOINT and TABLE_NAME) and signs with the local key the local API verifies against. Only the token goes to stdout.
 */
import { DynamoDbIdentityRepository } from '../functions/identity/adapters/dynamodb-identity-repository';
import { type StaffUser, staffUserEntity } from '../functions/identity/entities/staff-user';
import { createDataStore, type DataStore } from '../functions/platform/dynamodb/client';
import { entityConfig } from '../functions/platform/dynamodb/service';
import { assertLoopbackEndpoint } from './lib/dynamodb-local';
import { signLocalToken } from './lib/local-jwt';
import { readLocalState } from './lib/local-state';

export const DEFAULT_ENDPOINT = 'http://127.0.0.1:8000';
export const DEFAULT_TABLE = 'linkwork-local';

/** By id (the token subject), else by e-mail (a scan: fine for a local table of seed data). */
export async function findStaffUser(store: DataStore, idOrEmail: string): Promise<StaffUser | undefined> {
  const byId = await new DynamoDbIdentityRepository(store).getStaffUser(idOrEmail);
  if (byId) return byId;
  const email = idOrEmail.trim().toLowerCase();
  const { data } = await staffUserEntity(entityConfig(store))
    .scan.where(({ email: attribute }, { eq }) => eq(attribute, email))
    .go({ pages: 'all' });
  return data[0];
}

export async function tokenFor(
  idOrEmail: string,
  env: NodeJS.ProcessEnv = process.env,
  options: { keyFile?: string } = {},
): Promise<string> {
  const running = readLocalState();
  const endpoint = env.DYNAMODB_ENDPOINT || running?.dynamodbEndpoint || DEFAULT_ENDPOINT;
  assertLoopbackEndpoint(endpoint);
  const store = createDataStore({ tableName: env.TABLE_NAME || running?.tableName || DEFAULT_TABLE, endpoint });
  try {
    const user = await findStaffUser(store, idOrEmail);
    if (!user) throw new Error(`No staff user with id or e-mail "${idOrEmail}" in ${store.tableName} at ${endpoint}`);
    if (!user.active) throw new Error(`Staff user ${user.userId} is inactive; the API would refuse the token`);
    return await signLocalToken(user, options);
  } finally {
    store.client.destroy();
  }
}

async function main(): Promise<void> {
  const [idOrEmail] = process.argv.slice(2);
  if (!idOrEmail) {
    process.stderr.write('usage: npm run token -- <userId-or-email>\n');
    process.exitCode = 2;
    return;
  }
  try {
    process.stdout.write(`${await tokenFor(idOrEmail)}\n`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
