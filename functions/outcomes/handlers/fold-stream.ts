import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { createDataStore } from '../../platform/dynamodb/client';
import { optionalEnv, requireEnv } from '../../shared/env';
import { outcomeFoldDeps } from '../deps';
import { logger } from '../logger';
import type { StreamRecordInput } from '../stream-records';
import { createStreamFolder, type FoldDeps } from '../use-cases/fold-stream-records';

const processor = new BatchProcessor(EventType.DynamoDBStreams);
let deps: FoldDeps | undefined;

/**
 * Built on the first event (once per cold start), so importing the module needs no environment. DYNAMODB_ENDPOINT is
 * for DynamoDB Local only; unset in AWS.
 */
function foldDeps(): FoldDeps {
  const endpoint = optionalEnv('DYNAMODB_ENDPOINT');
  deps ??= outcomeFoldDeps(createDataStore({ tableName: requireEnv('TABLE_NAME'), ...(endpoint ? { endpoint } : {}) }));
  return deps;
}

/**
 * The table stream → outcome figures. Each record is folded by `createStreamFolder`; failed records are returned as
 * batch item failures, so Lambda retries from the first of them (exactly-once comes from the fold receipts, not
 * from the delivery).
 */
export async function handler(event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> {
  const folder = createStreamFolder(foldDeps());
  let folded = 0;
  let alreadyFolded = 0;
  const response = await processPartialResponse(
    event,
    async (record: DynamoDBRecord) => {
      const result = await folder.foldRecord(record as StreamRecordInput);
      folded += result.folded;
      alreadyFolded += result.alreadyFolded;
    },
    processor,
    // In order, one at a time: a shard's records are folded in stream order (see createStreamFolder).
    { context, throwOnFullBatchFailure: false, processInParallel: false },
  );
  logger.info('Folded stream batch', {
    records: event.Records.length,
    folded,
    alreadyFolded,
    failedRecords: response.batchItemFailures.length,
  });
  return response;
}
