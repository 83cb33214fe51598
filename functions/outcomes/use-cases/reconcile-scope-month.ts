import type { Clock } from '../../shared/clock';
import {
  type AggregateDelta,
  addCounters,
  aggregateKeyString,
  allRevisions,
  mergeContributions,
  withRevision,
} from '../aggregation';
import { type Counters, contentOf, type Fact, factFromContent } from '../facts';
import { factsOfRecords } from '../patient-facts';
import { periodsOfMonth, revisionOf } from '../periods';
import type { AggregateStore, FactSource } from '../ports';
import { DIMENSIONS_BY_SCOPE, type Scope, scopeKey } from '../vocabulary';

export interface ReconcileDeps {
  facts: Pick<FactSource, 'scopeRecords'>;
  aggregates: Pick<AggregateStore, 'readAggregates' | 'addToAggregates' | 'putReceipts' | 'receiptContents'>;
  clock: Clock;
}

export interface ReconcileInput {
  scope: Scope;
  /** YYYY-MM */
  month: string;
  /** Bring drifted items and their facts' receipts in line with the records. */
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
  /** The reporting period of the item: the month, or its quarter or year (distinct people). */
  period: string;
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
 * the scope's records (referrals, their events, prescriptions, attendance register, check-ins, outcomes, and
 * patients), derive every fact with the same functions folding uses, keep those of the month (and the month's
 * quarter and year, for distinct people), add them up per aggregate item of the scope and every scope inside it,
 * read those items back (every revision included) and report each counter that differs. With `repair`, add the
 * difference to each drifted item (in the revision a change made now belongs to, so a released figure moves only at
 * the next release) and rewrite the receipts of the period's facts to what the records say.
 *
 * It finds lost or doubled stream records and hand edits, and it checks the folding itself: both read attendance,
 * so an engagement folded in the wrong month (a register recorded out of order) shows up as drift.
 */
export async function reconcileScopeMonth(deps: ReconcileDeps, input: ReconcileInput): Promise<ReconcileReport> {
  const { scope, month } = input;
  const periods = new Set(periodsOfMonth(month));
  const { records, patients } = await deps.facts.scopeRecords(scope);
  const derived = factsOfRecords(records, patients);
  const facts = derived.filter((fact) => contentOf(fact) !== '' && periods.has(fact.period));
  const expected = new Map(
    [...mergeContributions(facts)].filter(([, delta]) => DEPTH[delta.scope.kind] >= DEPTH[scope.kind]),
  );

  const scopes = new Map<string, Scope>([[scopeKey(scope), scope]]);
  for (const delta of expected.values()) scopes.set(scopeKey(delta.scope), delta.scope);
  const actual = new Map<string, AggregateDelta>();
  for (const each of scopes.values()) {
    for (const dimension of DIMENSIONS_BY_SCOPE[each.kind]) {
      for (const period of periods) {
        for (const item of await deps.aggregates.readAggregates(each, dimension, period, period)) {
          const delta: AggregateDelta = {
            scope: each,
            dimension,
            period,
            group: item.group,
            counters: allRevisions(item.counters),
          };
          actual.set(aggregateKeyString(delta), delta);
        }
      }
    }
  }

  const now = deps.clock.now().toISOString();
  const drift: ItemDrift[] = [];
  const repairs: AggregateDelta[] = [];
  for (const key of [...new Set([...expected.keys(), ...actual.keys()])].sort()) {
    const want = expected.get(key);
    const have = actual.get(key);
    const item = (want ?? have)!;
    const counters = diff(want?.counters ?? {}, have?.counters ?? {});
    if (counters.length === 0) continue;
    drift.push({
      scope: scopeKey(item.scope),
      dimension: item.dimension,
      group: item.group,
      period: item.period,
      counters,
    });
    const difference = addCounters({ ...(want?.counters ?? {}) }, have?.counters ?? {}, -1);
    const revision = revisionOf(item.period, now);
    repairs.push({
      ...item,
      counters: Object.fromEntries(
        Object.entries(difference).map(([name, value]) => [withRevision(name, revision), value]),
      ),
    });
  }
  const repaired = Boolean(input.repair && repairs.length > 0);
  if (repaired) {
    await deps.aggregates.addToAggregates(repairs, now);
    await deps.aggregates.putReceipts(await receiptsToRewrite(deps, derived, periods), now);
  }
  return {
    scope: scopeKey(scope),
    month,
    factsRecomputed: facts.length,
    itemsChecked: new Set([...expected.keys(), ...actual.keys()]).size,
    drift,
    repaired,
  };
}

/**
 * After a repair the items of `periods` hold what the records say, so every receipt that says something about those
 * periods (its old content or its new content falls in one) must say what the records say: otherwise the next fold
 * of that slot would take out or add in again what the repair already did. Receipts of other periods are left to
 * those periods' own reconciliation.
 */
async function receiptsToRewrite(
  deps: ReconcileDeps,
  derived: readonly Fact[],
  periods: ReadonlySet<string>,
): Promise<{ factId: string; content: string }[]> {
  const receipts = await deps.aggregates.receiptContents(derived.map((fact) => fact.id));
  const rewrite: { factId: string; content: string }[] = [];
  for (const fact of derived) {
    const content = contentOf(fact);
    const receipt = receipts.get(fact.id);
    if (receipt === content || (receipt === undefined && content === '')) continue;
    const receiptPeriod = receipt ? factFromContent(fact.id, receipt, '')?.period : undefined;
    const touches =
      (content !== '' && periods.has(fact.period)) || (receiptPeriod !== undefined && periods.has(receiptPeriod));
    if (touches) rewrite.push({ factId: fact.id, content });
  }
  return rewrite;
}
