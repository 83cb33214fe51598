import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { startStreamPoller } from '../../../functions/outcomes/local-stream-poller';
import type { StreamRecordInput } from '../../../functions/outcomes/stream-records';
import { createDataStore } from '../../../functions/platform/dynamodb/client';
import { freshTable, type TestTable } from '../../support/table';
import { ACTIVITIES, ORGS } from './fixtures';
import { entities, randomPopulation, writeActivities, writeOrganisations, writePopulation } from './population';

describe('fold-stream Lambda handler', () => {
  let table: TestTable;
  let records: StreamRecordInput[];

  beforeAll(async () => {
    table = await freshTable({ stream: true });
    process.env.TABLE_NAME = table.tableName;
    const store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
    await writeOrganisations(store, ORGS);
    await writeActivities(store, ACTIVITIES);
    await writePopulation(
      store,
      randomPopulation({ seed: 3, people: 4, orgs: ORGS, activities: ACTIVITIES, months: ['2026-01'] }),
    );
    records = [];
    const poller = startStreamPoller({
      endpoint: table.endpoint,
      tableName: table.tableName,
      onError: () => undefined,
      handleRecords: async (batch) => {
        records.push(...batch);
      },
    });
    await poller.waitUntilIdle();
    await poller.stop();
  }, 60_000);
  afterAll(() => table.drop());

  it('returns the record whose referral cannot be folded as a batch item failure, and folds the rest', async () => {
    // DynamoDB Local in tests: the handler's client follows DYNAMODB_ENDPOINT (set by the jest global setup).
    const { handler } = await import('../../../functions/outcomes/handlers/fold-stream');
    const store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
    // A referral item with a corrupt date, written past the referrals context's validation.
    const corrupt = entities(store)
      .referrals.put({
        referralId: 'ref-corrupt',
        patientId: 'pat-corrupt',
        practiceId: ORGS[0]!.practiceId,
        pcnId: ORGS[0]!.pcnId,
        icbId: ORGS[0]!.icbId,
        caseloadOwner: 'unassigned',
        source: 'GP',
        needs: [],
        status: 'RECEIVED',
        caseState: 'OPEN',
        receivedAt: 'garbled',
        version: 1,
        createdBy: 'lw-1',
        createdAt: 'garbled',
        updatedAt: 'garbled',
      })
      .params().Item;
    await store.documentClient.send(new PutCommand({ TableName: table.tableName, Item: corrupt }));
    const poison = {
      eventID: 'poison',
      eventName: 'INSERT',
      dynamodb: { SequenceNumber: '999999000', NewImage: marshall(corrupt) },
    };
    const batch = [...records.slice(0, 10), poison, ...records.slice(10, 12)].map((record, i) => ({
      ...record,
      eventSource: 'aws:dynamodb',
      dynamodb: { ...record.dynamodb, SequenceNumber: record.dynamodb?.SequenceNumber ?? String(i) },
    }));

    const response = await handler(
      { Records: batch as unknown as DynamoDBRecord[] } as DynamoDBStreamEvent,
      {
        getRemainingTimeInMillis: () => 60_000,
      } as Context,
    );

    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual(['999999000']);
  }, 60_000);
});
