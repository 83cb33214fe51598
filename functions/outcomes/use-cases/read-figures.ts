import { ValidationError } from '../../shared/errors';
import { addCounters, visibleCounters } from '../aggregation';
import { type Counters, keyCounter } from '../facts';
import { isPublished, isReleased, type ReportingPeriod, releaseInstant } from '../periods';
import type { AggregateStore, OrganisationDirectory, OrganisationInfo, ReadMeter } from '../ports';
import { type Dimension, GROUPS_OF, PER_PERIOD_COUNTERS, type Scope, TOTAL_GROUP } from '../vocabulary';

/*
 * Reading a released period's counters: the monthly items of the total and of each breakdown asked for (one Query
 * each), plus, for a quarter or year, its own items for the counters that do not add up over months (one more
 * Query each). The number of items is months × groups, never the number of people. Every group of a breakdown
 * comes back, with or without people in it, so a missing row never gives away a zero.
 */

export interface FigureReadDeps {
  aggregates: Pick<AggregateStore, 'readAggregates'>;
  organisations: OrganisationDirectory;
  /** Counts the items read (tests and benchmarks). */
  meter?: ReadMeter;
}

export interface GroupCounters {
  dimension: Dimension;
  group: string;
  label?: string;
  odsCode?: string;
  counters: Counters;
}

export interface PeriodCounters {
  total: Counters;
  groups: GroupCounters[];
  /** The total of each month of the period, in order (the monthly trend). */
  months: { month: string; counters: Counters }[];
}

/** Refuses a period that is not released yet: before its release nobody sees its figures. */
export function assertReleased(period: ReportingPeriod, now: Date): void {
  if (!isReleased(period, now)) {
    const on = releaseInstant(period).toISOString().slice(0, 10);
    throw new ValidationError('period', `figures for ${period.id} are released on ${on}`);
  }
}

function withoutPerPeriodCounters(counters: Counters): Counters {
  const kept = { ...counters };
  for (const name of PER_PERIOD_COUNTERS) {
    delete kept[name];
    delete kept[keyCounter(name)];
  }
  return kept;
}

/** The organisations that are the groups of an organisation breakdown of `scope` (children, or grandchildren). */
async function organisationGroups(
  directory: OrganisationDirectory,
  scope: Scope,
  dimension: Dimension,
): Promise<OrganisationInfo[]> {
  if (scope.kind === 'NATIONAL') return [];
  const children = await directory.listChildOrganisations(scope.id);
  const ofKind = (kind: string) => (list: OrganisationInfo[]) => list.filter((o) => o.kind === kind);
  if (dimension === 'PCN') return ofKind('PCN')(children);
  if (dimension === 'PRACTICE' && scope.kind === 'PCN') return ofKind('PRACTICE')(children);
  if (dimension === 'PRACTICE' && scope.kind === 'ICB') {
    const pcns = ofKind('PCN')(children);
    const practices = await Promise.all(pcns.map((pcn) => directory.listChildOrganisations(pcn.organisationId)));
    return ofKind('PRACTICE')(practices.flat());
  }
  return [];
}

/** Each group's counters over the period, as visible at `now`. */
export async function readPeriodCounters(
  deps: FigureReadDeps,
  scope: Scope,
  period: ReportingPeriod,
  dimensions: readonly Dimension[],
  now: Date,
): Promise<PeriodCounters> {
  const first = period.months[0]!;
  const last = period.months[period.months.length - 1]!;
  const published = (revision: string) => isPublished(revision, now);
  const read = (dimension: Dimension, from: string, to: string) =>
    deps.aggregates.readAggregates(scope, dimension, from, to, deps.meter);
  const all: Dimension[] = ['NONE', ...dimensions.filter((dimension) => dimension !== 'NONE')];
  const [monthly, perPeriod, organisations] = await Promise.all([
    Promise.all(all.map((dimension) => read(dimension, first, last))),
    period.kind === 'MONTH'
      ? Promise.resolve(all.map(() => []))
      : Promise.all(all.map((dimension) => read(dimension, period.id, period.id))),
    Promise.all(all.map((dimension) => organisationGroups(deps.organisations, scope, dimension))),
  ]);

  const result: PeriodCounters = {
    total: {},
    groups: [],
    months: period.months.map((month) => ({ month, counters: {} })),
  };
  all.forEach((dimension, i) => {
    const byGroup = new Map<string, Counters>();
    for (const item of monthly[i]!) {
      if (!period.months.includes(item.period)) continue;
      const visible = visibleCounters(item.counters, published);
      const counters = period.kind === 'MONTH' ? visible : withoutPerPeriodCounters(visible);
      byGroup.set(item.group, addCounters(byGroup.get(item.group) ?? {}, counters));
      if (dimension === 'NONE') addCounters(result.months[period.months.indexOf(item.period)]!.counters, visible);
    }
    for (const item of perPeriod[i]!) {
      if (item.period !== period.id) continue;
      byGroup.set(item.group, addCounters(byGroup.get(item.group) ?? {}, visibleCounters(item.counters, published)));
    }
    if (dimension === 'NONE') {
      result.total = byGroup.get(TOTAL_GROUP) ?? {};
      return;
    }
    const listed = organisations[i]!;
    const byId = new Map(listed.map((organisation) => [organisation.organisationId, organisation]));
    const groups = [...new Set([...(GROUPS_OF[dimension] ?? listed.map((o) => o.organisationId)), ...byGroup.keys()])];
    if (listed.length > 0) groups.sort((a, b) => (byId.get(a)?.name ?? a).localeCompare(byId.get(b)?.name ?? b));
    for (const group of groups) {
      const organisation = byId.get(group);
      result.groups.push({
        dimension,
        group,
        ...(organisation ? { label: organisation.name } : {}),
        ...(organisation?.odsCode ? { odsCode: organisation.odsCode } : {}),
        counters: byGroup.get(group) ?? {},
      });
    }
  });
  return result;
}
