import type { QuestionCatalogue } from '../../checkins';
import type { Principal } from '../../identity';
import type { Clock } from '../../shared/clock';
import { ValidationError } from '../../shared/errors';
import { summaryCsv } from '../csv';
import type { DisclosurePolicy } from '../disclosure';
import { reportedItems } from '../instruments';
import { parsePeriod, type ReportingPeriod, releaseInstant } from '../periods';
import { type OutcomeRow, outcomeRow } from '../release';
import { DIMENSIONS_BY_SCOPE, type Dimension, type Scope, TOTAL_GROUP } from '../vocabulary';
import { resolveFigureScope, type ScopeInput } from './figure-scope';
import { assertReleased, type FigureReadDeps, readPeriodCounters } from './read-figures';

export interface OutcomeFiguresDeps extends FigureReadDeps {
  clock: Clock;
  catalogue?: QuestionCatalogue;
}

export interface OutcomeSummaryInput {
  scope?: ScopeInput | null;
  /** A catalogue period: `2026-01`, `FY2025-26-Q1` or `FY2025-26`. */
  period: string;
  /** Breakdowns, each giving its own rows; NONE (the total) always comes back as `total`. */
  groupBy?: readonly Dimension[] | null;
  /** Instrument ids, e.g. `ONS4`, `ONS_LONELINESS`, `UCLA3`; default: those check-ins ask. */
  instruments?: readonly string[] | null;
}

export interface ReleasedPeriod extends ReportingPeriod {
  /** When the period's figures were first released (ISO). */
  releasedAt: string;
}

export interface FigureScope extends Scope {
  name?: string;
  odsCode?: string;
}

export interface OutcomeSummary {
  scope: FigureScope;
  period: ReleasedPeriod;
  disclosureControl: DisclosurePolicy;
  total: OutcomeRow;
  groups: OutcomeRow[];
  /** The total of each month of the period (the monthly trend), oldest first. */
  months: { month: string; total: OutcomeRow }[];
}

export function releasedPeriod(period: ReportingPeriod): ReleasedPeriod {
  return { ...period, releasedAt: releaseInstant(period).toISOString() };
}

/**
 * A commissioner's outcome figures. Primary course: check the caller may see the scope (FORBIDDEN otherwise) and
 * that the period is a released catalogue period; read the pre-aggregated items of the total and of each breakdown
 * asked for (a number of items that depends on months × groups, never on how many people there are); release every
 * cell disclosure-controlled from its own raw counters and cell key; add the monthly trend of the total, read in the
 * same queries.
 */
export async function outcomeSummary(
  deps: OutcomeFiguresDeps,
  principal: Principal,
  input: OutcomeSummaryInput,
): Promise<OutcomeSummary> {
  const resolved = await resolveFigureScope(deps, principal, input.scope);
  const period = parsePeriod(input.period);
  const now = deps.clock.now();
  assertReleased(period, now);
  const groupBy = [...new Set(input.groupBy ?? [])].filter((dimension) => dimension !== 'NONE');
  const offered = DIMENSIONS_BY_SCOPE[resolved.scope.kind];
  for (const dimension of groupBy) {
    if (!offered.includes(dimension)) {
      throw new ValidationError('groupBy', `${dimension} is not offered for ${resolved.scope.kind} figures`);
    }
  }
  const instruments = reportedItems(input.instruments, deps.catalogue);
  const counters = await readPeriodCounters(deps, resolved.scope, period, groupBy, now);
  const policy = resolved.policy;
  return {
    scope: {
      ...resolved.scope,
      ...(resolved.name ? { name: resolved.name } : {}),
      ...(resolved.odsCode ? { odsCode: resolved.odsCode } : {}),
    },
    period: releasedPeriod(period),
    disclosureControl: policy,
    total: outcomeRow('NONE', TOTAL_GROUP, counters.total, instruments, policy),
    groups: counters.groups.map((group) => ({
      ...outcomeRow(group.dimension, group.group, group.counters, instruments, policy),
      ...(group.label ? { label: group.label } : {}),
      ...(group.odsCode ? { odsCode: group.odsCode } : {}),
    })),
    months: counters.months.map(({ month, counters: ofMonth }) => ({
      month,
      total: outcomeRow('NONE', TOTAL_GROUP, ofMonth, instruments, policy),
    })),
  };
}

/** The same figures as CSV (see csv.ts): every row states its period and scope. */
export async function outcomeSummaryCsv(
  deps: OutcomeFiguresDeps,
  principal: Principal,
  input: OutcomeSummaryInput,
): Promise<string> {
  return summaryCsv(await outcomeSummary(deps, principal, input));
}
