import type { QuestionCatalogue } from '../../checkins';
import type { Principal } from '../../identity';
import { ValidationError } from '../../shared/errors';
import { addCounters } from '../aggregation';
import type { DisclosurePolicy } from '../disclosure';
import type { Counters } from '../facts';
import { instrumentItems } from '../instruments';
import type { AggregateStore, OrganisationDirectory, ReadMeter } from '../ports';
import { type SummaryRows, summaryCsv, summaryRows } from '../summary';
import { DIMENSIONS_BY_SCOPE, type Dimension, type Scope, TOTAL_GROUP } from '../vocabulary';
import { type Period, resolveFigureScope, resolvePeriod, type ScopeInput } from './figure-scope';

export interface OutcomeFiguresDeps {
  aggregates: Pick<AggregateStore, 'readAggregates'>;
  organisations: OrganisationDirectory;
  catalogue?: QuestionCatalogue;
  /** Counts the items read (tests and benchmarks). */
  meter?: ReadMeter;
}

export interface OutcomeSummaryInput {
  scope?: ScopeInput | null;
  /** First day of a month, YYYY-MM-DD. */
  from: string;
  /** Last day of a month, YYYY-MM-DD. */
  to: string;
  /** Breakdowns, each giving its own rows; NONE (the total) always comes back as `total`. */
  groupBy?: readonly Dimension[] | null;
  /** Instrument ids, e.g. `ONS4`, `ONS_LONELINESS`, `UCLA3`. */
  instruments?: readonly string[] | null;
}

export interface OutcomeSummary extends SummaryRows {
  scope: Scope & { name?: string };
  period: Period;
  disclosureControl: DisclosurePolicy;
}

/** Each breakdown's groups with their counters summed over the months read. */
async function readBreakdowns(
  deps: OutcomeFiguresDeps,
  scope: Scope,
  dimensions: readonly Dimension[],
  period: Period,
): Promise<Map<Dimension, Map<string, Counters>>> {
  const first = period.months[0]!;
  const last = period.months[period.months.length - 1]!;
  const byDimension = new Map<Dimension, Map<string, Counters>>();
  const reads = await Promise.all(
    dimensions.map((dimension) => deps.aggregates.readAggregates(scope, dimension, first, last, deps.meter)),
  );
  dimensions.forEach((dimension, i) => {
    const groups = new Map<string, Counters>();
    for (const item of reads[i]!) groups.set(item.group, addCounters(groups.get(item.group) ?? {}, item.counters));
    byDimension.set(dimension, groups);
  });
  return byDimension;
}

/**
 * A commissioner's outcome figures. Primary course: check the caller may see the scope (FORBIDDEN otherwise), read
 * the pre-aggregated items of the total and of each breakdown asked for over whole months (a number of items that
 * depends on months × groups, never on how many people there are), sum them per group, and release every row
 * disclosure-controlled from its own raw counters.
 */
export async function outcomeSummary(
  deps: OutcomeFiguresDeps,
  principal: Principal,
  input: OutcomeSummaryInput,
): Promise<OutcomeSummary> {
  const resolved = await resolveFigureScope(deps, principal, input.scope);
  const period = resolvePeriod(input.from, input.to);
  const groupBy = [...new Set(input.groupBy ?? [])].filter((dimension) => dimension !== 'NONE');
  const offered = DIMENSIONS_BY_SCOPE[resolved.scope.kind];
  for (const dimension of groupBy) {
    if (!offered.includes(dimension)) {
      throw new ValidationError('groupBy', `${dimension} is not offered for ${resolved.scope.kind} figures`);
    }
  }
  const instruments = instrumentItems(input.instruments ?? [], deps.catalogue);
  const byDimension = await readBreakdowns(deps, resolved.scope, ['NONE', ...groupBy], period);
  const total = byDimension.get('NONE')!.get(TOTAL_GROUP) ?? {};
  return {
    scope: { ...resolved.scope, ...(resolved.name ? { name: resolved.name } : {}) },
    period,
    disclosureControl: resolved.policy,
    ...summaryRows(total, byDimension, instruments, resolved.policy),
  };
}

/** The same rows as CSV (see summaryCsv); organisation groups are labelled with their names. */
export async function outcomeSummaryCsv(
  deps: OutcomeFiguresDeps,
  principal: Principal,
  input: OutcomeSummaryInput,
): Promise<string> {
  const summary = await outcomeSummary(deps, principal, input);
  const labels = new Map<string, string>();
  for (const row of summary.groups) {
    if (row.dimension === 'ICB' || row.dimension === 'PCN' || row.dimension === 'PRACTICE') {
      const organisation = await deps.organisations.getOrganisation(row.group);
      if (organisation) labels.set(`${row.dimension}|${row.group}`, organisation.name);
    }
  }
  if (summary.scope.name) labels.set(`NONE|${TOTAL_GROUP}`, summary.scope.name);
  return summaryCsv(summary, labels);
}
