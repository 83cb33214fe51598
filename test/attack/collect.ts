import type { Principal } from '../../functions/identity/principal';
import type { Counters } from '../../functions/outcomes/facts';
import { type InstrumentItemSpec, reportedItems } from '../../functions/outcomes/instruments';
import { parsePeriod } from '../../functions/outcomes/periods';
import { type OutcomeFiguresDeps, outcomeSummary } from '../../functions/outcomes/use-cases/outcome-summary';
import { type FigureReadDeps, readPeriodCounters } from '../../functions/outcomes/use-cases/read-figures';
import { referralActivity } from '../../functions/outcomes/use-cases/referral-activity';
import {
  DIMENSIONS_BY_SCOPE,
  type Dimension,
  ORGANISATION_DIMENSIONS,
  type Scope,
  scopeKey,
} from '../../functions/outcomes/vocabulary';
import { observationsOfRow, perCellObservations, type RowObservations } from './releases';

/*
 * Collects every answer one commissioner can get: every scope they may ask for (their ICB, its PCNs and practices),
 * every released period of the catalogue, every breakdown and instrument, the monthly trend and the SNOMED referral
 * activity, through the real use cases on the real aggregate store. Each answer's rows are filed under the cell
 * they describe (an ICB's PCN row and that PCN's own total are one cell), with the true counters of that cell for
 * scoring, read with a test's privilege.
 */

export const ALL_INSTRUMENTS = ['ONS4', 'ONS_LONELINESS', 'UCLA3'];

export interface AttackScope {
  input: { icbId?: string; pcnId?: string; practiceId?: string };
  scope: Scope;
  /** The scope whose organisation breakdown lists this one (undefined for the ICB). */
  parent?: Scope;
}

export interface CollectedRow {
  /** `<scope>|<dimension>|<group>|<period>` of the cell, organisation rows filed under the organisation's total. */
  key: string;
  byCategory: boolean;
  truth: Counters;
  /** Every released view of the row (one per answer that showed it). */
  released: RowObservations[];
}

export interface AnswerSet {
  scopes: AttackScope[];
  periods: string[];
  specs: InstrumentItemSpec[];
  rows: Map<string, CollectedRow>;
  /** Groups listed per scope and breakdown (the same in every period). */
  groups: Map<string, string[]>;
  answers: number;
  /** Cells shown twice with different values (must not happen: the same people give the same release). */
  inconsistencies: string[];
}

export function rowKey(scope: Scope, dimension: Dimension, group: string, period: string): string {
  if (ORGANISATION_DIMENSIONS.includes(dimension)) return `${dimension}-${group}|NONE|ALL|${period}`;
  return `${scopeKey(scope)}|${dimension}|${group}|${period}`;
}

export async function collectAnswers(
  deps: OutcomeFiguresDeps,
  principal: Principal,
  scopes: readonly AttackScope[],
  periods: readonly string[],
  /** Where the true counters are read (default: the same store, with a test's privilege). */
  truthFrom: FigureReadDeps = deps,
): Promise<AnswerSet> {
  const specs = reportedItems(ALL_INSTRUMENTS);
  const now = deps.clock.now();
  const set: AnswerSet = {
    scopes: [...scopes],
    periods: [...periods],
    specs,
    rows: new Map(),
    groups: new Map(),
    answers: 0,
    inconsistencies: [],
  };
  const file = (key: string, byCategory: boolean, truth: Counters, released: RowObservations) => {
    const row = set.rows.get(key) ?? { key, byCategory, truth, released: [] };
    if (row.released.length > 0 && JSON.stringify(row.released[0]) !== JSON.stringify(released)) {
      set.inconsistencies.push(key);
    }
    row.released.push(released);
    set.rows.set(key, row);
  };
  for (const { input, scope } of scopes) {
    const groupBy = DIMENSIONS_BY_SCOPE[scope.kind].filter((d) => d !== 'NONE');
    for (const period of periods) {
      const summary = await outcomeSummary(deps, principal, {
        scope: input,
        period,
        groupBy,
        instruments: ALL_INSTRUMENTS,
      });
      const truth = await readPeriodCounters(truthFrom, scope, parsePeriod(period), groupBy, now);
      set.answers += 1;
      file(rowKey(scope, 'NONE', 'ALL', period), false, truth.total, observationsOfRow(summary.total, specs));
      summary.groups.forEach((row, i) => {
        const raw = truth.groups[i]!;
        if (raw.group !== row.group || raw.dimension !== row.dimension) throw new Error('rows out of step');
        const listed = `${scopeKey(scope)}|${row.dimension}`;
        set.groups.set(listed, [...new Set([...(set.groups.get(listed) ?? []), row.group])]);
        const byCategory = row.dimension === 'ACTIVITY_CATEGORY';
        file(rowKey(scope, row.dimension, row.group, period), byCategory, raw.counters, observationsOfRow(row, specs));
      });
      summary.months.forEach(({ month, total }, i) => {
        file(rowKey(scope, 'NONE', 'ALL', month), false, truth.months[i]!.counters, observationsOfRow(total, specs));
      });
      if (scope.kind !== 'NATIONAL') {
        const activity = await referralActivity(deps, principal, { scope: input, period });
        set.answers += 1;
        for (const row of activity.rows) {
          const key = rowKey(scope, 'PRACTICE', row.practiceId, row.month);
          const known = set.rows.get(key);
          if (!known) continue;
          const shown = known.released[0]!.counts;
          for (const [metric, released] of [
            ['referralsAccepted', row.accepted],
            ['referralsDeclined', row.declined],
          ] as const) {
            const same = shown.find((c) => c.metric === metric)!.released;
            if (JSON.stringify(same) !== JSON.stringify(released)) set.inconsistencies.push(`${key}|${metric}`);
          }
          known.released.push({
            counts: [
              { metric: 'referralsAccepted', released: row.accepted },
              { metric: 'referralsDeclined', released: row.declined },
            ],
            means: [],
            spreads: [],
          });
        }
      }
    }
  }
  return set;
}

/** The same cells as the old per-cell rules would have released them (from the true counters). */
export function perCellAnswers(set: AnswerSet): AnswerSet {
  const rows = new Map<string, CollectedRow>();
  for (const [key, row] of set.rows) {
    rows.set(key, { ...row, released: [perCellObservations(row.truth, set.specs, row.byCategory)] });
  }
  return { ...set, rows, inconsistencies: [] };
}
