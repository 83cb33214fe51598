import { startDynamoDbLocal } from '../../scripts/lib/dynamodb-local';

// One emulator for the whole run; every test file makes its own tables on it (see ./table.ts).
export default async function globalSetup(): Promise<void> {
  const emulator = await startDynamoDbLocal({ inMemory: true, log: (line) => process.stderr.write(`${line}\n`) });
  process.env.DYNAMODB_ENDPOINT = emulator.endpoint;
  (globalThis as { __dynamoDbLocal__?: typeof emulator }).__dynamoDbLocal__ = emulator;
}
