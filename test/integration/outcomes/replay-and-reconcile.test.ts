/**
 * @dynamodb-own-emulator (test/support/dynamodb-environment.ts): folds whole populations from the stream.
 */
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { countersOf, DynamoDbAggregateStore } from '../../../functions/outcomes/adapters/dynamodb-aggregate-store';
import { allRevisions } from '../../../functions/outcomes/aggregation';
import { outcomeFoldDeps } from '../../../functions/outcomes/deps';
import { startStreamPoller } from '../../../functions/outcomes/local-stream-poller';
import type { StreamRecordInput } from '../../../functions/outcomes/stream-records';
import { createStreamFolder, foldStreamRecords } from '../../../functions/outcomes/use-cases/fold-stream-records';
import { reconcileScopeMonth } from '../../../functions/outcomes/use-cases/reconcile-scope-month';
import { createDataStore, type DataStore } from '../../../functions/platform/dynamodb/client';
import { ManualClock } from '../../../functions/shared/clock';
import { freshTable, type TestTable } from '../../support/table';
import { ACTIVITIES, ORGS } from './fixtures';
import { entities, randomPopulation, seeded, writeActivities, writeOrganisations, writePopulation } from './population';

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

/** Every aggregate item's counters (all revisions added up: what the item counts), keyed by its table key. */
async function snapshot(store: DataStore): Promise<Record<string, Record<string, number>>> {
  const items: Record<string, Record<string, number>> = {};
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await store.documentClient.send(
      new ScanCommand({
        TableName: store.tableName,
        FilterExpression: '#e = :aggregate',
        ExpressionAttributeNames: { '#e': '__edb_e__' },
        ExpressionAttributeValues: { ':aggregate': 'aggregate' },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const counters = allRevisions(countersOf(item));
      if (Object.keys(counters).length > 0) items[`${item.pk}|${item.sk}`] = counters;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

describe('folding replayed stream records, and reconciliation', () => {
  let table: TestTable;
  let store: DataStore;
  let records: StreamRecordInput[];
  let folded: Record<string, Record<string, number>>;
  const clock = new ManualClock('2026-07-01T02:00:00Z');

  beforeAll(async () => {
    table = await freshTable({ stream: true });
    store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
    await writeOrganisations(store, ORGS);
    await writeActivities(store, ACTIVITIES);
    const people = randomPopulation({
      seed: 9,
      people: 30,
      orgs: ORGS,
      activities: ACTIVITIES,
      months: ['2026-01', '2026-02'],
    });
    await writePopulation(store, people);
    // Two people opt back in: their opt-outs must be withdrawn from the figures.
    const optedOut = people.filter((p) => p.optedOutAt).slice(0, 2);
    for (const person of optedOut) {
      await entities(store)
        .patients.patch({ patientId: person.patientId })
        .set({ smsConsent: 'GIVEN', smsConsentChangedAt: '2026-04-20T09:00:00.000Z' })
        .go();
    }
    expect(optedOut).toHaveLength(2);

    // Capture the real stream records with the poller, folding nothing yet.
    records = [];
    const poller = startStreamPoller({
      endpoint: table.endpoint,
      tableName: table.tableName,
      onError: (error) => {
        throw error;
      },
      handleRecords: async (batch) => {
        records.push(...batch);
      },
    });
    await poller.waitUntilIdle();
    await poller.stop();

    const report = await foldStreamRecords(outcomeFoldDeps(store, clock), records);
    expect(report.failures).toEqual([]);
    folded = await snapshot(store);
  }, 600_000);
  afterAll(() => table.drop());

  it('captures the writes from the stream and folds them into figures', () => {
    expect(records.length).toBeGreaterThan(500);
    expect(Object.keys(folded).length).toBeGreaterThan(100);
  });

  it('leaves every figure unchanged when the whole batch is folded again', async () => {
    const report = await foldStreamRecords(outcomeFoldDeps(store, clock), records);

    expect(report.folded).toBe(0);
    expect(report.failures).toEqual([]);
    expect(await snapshot(store)).toEqual(folded);
  }, 120_000);

  it('leaves every figure unchanged when records arrive again in overlapping batches, as after a Lambda retry', async () => {
    const random = seeded(42);
    const deps = outcomeFoldDeps(store, clock);
    for (let start = 0; start < records.length; ) {
      const size = random.int(50, 400);
      // Each batch re-delivers part of the previous one.
      const from = Math.max(0, start - random.int(0, 100));
      const folder = createStreamFolder(deps);
      for (const record of records.slice(from, start + size)) await folder.foldRecord(record);
      start += size;
    }

    expect(await snapshot(store)).toEqual(folded);
  }, 120_000);

  it('finds no drift in any month after the workload, quarters and years included', async () => {
    const deps = { ...outcomeFoldDeps(store, clock) };

    const reports = [];
    for (const month of MONTHS)
      reports.push(await reconcileScopeMonth(deps, { scope: { kind: 'NATIONAL', id: 'ALL' }, month }));

    expect(reports.flatMap((report) => report.drift)).toEqual([]);
    expect(reports.reduce((n, report) => n + report.itemsChecked, 0)).toBeGreaterThan(100);
  }, 120_000);

  it('counts opt-outs of people still opted out only', async () => {
    const store2 = new DynamoDbAggregateStore(store);

    const items = await store2.readAggregates({ kind: 'NATIONAL', id: 'ALL' }, 'NONE', '2026-01', '2026-06');
    const counted = (item: (typeof items)[number]) => allRevisions(item.counters).optOuts ?? 0;

    const optOuts = items.reduce((n, item) => n + counted(item), 0);
    const { records: scope, patients } = await outcomeFoldDeps(store, clock).facts.scopeRecords({
      kind: 'NATIONAL',
      id: 'ALL',
    });
    expect(scope.length).toBe(30);
    expect(optOuts).toBe(patients.filter((p) => p.smsConsent === 'OPTED_OUT').length);
  });

  it('finds and repairs drift injected by hand, and a later fold of the same records changes nothing more', async () => {
    const deps = outcomeFoldDeps(store, clock);
    const aggregates = new DynamoDbAggregateStore(store);
    const month = '2026-01';
    const key = Object.keys(folded).find(
      (k) => k.includes('scope_icb-icb-a#dimension_none') && k.includes(`period_${month}#`),
    )!;
    const [pk, sk] = key.split('|');
    await store.documentClient.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: { pk, sk },
        UpdateExpression: 'ADD #c :three',
        ExpressionAttributeNames: { '#c': 'c:referralsReceived' },
        ExpressionAttributeValues: { ':three': 3 },
      }),
    );
    await aggregates.addToAggregates(
      [
        {
          scope: { kind: 'PCN', id: 'PCN-A1' },
          dimension: 'SEX',
          period: month,
          group: 'INTERSEX',
          counters: { referralsReceived: 2 },
        },
      ],
      clock.now().toISOString(),
    );

    const found = await reconcileScopeMonth(deps, { scope: { kind: 'ICB', id: 'ICB-A' }, month });
    const repaired = await reconcileScopeMonth(deps, { scope: { kind: 'ICB', id: 'ICB-A' }, month, repair: true });
    const after = await reconcileScopeMonth(deps, { scope: { kind: 'ICB', id: 'ICB-A' }, month });

    expect(found.drift).toEqual([
      {
        scope: 'ICB-ICB-A',
        dimension: 'NONE',
        group: 'ALL',
        period: month,
        counters: [{ counter: 'referralsReceived', expected: expect.any(Number), actual: expect.any(Number) }],
      },
      {
        scope: 'PCN-PCN-A1',
        dimension: 'SEX',
        group: 'INTERSEX',
        period: month,
        counters: [{ counter: 'referralsReceived', expected: 0, actual: 2 }],
      },
    ]);
    const [total] = found.drift[0]!.counters;
    expect(total!.actual - total!.expected).toBe(3);
    expect(repaired.repaired).toBe(true);
    expect(after.drift).toEqual([]);
    expect(await snapshot(store)).toEqual(folded);

    const report = await foldStreamRecords(deps, records);
    expect(report.folded).toBe(0);
    expect(await snapshot(store)).toEqual(folded);
  }, 120_000);
});
