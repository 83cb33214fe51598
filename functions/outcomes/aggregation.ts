import { recordKey } from './disclosure';
import { type Counters, type Fact, isCountCounter, keyCounter } from './facts';
import { DIMENSIONS_BY_SCOPE, type Dimension, NATIONAL_SCOPE, type Scope, scopeKey, TOTAL_GROUP } from './vocabulary';

/*
 * Where a fact is counted: in every scope it belongs to (national, its ICB, PCN and practice), once per breakdown
 * offered at that scope, in the group(s) its profile falls in, for the fact's period. Multi-valued attributes (needs,
 * activity categories) put a fact in several groups of one breakdown, so group rows may add up to more than the total.
 * Every count counter travels with its cell-key counter (`<name>#k`, the sum of the facts' record keys), and every
 * counter a fold writes may carry a revision (`<name>@<YYYY-MM>`: shown from that month's release; periods.ts).
 */

export interface AggregateKey {
  scope: Scope;
  dimension: Dimension;
  /** A reporting-period id (periods.ts). */
  period: string;
  group: string;
}

export interface AggregateDelta extends AggregateKey {
  counters: Counters;
}

export function aggregateKeyString(key: AggregateKey): string {
  return `${scopeKey(key.scope)}|${key.dimension}|${key.period}|${key.group}`;
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
      return profile.needs;
    case 'AGE_BAND':
      return [profile.ageBand];
    case 'SEX':
      return [profile.sex];
    case 'ETHNICITY':
      return [profile.ethnicity];
    case 'REFERRAL_SOURCE':
      return [profile.source];
    case 'ICB':
      return [profile.icbId];
    case 'PCN':
      return [profile.pcnId];
    case 'PRACTICE':
      return [profile.practiceId];
  }
}

const REVISION_MARK = '@';

/** A counter name in a revision ('' is the period's first release: the bare name). */
export function withRevision(counter: string, revision: string): string {
  return revision === '' ? counter : `${counter}${REVISION_MARK}${revision}`;
}

export function splitRevision(name: string): { counter: string; revision: string } {
  const at = name.lastIndexOf(REVISION_MARK);
  return at < 0 ? { counter: name, revision: '' } : { counter: name.slice(0, at), revision: name.slice(at + 1) };
}

/** A fact's counters with the cell-key counter beside each count, times `sign`. */
export function keyedCounters(fact: Pick<Fact, 'id' | 'counters'>, sign = 1): Counters {
  const key = recordKey(fact.id);
  const counters: Counters = {};
  for (const [name, value] of Object.entries(fact.counters)) {
    counters[name] = sign * value;
    if (isCountCounter(name)) counters[keyCounter(name)] = sign * value * key;
  }
  return counters;
}

/** The aggregate items one fact adds to (or, with sign −1, takes back from), its counters in `revision`. */
export function contributionsOf(fact: Fact, options: { sign?: number; revision?: string } = {}): AggregateDelta[] {
  const revision = options.revision ?? '';
  const counters: Counters = {};
  for (const [name, value] of Object.entries(keyedCounters(fact, options.sign ?? 1))) {
    counters[withRevision(name, revision)] = value;
  }
  if (Object.keys(counters).length === 0) return [];
  const deltas: AggregateDelta[] = [];
  for (const scope of scopesOf(fact)) {
    for (const dimension of DIMENSIONS_BY_SCOPE[scope.kind]) {
      for (const group of groupsOf(fact, dimension)) {
        deltas.push({ scope, dimension, period: fact.period, group, counters });
      }
    }
  }
  return deltas;
}

export function addCounters(into: Counters, add: Counters, sign = 1): Counters {
  return addEntries(into, Object.entries(add), sign);
}

/** addCounters for counters already listed (a run of deltas that share one counters object lists it once). */
function addEntries(into: Counters, entries: readonly (readonly [string, number])[], sign = 1): Counters {
  for (const [name, value] of entries) {
    const next = (into[name] ?? 0) + sign * value;
    if (next === 0) delete into[name];
    else into[name] = next;
  }
  return into;
}

/** Deltas merged per aggregate item (zero counters dropped). */
export function mergeDeltas(deltas: Iterable<AggregateDelta>): Map<string, AggregateDelta> {
  return mergeInto(new Map(), deltas);
}

/**
 * Adds deltas into `merged`. The deltas of one fact share one counters object (contributionsOf), so its entries are
 * listed once for the run of deltas that carry it rather than once per delta.
 */
function mergeInto(merged: Map<string, AggregateDelta>, deltas: Iterable<AggregateDelta>): Map<string, AggregateDelta> {
  let listed: Counters | undefined;
  let entries: [string, number][] = [];
  for (const delta of deltas) {
    if (delta.counters !== listed) {
      listed = delta.counters;
      entries = Object.entries(delta.counters);
    }
    const key = aggregateKeyString(delta);
    const existing = merged.get(key);
    if (existing) addEntries(existing.counters, entries);
    else merged.set(key, { ...delta, counters: addEntries({}, entries) });
  }
  return merged;
}

/**
 * The untagged deltas of many facts, merged per aggregate item (what reconciliation expects the items to hold). Fact
 * by fact: a scope's facts give some forty deltas each, and listing them all first held millions at once.
 */
export function mergeContributions(facts: readonly Fact[]): Map<string, AggregateDelta> {
  const merged = new Map<string, AggregateDelta>();
  for (const fact of facts) mergeInto(merged, contributionsOf(fact));
  return merged;
}

/** An item's counters with revisions added into their counters: everything folded, whenever it is shown. */
export function allRevisions(counters: Counters): Counters {
  const total: Counters = {};
  for (const [name, value] of Object.entries(counters)) {
    const { counter } = splitRevision(name);
    total[counter] = (total[counter] ?? 0) + value;
  }
  for (const [name, value] of Object.entries(total)) if (value === 0) delete total[name];
  return total;
}

/** An item's counters as a reader sees them at a time: the first release plus the revisions published by then. */
export function visibleCounters(counters: Counters, published: (revision: string) => boolean): Counters {
  const visible: Counters = {};
  for (const [name, value] of Object.entries(counters)) {
    const { counter, revision } = splitRevision(name);
    if (published(revision)) visible[counter] = (visible[counter] ?? 0) + value;
  }
  return visible;
}
