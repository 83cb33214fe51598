import type { Counters, Fact } from './facts';
import {
  DIMENSIONS_BY_SCOPE,
  type Dimension,
  NATIONAL_SCOPE,
  NOT_RECORDED,
  type Scope,
  scopeKey,
  TOTAL_GROUP,
} from './vocabulary';

/*
 * Where a fact is counted: in every scope it belongs to (national, its ICB, PCN and practice), once per breakdown
 * offered at that scope, in the group(s) its profile falls in, for the fact's month. Multi-valued attributes (needs,
 * activity categories) put a fact in several groups of one breakdown, so group rows may add up to more than the total.
 */

export interface AggregateKey {
  scope: Scope;
  dimension: Dimension;
  month: string;
  group: string;
}

export interface AggregateDelta extends AggregateKey {
  counters: Counters;
}

export function aggregateKeyString(key: AggregateKey): string {
  return `${scopeKey(key.scope)}|${key.dimension}|${key.month}|${key.group}`;
}

export function scopesOf(fact: Fact): Scope[] {
  return [
    NATIONAL_SCOPE,
    { kind: 'ICB', id: fact.profile.icbId },
    { kind: 'PCN', id: fact.profile.pcnId },
    { kind: 'PRACTICE', id: fact.profile.practiceId },
  ];
}

export function groupsOf(fact: Fact, dimension: Dimension): readonly string[] {
  if (dimension === 'ACTIVITY_CATEGORY') return fact.categories;
  if (fact.categoryOnly) return [];
  const { profile } = fact;
  switch (dimension) {
    case 'NONE':
      return [TOTAL_GROUP];
    case 'NEED':
      return profile.needs.length > 0 ? profile.needs : [NOT_RECORDED];
    case 'AGE_BAND':
      return [profile.ageBand];
    case 'SEX':
      return [profile.sex];
    case 'ICB':
      return [profile.icbId];
    case 'PCN':
      return [profile.pcnId];
    case 'PRACTICE':
      return [profile.practiceId];
  }
}

/** The aggregate items one fact adds to, each with the fact's counters. */
export function contributionsOf(fact: Fact): AggregateDelta[] {
  const deltas: AggregateDelta[] = [];
  for (const scope of scopesOf(fact)) {
    for (const dimension of DIMENSIONS_BY_SCOPE[scope.kind]) {
      for (const group of groupsOf(fact, dimension)) {
        deltas.push({ scope, dimension, month: fact.month, group, counters: fact.counters });
      }
    }
  }
  return deltas;
}

export function addCounters(into: Counters, add: Counters, sign = 1): Counters {
  for (const [name, value] of Object.entries(add)) {
    const next = (into[name] ?? 0) + sign * value;
    if (next === 0) delete into[name];
    else into[name] = next;
  }
  return into;
}

/** The deltas of many facts, merged per aggregate item (zero counters dropped). */
export function mergeContributions(facts: readonly Fact[]): Map<string, AggregateDelta> {
  const merged = new Map<string, AggregateDelta>();
  for (const fact of facts) {
    for (const delta of contributionsOf(fact)) {
      const key = aggregateKeyString(delta);
      const existing = merged.get(key);
      if (existing) addCounters(existing.counters, delta.counters);
      else merged.set(key, { ...delta, counters: addCounters({}, delta.counters) });
    }
  }
  return merged;
}
