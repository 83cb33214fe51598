import { outcomeEntity } from '../../functions/checkins/entities/outcome';
import { DynamoDbIdentityRepository } from '../../functions/identity/adapters/dynamodb-identity-repository';
import { DynamoDbAggregateStore } from '../../functions/outcomes/adapters/dynamodb-aggregate-store';
import { DynamoDbFactSource } from '../../functions/outcomes/adapters/dynamodb-fact-source';
import { addCounters, mergeContributions } from '../../functions/outcomes/aggregation';
import { aggregateEntity, COUNTER_PREFIX } from '../../functions/outcomes/entities/aggregate';
import { type Counters, referralFacts } from '../../functions/outcomes/facts';
import { instrumentItems } from '../../functions/outcomes/instruments';
import { newReadMeter } from '../../functions/outcomes/ports';
import { summaryRows } from '../../functions/outcomes/summary';
import { resolvePeriod } from '../../functions/outcomes/use-cases/figure-scope';
import { outcomeSummary } from '../../functions/outcomes/use-cases/outcome-summary';
import { DIMENSIONS_BY_SCOPE, type Dimension, scopeKey, TOTAL_GROUP } from '../../functions/outcomes/vocabulary';
import { entityConfig } from '../../functions/platform/dynamodb/service';
import { createIdGenerator } from '../../functions/shared/ids';
import { batchPut, benchTable, principalOf, round, userOf } from '../lib/env';
import { buildPatient, entitiesOf, newReferral } from '../lib/fixtures';
import { type BenchCase, type BenchRow, percentile } from '../lib/report';

/*
 * Case 4, commissioner figures. `outcomeSummary` (the real use case over the real aggregate store) for one ICB over
 * 12 months with every breakdown offered at ICB level, at growing numbers of outcome measurements. The aggregate items
 * are made by the real folding functions (referralFacts → mergeContributions) and written as the real store's
 * `replaceAggregates` writes them (the aggregate entity's keys, one `c:<counter>` attribute per counter). Compared with a scan-and-compute of the same answer from the raw records (the reconciliation
 * path: DynamoDbFactSource.scopeRecords → referralFacts → mergeContributions → summaryRows); the two answers must match.
 */

const FROM = '2025-06-01';
const TO = '2026-05-31';
const DAY = 86_400_000;
/** Per referral: baseline and week-6 answers to three items. */
const MEASURES = [
  { instrument: 'ONS4', item: 'happiness', max: 10 },
  { instrument: 'ONS4', item: 'anxiety', max: 10 },
  { instrument: 'ONS_LONELINESS', item: 'lonely', max: 5 },
] as const;
const WAVES = [
  { wave: 'BASELINE', afterDays: 7 },
  { wave: 'WEEK_6', afterDays: 49 },
] as const;
const PER_REFERRAL = MEASURES.length * WAVES.length;

export const outcomes: BenchCase = async ({ quick, scale = 1, endpoint: firstEndpoint, freshEmulator, log }) => {
  // Quick mode: 120 and 480, not 1,000 and 10,000 (see docs/performance.md).
  const sizes = quick ? [120, 480] : [...new Set([1_000, 10_000, Math.max(10_000, Math.round(100_000 * scale))])];
  const samples = quick ? 3 : 15;
  const rows: BenchRow[] = [];
  // The shape to hold: the summary's requests the same at every size (its items read may only grow until every
  // month × group cell exists, which the smallest size already nearly fills).
  let firstRequests: number | undefined;
  for (const [index, measurements] of sizes.entries()) {
    // Each size on an emulator of its own, so the largest is not measured on one slowed by the others.
    const endpoint = index === 0 ? firstEndpoint : await freshEmulator();
    const bench = await benchTable(endpoint, `outcomes${measurements}`);
    const { store, counter, clock, random, demo } = bench;
    const newId = createIdGenerator(clock);
    const e = entitiesOf(store);
    const outcome = outcomeEntity(entityConfig(store));
    const worker = userOf(demo, 'lw-asha');
    const start = Date.parse(`${FROM}T00:00:00Z`);
    const referralCount = Math.ceil(measurements / PER_REFERRAL);
    const items: Record<string, unknown>[] = [];
    for (let i = 0; i < referralCount; i++) {
      const practiceIndex = i % 4;
      const pcnId = demo.organisations.pcnIds[practiceIndex < 2 ? 0 : 1];
      const receivedAt = new Date(start + random.int(0, 300) * DAY + random.int(0, 36_000) * 1000).toISOString();
      const patient = buildPatient(
        random,
        {
          seq: 1_000 + i,
          practiceId: demo.organisations.practiceIds[practiceIndex] as string,
          pcnId,
          icbId: demo.organisations.icbId,
        },
        new Date(receivedAt),
      );
      patient.patientId = newId();
      const { referral, event } = newReferral({ newId, random, patient, linkWorker: worker, receivedAt });
      referral.status = 'ACTIVE';
      items.push(e.patient.put(patient).params().Item, e.referral.put(referral).params().Item);
      items.push(e.event.put(event).params().Item);
      for (const { wave, afterDays } of WAVES) {
        const measuredAt = new Date(Date.parse(receivedAt) + afterDays * DAY).toISOString();
        for (const measure of MEASURES) {
          items.push(
            outcome
              .put({
                outcomeId: newId(),
                referralId: referral.referralId,
                patientId: patient.patientId,
                instrument: measure.instrument,
                item: measure.item,
                value: random.int(measure.instrument === 'ONS_LONELINESS' ? 1 : 0, measure.max),
                wave,
                source: 'SMS',
                measuredAt,
                createdAt: measuredAt,
              })
              .params().Item,
          );
        }
      }
    }
    let t = performance.now();
    await batchPut(store, items, 8);
    log(
      `outcomes: ${referralCount * PER_REFERRAL} measurements (${items.length} items) written in ${Math.round(performance.now() - t)} ms`,
    );

    const scope = { kind: 'ICB' as const, id: demo.organisations.icbId };
    const groupBy = DIMENSIONS_BY_SCOPE.ICB.filter((dimension) => dimension !== 'NONE');
    const period = resolvePeriod(FROM, TO);
    const months = new Set(period.months);
    const instruments = instrumentItems([]);
    const facts = new DynamoDbFactSource(store);

    // Scan and compute: the same answer from the raw records.
    const scanAndCompute = async () => {
      const { records } = await facts.scopeRecords(scope);
      const inPeriod = records.flatMap(referralFacts).filter((fact) => months.has(fact.month));
      const byDimension = new Map<Dimension, Map<string, Counters>>();
      for (const dimension of ['NONE', ...groupBy] as Dimension[]) byDimension.set(dimension, new Map());
      for (const delta of mergeContributions(inPeriod).values()) {
        if (scopeKey(delta.scope) !== scopeKey(scope)) continue;
        const groups = byDimension.get(delta.dimension);
        if (!groups) continue;
        groups.set(delta.group, addCounters(groups.get(delta.group) ?? {}, delta.counters));
      }
      const total = byDimension.get('NONE')?.get(TOTAL_GROUP) ?? {};
      return { ...summaryRows(total, byDimension, instruments, 'CONTROLLED'), factCount: inPeriod.length };
    };

    // Aggregates through the real folding functions and the real aggregate store.
    t = performance.now();
    const { records } = await facts.scopeRecords({ kind: 'NATIONAL', id: 'ALL' });
    const aggregates = new DynamoDbAggregateStore(store);
    // Only the ICB scope's items are read below; the other scopes' (national, PCN, practice) are left out to save time.
    const deltas = [...mergeContributions(records.flatMap(referralFacts)).values()].filter(
      (delta) => scopeKey(delta.scope) === scopeKey(scope),
    );
    // The items replaceAggregates writes (entity keys, `c:<counter>` attributes), written concurrently for speed.
    const aggregateItems = aggregateEntity(entityConfig(store));
    const updatedAt = clock.now().toISOString();
    await batchPut(
      store,
      deltas.map((delta) => {
        const key = {
          scope: scopeKey(delta.scope),
          dimension: delta.dimension,
          month: delta.month,
          group: delta.group,
        };
        const item: Record<string, unknown> = { ...aggregateItems.put({ ...key, updatedAt }).params().Item };
        for (const [name, value] of Object.entries(delta.counters)) item[`${COUNTER_PREFIX}${name}`] = value;
        return item;
      }),
      8,
    );
    log(`outcomes: ${deltas.length} aggregate items folded and written in ${Math.round(performance.now() - t)} ms`);

    const deps = {
      aggregates,
      organisations: new DynamoDbIdentityRepository(store),
    };
    const commissioner = principalOf(userOf(demo, 'comm-femi'));
    const summary = () =>
      outcomeSummary(deps, commissioner, { scope: { icbId: scope.id }, from: FROM, to: TO, groupBy });

    // The two answers must agree before either is timed.
    await summary();
    counter.reset();
    const meter = newReadMeter();
    const answer = await outcomeSummary({ ...deps, meter }, commissioner, {
      scope: { icbId: scope.id },
      from: FROM,
      to: TO,
      groupBy,
    });
    const summaryCounts = counter.reset();
    firstRequests ??= summaryCounts.requests;
    const scanned = await scanAndCompute();
    const scanCounts = counter.reset();
    const same =
      JSON.stringify({ total: answer.total, groups: answer.groups }) ===
      JSON.stringify({ total: scanned.total, groups: scanned.groups });
    if (!same)
      throw new Error(`outcomes: the summary and the scan-and-compute disagree at ${measurements} measurements`);

    const summaryTimes: number[] = [];
    const scanTimes: number[] = [];
    const scanSamples = measurements >= 50_000 ? 2 : measurements >= 5_000 ? Math.min(samples, 4) : samples;
    for (let i = 0; i < samples; i++) {
      t = performance.now();
      await summary();
      summaryTimes.push(performance.now() - t);
      if (i < scanSamples) {
        t = performance.now();
        await scanAndCompute();
        scanTimes.push(performance.now() - t);
      }
    }
    counter.reset();
    const variant = `ICB, 12 months, ${groupBy.length + 1} breakdowns, ${referralCount * PER_REFERRAL} measurements`;
    const floorLabel = 'scan + compute';
    rows.push({
      case: 'outcomes',
      variant,
      metric: 'items read',
      value: summaryCounts.itemsRead,
      unit: 'items',
      floor: scanCounts.itemsRead,
      floorLabel,
      counts: {
        requests: summaryCounts.requests,
        RCU: round(summaryCounts.readUnits),
        'scan requests': scanCounts.requests,
        'scan RCU': round(scanCounts.readUnits),
        rows: answer.groups.length + 1,
        'same answer': 'yes',
        ...(summaryCounts.requests !== firstRequests ? { flag: 'summary requests not flat' } : {}),
      },
    });
    rows.push({
      case: 'outcomes',
      variant,
      metric: 'p50 latency',
      value: percentile(summaryTimes, 50),
      unit: 'ms',
      floor: percentile(scanTimes, 50),
      floorLabel,
      counts: { samples: summaryTimes.length, 'scan samples': scanTimes.length, 'aggregate items': deltas.length },
    });
    await bench.drop();
  }
  return rows;
};
