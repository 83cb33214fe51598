import type { DynamoDbLocal } from '../../scripts/lib/dynamodb-local';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __dynamoDbLocal__?: DynamoDbLocal }).__dynamoDbLocal__?.stop();
}
