import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The one table every context shares. CDK (infra/), the test setup and `npm start` all build the table from this
 * definition, so the key schema cannot drift between environments. The access patterns each index serves are listed in
 * docs/data-model.md; keep that table in step with this file.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Items with a numeric epoch-seconds value here are removed by DynamoDB (inbound dedupe markers, local outbox). */
  timeToLiveAttribute: 'expiresAt',
  /** Outcome folding reads both images of every change. */
  streamViewType: 'NEW_AND_OLD_IMAGES',
  globalSecondaryIndexes: [
    /** Overloaded: caseload by link worker; activities by PCN; organisations by parent; staff by organisation. */
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Overloaded: caseload by link worker ordered by last contact; activities by provider. */
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** A patient's referrals, check-ins and outcomes as one item collection. */
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    /** Sparse and sharded: only check-ins waiting to be sent carry these keys. */
    { indexName: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
    /** Patient by E.164 mobile number, for inbound SMS. */
    { indexName: 'gsi5', partitionKey: 'gsi5pk', sortKey: 'gsi5sk' },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];

/** Shards of the due-for-sending index: enough to spread a national morning peak, few enough to sweep each minute. */
export const DUE_INDEX_SHARDS = 8;

/**
 * The CreateTable request for DynamoDB Local (tests, `npm start`, benchmarks). `stream: false` leaves out the stream the
 * deployed table has, for tables nothing folds from: DynamoDB Local keeps every stream record of every table it holds
 * and slows down as they pile up (loading the demo's 7,851 items took 5–9 s without a stream and 32 s with one, then
 * 119 s into a second table on the same emulator). The product never looks at the stream setting.
 */
export function createTableInput(tableName: string, options: { stream?: boolean } = {}): CreateTableCommandInput {
  const keyAttributes = new Set<string>([tableDefinition.partitionKey, tableDefinition.sortKey]);
  for (const gsi of tableDefinition.globalSecondaryIndexes) {
    keyAttributes.add(gsi.partitionKey);
    keyAttributes.add(gsi.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...keyAttributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((gsi) => ({
      IndexName: gsi.indexName,
      KeySchema: [
        { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
        { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    ...(options.stream === false
      ? {}
      : { StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType } }),
  };
}
