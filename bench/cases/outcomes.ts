import { outcomeEntity } from '../../functions/checkins/entities/outcome';
import { DynamoDbIdentityRepository } from '../../functions/identity/adapters/dynamodb-identity-repository';
import { DynamoDbAggregateStore } from '../../functions/outcomes/adapters/dynamodb-aggregate-store';
import { type AggregateDelta, mergeContributions } from '../../functions/outcomes/aggregation';
import { outcomeFactSource } from '../../functions/outcomes/deps';
import { aggregateEntity, COUNTER_PREFIX } from '../../functions/outcomes/entities/aggregate';
import { reportedItems } from '../../functions/outcomes/instruments';
import { factsOfRecords } from '../../functions/outcomes/patient-facts';
import { parsePeriod } from '../../functions/outcomes/periods';
import { newReadMeter } from '../../functions/outcomes/ports';
import { outcomeRow } from '../../functions/outcomes/release';
import { outcomeSummary } from '../../functions/outcomes/use-cases/outcome-summary';
import { readPeriodCounters } from '../../functions/outcomes/use-cases/read-figures';
import { DIMENSIONS_BY_SCOPE, type Scope, scopeKey, TOTAL_GROUP } from '../../functions/outcomes/vocabulary';
import type { DataStore } from '../../functions/platform/dynamodb/client';
import { entityConfig } from '../../functions/platform/dynamodb/service';
import { createIdGenerator } from '../../functions/shared/ids';
import { accuracyOf } from '../../test/attack/accuracy';
import { attack, summariseAttack } from '../../test/attack/attack';
import { perCellAnswers } from '../../test/attack/collect';
import { CELL_KEY_MODEL, PER_CELL_MODEL } from '../../test/attack/releases';
import { collectAll, inMemoryAggregates, loadPopulation, ORGS_AT_SCALE } from '../../test/attack/scenario';
import { ORGS } from '../../test/integration/outcomes/fixtures';
import { batchPut, benchTable, principalOf, round, userOf } from '../lib/env';
import { buildPatient, entitiesOf, newReferral } from '../lib/fixtures';
import { type BenchCase, type BenchRow, percentile } from '../lib/report';

/*
 * Case 4, commissioner figures.
 *  1. Read cost: `outcomeSummary` (the real use case over the real aggregate store) for one ICB over a released
 *     financial year with every breakdown offered at ICB level, at growing numbers of outcome measurements. The
 *     aggregate items are made by the real fact derivation (scopeRecords → factsOfRecords → mergeContributions) and
 *     written with the aggregate entity's keys. Compared with a scan-and-compute of the same answer from the raw
 *     records; the two answers must match, and the summary's requests and items read must not grow with the data.
 *  2. The attack at scale (test/attack): one ICB commissioner collects every answer over a financial year of a
 *     larger population and ICB, and the attacker must recover no suppressed cell and pin no released count; the
 *     same cells under the old per-cell rules show the attack works. With the accuracy cost of the method.
 */

const PERIOD = 'FY2025-26';
const START = '2025-04-01';
const DAY = 86_400_000;
/** Per referral: baseline and week-6 answers to three items. */
const MEASURES = [
  { instrument: 'ONS4', item: 'happiness', min: 0, max: 10 },
  { instrument: 'ONS4', item: 'anxiety', min: 0, max: 10 },
  { instrument: 'ONS_LONELINESS', item: 'lonely', min: 1, max: 5 },
] as const;
const WAVES = [
  { wave: 'BASELINE', afterDays: 7 },
  { wave: 'WEEK_6', afterDays: 49 },
] as const;
const PER_REFERRAL = MEASURES.length * WAVES.length;

/** Aggregate items as the aggregate store writes them (entity keys, one `c:<counter>` attribute per counter). */
function aggregateItems(store: DataStore, deltas: readonly AggregateDelta[], updatedAt: string) {
  const entity = aggregateEntity(entityConfig(store));
  return deltas.map((delta) => {
    const key = { scope: scopeKey(delta.scope), dimension: delta.dimension, period: delta.period, group: delta.group };
    const item: Record<string, unknown> = { ...entity.put({ ...key, updatedAt }).params().Item };
    for (const [name, value] of Object.entries(delta.counters)) item[`${COUNTER_PREFIX}${name}`] = value;
    return item;
  });
}

async function readCost(context: Parameters<BenchCase>[0]): Promise<BenchRow[]> {
  const { quick, scale = 1, endpoint: firstEndpoint, freshEmulator, log } = context;
  // Quick mode: 120 and 480, not 1,000 and 10,000 (see docs/performance.md).
  const sizes = quick ? [120, 480] : [...new Set([1_000, 10_000, Math.max(10_000, Math.round(100_000 * scale))])];
  const samples = quick ? 3 : 15;
  const rows: BenchRow[] = [];
  let firstRequests: number | undefined;
  let firstItems: number | undefined;
  for (const [index, measurements] of sizes.entries()) {
    // Each size on an emulator of its own, so the largest is not measured on one slowed by the others.
    const endpoint = index === 0 ? firstEndpoint : await freshEmulator();
    const bench = await benchTable(endpoint, `outcomes${measurements}`);
    const { store, counter, clock, random, demo } = bench;
    const newId = createIdGenerator(clock);
    const e = entitiesOf(store);
    const outcome = outcomeEntity(entityConfig(store));
    const worker = userOf(demo, 'lw-asha');
    const start = Date.parse(`${START}T00:00:00Z`);
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
                value: random.int(measure.min, measure.max),
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

    const scope: Scope = { kind: 'ICB', id: demo.organisations.icbId };
    const groupBy = DIMENSIONS_BY_SCOPE.ICB.filter((dimension) => dimension !== 'NONE');
    const period = parsePeriod(PERIOD);
    const instruments = reportedItems(undefined);
    const facts = outcomeFactSource(store);
    const organisations = new DynamoDbIdentityRepository(store);

    // Scan and compute: the same answer from the raw records.
    const scanAndCompute = async () => {
      const { records, patients } = await facts.scopeRecords(scope);
      const merged = [...mergeContributions(factsOfRecords(records, patients)).values()];
      const read = await readPeriodCounters(
        { aggregates: inMemoryAggregates(merged), organisations },
        scope,
        period,
        groupBy,
        clock.now(),
      );
      return {
        total: outcomeRow('NONE', TOTAL_GROUP, read.total, instruments, 'CONTROLLED'),
        groups: read.groups.map((g) => ({
          ...outcomeRow(g.dimension, g.group, g.counters, instruments, 'CONTROLLED'),
          ...(g.label ? { label: g.label } : {}),
          ...(g.odsCode ? { odsCode: g.odsCode } : {}),
        })),
      };
    };

    // Aggregates through the real fact derivation, written with the aggregate entity's keys.
    t = performance.now();
    const { records, patients } = await facts.scopeRecords({ kind: 'NATIONAL', id: 'ALL' });
    // Only the ICB scope's items are read below; the other scopes' are left out to save time.
    const deltas = [...mergeContributions(factsOfRecords(records, patients)).values()].filter(
      (delta) => scopeKey(delta.scope) === scopeKey(scope),
    );
    await batchPut(store, aggregateItems(store, deltas, clock.now().toISOString()), 8);
    log(`outcomes: ${deltas.length} aggregate items folded and written in ${Math.round(performance.now() - t)} ms`);

    const deps = { aggregates: new DynamoDbAggregateStore(store), organisations, clock };
    const commissioner = principalOf(userOf(demo, 'comm-femi'));
    const input = { scope: { icbId: scope.id }, period: PERIOD, groupBy };
    const summary = () => outcomeSummary(deps, commissioner, input);

    // The two answers must agree before either is timed.
    await summary();
    counter.reset();
    const meter = newReadMeter();
    const answer = await outcomeSummary({ ...deps, meter }, commissioner, input);
    const summaryCounts = counter.reset();
    firstRequests ??= summaryCounts.requests;
    firstItems ??= meter.itemsRead;
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
    const variant = `ICB, ${PERIOD}, ${groupBy.length + 1} breakdowns, ${referralCount * PER_REFERRAL} measurements`;
    const floorLabel = 'scan + compute';
    const flat = summaryCounts.requests === firstRequests && meter.itemsRead === firstItems;
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
        ...(flat ? {} : { flag: 'summary requests or items read not flat' }),
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
}

async function attackAtScale(context: Parameters<BenchCase>[0]): Promise<BenchRow[]> {
  const { quick, scale = 1, log } = context;
  const endpoint = quick ? context.endpoint : await context.freshEmulator();
  const people = quick ? 500 : Math.max(500, Math.round(10_000 * scale));
  const orgs = quick ? ORGS : ORGS_AT_SCALE;
  const bench = await benchTable(endpoint, 'outcomes-attack');
  let t = performance.now();
  const loaded = await loadPopulation(bench.store, people, 20260412, orgs);
  const answers = await collectAll(bench.store, loaded, orgs);
  const collectMs = performance.now() - t;
  t = performance.now();
  const report = attack(answers, CELL_KEY_MODEL);
  const attackMs = performance.now() - t;
  log(`outcomes: ${summariseAttack(report)}`);
  const before = attack(perCellAnswers(answers), PER_CELL_MODEL, {
    families: (name) => name === 'referrals and people' || name.startsWith('ONS4.happiness'),
    stepsPerRelation: 10,
  });
  log(`outcomes: ${summariseAttack(before)}`);
  const accuracy = accuracyOf(answers);
  await bench.drop();
  const practices = orgs.filter((org) => org.icbId === 'ICB-A').length;
  const variant = `ICB of ${practices} practices, ${loaded.referrals} referrals, ${answers.answers} answers, ${PERIOD} catalogue`;
  const found = report.recovered.length + report.pinned.length;
  return [
    {
      case: 'outcomes attack',
      variant,
      metric: 'cells recovered or pinned',
      value: found,
      unit: 'cells',
      floor: before.recovered.length + before.pinned.length,
      floorLabel: 'old per-cell rules, 5 of the families',
      counts: {
        'suppressed tried': report.suppressedTried,
        'released tried': report.releasedTried,
        'small released tried': report.releasedSmallTried,
        'means tried': report.meansTried,
        unknowns: report.variables,
        relations: report.constraints,
        'collect ms': Math.round(collectMs),
        'attack ms': Math.round(attackMs),
        ...(found > 0 || answers.inconsistencies.length > 0 ? { flag: 'the attack recovered cells' } : {}),
      },
    },
    {
      case: 'outcomes attack',
      variant,
      metric: 'released count mean abs error',
      value: accuracy.counts.meanAbsoluteError,
      unit: 'people',
      counts: {
        'max error': accuracy.counts.maxError,
        'relative error 8-50': `${round(100 * accuracy.counts.smallRelativeError, 1)}%`,
        'withheld now': `${round((100 * accuracy.counts.withheld) / accuracy.counts.nonZero, 1)}%`,
        'withheld before': `${round((100 * accuracy.counts.withheldBefore) / accuracy.counts.nonZero, 1)}%`,
        'mean abs error (means)': round(accuracy.means.meanAbsoluteError, 3),
        'means withheld now': `${round((100 * accuracy.means.withheld) / accuracy.means.possible, 1)}%`,
        'means withheld before': `${round((100 * accuracy.means.withheldBefore) / accuracy.means.possible, 1)}%`,
      },
    },
  ];
}

export const outcomes: BenchCase = async (context) => [...(await readCost(context)), ...(await attackAtScale(context))];
