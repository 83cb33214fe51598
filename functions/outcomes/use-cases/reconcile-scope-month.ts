import type { Clock } from '../../shared/clock';
import { type AggregateDelta, aggregateKeyString, mergeContributions } from '../aggregation';
import { type Counters, type Fact, optOutFact, profileOf, referralFacts, referralForOptOut } from '../facts';
import type { AggregateStore, FactSource } from '../ports';
import { DIMENSIONS_BY_SCOPE, type Scope, scopeKey } from '../vocabulary';

export interface ReconcileDeps {
  facts: Pick<FactSource, 'scopeRecords'>;
  aggregates: Pick<AggregateStore, 'readAggregates' | 'replaceAggregates'>;
  clock: Clock;
}

export interface ReconcileInput {
  scope: Scope;
  /** YYYY-MM */
  month: string;
  /** Rewrite drifted items with the recomputed counters. */
  repair?: boolean;
}

export interface CounterDrift {
  counter: string;
  expected: number;
  actual: number;
}

export interface ItemDrift {
  scope: string;
  dimension: string;
  group: string;
  month: string;
  counters: CounterDrift[];
}

export interface ReconcileReport {
  scope: string;
  month: string;
  factsRecomputed: number;
  itemsChecked: number;
  drift: ItemDrift[];
  repaired: boolean;
}

const DEPTH = { NATIONAL: 0, ICB: 1, PCN: 2, PRACTICE: 3 } as const;

function diff(expected: Counters, actual: Counters): CounterDrift[] {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...names]
    .sort()
    .map((counter) => ({ counter, expected: expected[counter] ?? 0, actual: actual[counter] ?? 0 }))
    .filter((d) => d.expected !== d.actual);
}

/**
 * Recomputes one scope-month from the raw records and compares it with the folded figures. Primary course: read
 * the scope's referral records (and its patients' consent), derive every fact with the same functions folding uses,
 * keep the month's, add them up per aggregate item of the scope and every scope inside it, read those items back,
 * and report each counter that differs; with `repair`, overwrite the drifted items with the recomputed counters.
 * Reconciliation checks that every fact was folded once (lost or doubled stream records, a hand edit); it also
 * brings figures in line with records edited after folding (a referral's needs, an activity's category).
 */
export async function reconcileScopeMonth(deps: ReconcileDeps, input: ReconcileInput): Promise<ReconcileReport> {
  const { scope, month } = input;
  const { records, patients } = await deps.facts.scopeRecords(scope);
  const facts: Fact[] = records.flatMap(referralFacts);
  const referralsByPatient = new Map<string, typeof records>();
  for (const record of records) {
    const list = referralsByPatient.get(record.referral.patientId) ?? [];
    list.push(record);
    referralsByPatient.set(record.referral.patientId, list);
  }
  for (const patient of patients) {
    if (patient.smsConsent !== 'OPTED_OUT' || !patient.smsConsentChangedAt) continue;
    const referrals = (referralsByPatient.get(patient.patientId) ?? []).map((record) => record.referral);
    const referral = referralForOptOut(referrals, patient.smsConsentChangedAt);
    const fact = referral && optOutFact(patient, profileOf({ referral, sex: patient.sex }));
    if (fact) facts.push(fact);
  }
  const inMonth = facts.filter((fact) => fact.month === month);
  // Every fact here belongs to the scope (its records were read for it): keep the items of the scope and below.
  const expected = new Map(
    [...mergeContributions(inMonth)].filter(([, delta]) => DEPTH[delta.scope.kind] >= DEPTH[scope.kind]),
  );

  const scopes = new Map<string, Scope>([[scopeKey(scope), scope]]);
  for (const delta of expected.values()) scopes.set(scopeKey(delta.scope), delta.scope);
  const actual = new Map<string, AggregateDelta>();
  for (const each of scopes.values()) {
    for (const dimension of DIMENSIONS_BY_SCOPE[each.kind]) {
      for (const item of await deps.aggregates.readAggregates(each, dimension, month, month)) {
        const delta: AggregateDelta = { scope: each, dimension, month, group: item.group, counters: item.counters };
        actual.set(aggregateKeyString(delta), delta);
      }
    }
  }

  const drift: ItemDrift[] = [];
  const repairs: AggregateDelta[] = [];
  for (const key of [...new Set([...expected.keys(), ...actual.keys()])].sort()) {
    const want = expected.get(key);
    const have = actual.get(key);
    const item = (want ?? have)!;
    const counters = diff(want?.counters ?? {}, have?.counters ?? {});
    if (counters.length === 0) continue;
    drift.push({ scope: scopeKey(item.scope), dimension: item.dimension, group: item.group, month, counters });
    repairs.push({ ...item, counters: want?.counters ?? {} });
  }
  if (input.repair && repairs.length > 0)
    await deps.aggregates.replaceAggregates(repairs, deps.clock.now().toISOString());
  return {
    scope: scopeKey(scope),
    month,
    factsRecomputed: inMonth.length,
    itemsChecked: new Set([...expected.keys(), ...actual.keys()]).size,
    drift,
    repaired: Boolean(input.repair && repairs.length > 0),
  };
}
