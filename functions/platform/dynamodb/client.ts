import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DataStore {
  tableName: string;
  /** Low-level client: ElectroDB and the few hand-written commands (transactions, stream reads) share it. */
  client: DynamoDBClient;
  documentClient: DynamoDBDocumentClient;
}

export interface DataStoreOptions {
  tableName: string;
  /** Set for DynamoDB Local; unset in AWS. */
  endpoint?: string;
  clientConfig?: DynamoDBClientConfig;
}

export function createDataStore(options: DataStoreOptions): DataStore {
  const client = new DynamoDBClient({
    ...(options.endpoint
      ? {
          endpoint: options.endpoint,
          region: 'eu-west-2',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
    ...options.clientConfig,
  });
  const documentClient = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { tableName: options.tableName, client, documentClient };
}
