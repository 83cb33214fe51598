import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type AggregateDelta, mergeContributions } from '../../functions/outcomes/aggregation';
import { aggregateEntity, COUNTER_PREFIX } from '../../functions/outcomes/entities/aggregate';
import { factsOfRecords } from '../../functions/outcomes/patient-facts';
import type { AggregateStore } from '../../functions/outcomes/ports';
import { type Dimension, isMonth, type Scope, scopeKey } from '../../functions/outcomes/vocabulary';
import type { DataStore } from '../../functions/platform/dynamodb/client';
import { entityConfig } from '../../functions/platform/dynamodb/service';
import { ACTIVITIES, commissioner, figuresDeps, ORGS } from '../integration/outcomes/fixtures';
import {
  type ActivitySpec,
  type Org,
  randomPopulation,
  recordsOf,
  writeOrganisations,
} from '../integration/outcomes/population';
import { type AnswerSet, type AttackScope, collectAnswers } from './collect';

/*
 * The attack's seeded world: a financial year of referrals in the test organisations, folded by the real fact
 * derivation into the real aggregate store, and one ICB commissioner's reach over it.
 */

export const FINANCIAL_YEAR = [
  '2025-04',
  '2025-05',
  '2025-06',
  '2025-07',
  '2025-08',
  '2025-09',
  '2025-10',
  '2025-11',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
];
export const PERIODS = [...FINANCIAL_YEAR, 'FY2025-26-Q1', 'FY2025-26-Q2', 'FY2025-26-Q3', 'FY2025-26-Q4', 'FY2025-26'];

/**
 * A larger ICB for the benchmark: ICB-A with three PCNs of four practices each (and ICB-B, outside the
 * commissioner's reach).
 */
export const ORGS_AT_SCALE: Org[] = [
  ...['1', '2', '3'].flatMap((pcn) =>
    ['a', 'b', 'c', 'd'].map((practice) => ({
      icbId: 'ICB-A',
      pcnId: `PCN-A${pcn}`,
      practiceId: `PR-A${pcn}${practice}`,
    })),
  ),
  { icbId: 'ICB-B', pcnId: 'PCN-B1', practiceId: 'PR-B1a' },
];

/** The fixture activities of these PCNs, or three of each category for a PCN the fixtures do not have. */
export function activitiesFor(orgs: readonly Org[]): ActivitySpec[] {
  const pcns = [...new Map(orgs.map((org) => [org.pcnId, org.icbId]))];
  return pcns.flatMap(([pcnId, icbId]) => {
    const known = ACTIVITIES.filter((a) => a.pcnId === pcnId);
    if (known.length > 0) return known;
    return ['PHYSICAL_ACTIVITY', 'ARTS_AND_CREATIVITY', 'SOCIAL_GROUPS'].map((category, i) => ({
      activityId: `act-${pcnId}-${i}`,
      category,
      pcnId,
      icbId,
    }));
  });
}

/** An ICB commissioner's reach: ICB-A, its PCNs and their practices. */
export function icbScopes(orgs: readonly Org[] = ORGS): AttackScope[] {
  const icb = { kind: 'ICB' as const, id: 'ICB-A' };
  const inIcb = orgs.filter((org) => org.icbId === 'ICB-A');
  const pcns = [...new Set(inIcb.map((org) => org.pcnId))];
  return [
    { input: { icbId: 'ICB-A' }, scope: icb },
    ...pcns.map((id) => ({ input: { pcnId: id }, scope: { kind: 'PCN' as const, id }, parent: icb })),
    ...inIcb.map((org) => ({
      input: { practiceId: org.practiceId },
      scope: { kind: 'PRACTICE' as const, id: org.practiceId },
      parent: { kind: 'PCN' as const, id: org.pcnId },
    })),
  ];
}

export interface LoadedPopulation {
  /** The aggregate items folded, in memory: where the attack's scoring reads the truth. */
  truth: Pick<AggregateStore, 'readAggregates'>;
  items: number;
  referrals: number;
}

/**
 * Derives a seeded population's facts with the real derivation, merges them into aggregate items as folding would,
 * and writes the items with the aggregate entity's keys (a batch load: folding hundreds of referrals one by one
 * through transactions is the folding tests' business, not the attack's).
 */
export async function loadPopulation(
  store: DataStore,
  people: number,
  seed: number,
  orgs: readonly Org[] = ORGS,
): Promise<LoadedPopulation> {
  await writeOrganisations(store, orgs);
  const activities = activitiesFor(orgs);
  const population = randomPopulation({ seed, people, orgs, activities, months: FINANCIAL_YEAR });
  const { records, patients } = recordsOf(population, activities);
  const merged = [...mergeContributions(factsOfRecords(records, patients)).values()];
  const entity = aggregateEntity(entityConfig(store));
  const items = merged.map((delta) => {
    const key = { scope: scopeKey(delta.scope), dimension: delta.dimension, period: delta.period, group: delta.group };
    const item: Record<string, unknown> = {
      ...entity.put({ ...key, updatedAt: '2026-07-01T00:00:00.000Z' }).params().Item,
    };
    for (const [name, value] of Object.entries(delta.counters)) item[`${COUNTER_PREFIX}${name}`] = value;
    return item;
  });
  await batchPut(store, items);
  return { truth: inMemoryAggregates(merged), items: items.length, referrals: records.length };
}

async function batchPut(store: DataStore, items: Record<string, unknown>[], concurrency = 4): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        let pending: { PutRequest: { Item: Record<string, unknown> } }[] | undefined = batch.map((Item) => ({
          PutRequest: { Item },
        }));
        while (pending && pending.length > 0) {
          const response = await store.documentClient.send(
            new BatchWriteCommand({ RequestItems: { [store.tableName]: pending } }),
          );
          pending = response.UnprocessedItems?.[store.tableName] as typeof pending;
        }
      }
    }),
  );
}

/** The same items, read from memory (the true counters, for scoring). */
export function inMemoryAggregates(deltas: readonly AggregateDelta[]): Pick<AggregateStore, 'readAggregates'> {
  const byPartition = new Map<string, AggregateDelta[]>();
  for (const delta of deltas) {
    const key = `${scopeKey(delta.scope)}|${delta.dimension}`;
    byPartition.set(key, [...(byPartition.get(key) ?? []), delta]);
  }
  return {
    async readAggregates(scope: Scope, dimension: Dimension, first: string, last: string) {
      return (byPartition.get(`${scopeKey(scope)}|${dimension}`) ?? [])
        .filter((d) =>
          first === last ? d.period === first : d.period >= first && d.period <= last && isMonth(d.period),
        )
        .map((d) => ({ period: d.period, group: d.group, counters: d.counters }));
    },
  };
}

export async function collectAll(
  store: DataStore,
  loaded: LoadedPopulation,
  orgs: readonly Org[] = ORGS,
): Promise<AnswerSet> {
  const deps = figuresDeps(store);
  return collectAnswers(deps, commissioner('ICB-A'), icbScopes(orgs), PERIODS, { ...deps, aggregates: loaded.truth });
}
