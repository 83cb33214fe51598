import { CreateTableCommand, DeleteTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ulid } from 'ulid';
import { createTableInput } from '../../functions/platform/dynamodb/table-definition';
import { assertLoopbackEndpoint, localClient } from '../../scripts/lib/dynamodb-local';

export interface TestTable {
  tableName: string;
  endpoint: string;
  client: DynamoDBClient;
  drop(): Promise<void>;
}

/** The emulator the global setup started; integration tests refuse anything that is not loopback. */
export function testEndpoint(): string {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('DYNAMODB_ENDPOINT is not set: run integration tests through jest (global setup)');
  assertLoopbackEndpoint(endpoint);
  return endpoint;
}

/**
 * A new, empty table with the production key schema, so tests never see each other's data. Without a stream unless
 * the test folds from it (`stream: true`): stream records pile up in the worker's emulator and slow every later file.
 */
export async function freshTable(options: { stream?: boolean } = {}): Promise<TestTable> {
  const endpoint = testEndpoint();
  const client = localClient(endpoint);
  const tableName = `test-${ulid().toLowerCase()}`;
  await client.send(new CreateTableCommand(createTableInput(tableName, { stream: options.stream ?? false })));
  return {
    tableName,
    endpoint,
    client,
    drop: async () => {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
      client.destroy();
    },
  };
}
