import type { ApolloClient } from '@apollo/client';
import {
  type FollowUpWave,
  type OutcomeDimension,
  type OutcomePeriodKind,
  type OutcomeRowFiguresFragment,
  type OutcomeScopeInput,
  OutcomeSummaryCsvDocument,
  OutcomeSummaryDocument,
  type OutcomeSummaryInput,
  type PeriodFragment,
  ReleasedOutcomePeriodsDocument,
} from '../../../client';
import { itemLabel } from '../lib/format';

/*
 * Everything the dashboard knows about the outcomes part of the schema lives here (client/operations/outcomes.graphql
 * and these mappings), so a change to the outcome figures touches this module and its operations only. The page
 * draws what these functions return: cells that are either a number or suppressed, never a suppressed 0.
 */

/** A released figure: `value` is null when suppressed (1–7 people) or when there is nothing to compute. */
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

export const COUNT_MEASURES = [
  { key: 'referralsReceived', label: 'Referrals received' },
  { key: 'referralsAccepted', label: 'Referrals accepted' },
  { key: 'referralsDeclined', label: 'Referrals declined' },
  { key: 'peopleEngaged', label: 'People engaged' },
  { key: 'checkInsSent', label: 'Check-ins sent' },
  { key: 'checkInsAnswered', label: 'Check-ins answered' },
  { key: 'checkInResponseRate', label: 'Response rate (%)' },
  { key: 'optOuts', label: 'SMS opt-outs' },
  { key: 'concernsRaised', label: 'Concerns raised' },
] as const;
export type CountMeasure = (typeof COUNT_MEASURES)[number]['key'];

export interface MonthFigures {
  month: string;
  cells: Record<CountMeasure, Cell>;
}

export interface ChangeFigure {
  key: string;
  label: string;
  higherIsBetter: boolean;
  people: Cell;
  meanChange: Cell;
  lower: number | null;
  upper: number | null;
}

export interface GroupFigures {
  group: string;
  label: string;
  cells: Record<CountMeasure, Cell>;
}

export interface PeriodFigures {
  scopeName: string;
  disclosureControl: string;
  total: Record<CountMeasure, Cell>;
  groups: GroupFigures[];
  changes: ChangeFigure[];
}

/** The instruments the dashboard asks for: wellbeing (ONS4) and loneliness (ONS and UCLA 3-item). */
export const INSTRUMENTS = ['ONS4', 'ONS_LONELINESS', 'UCLA3'];

export const BREAKDOWNS: { value: OutcomeDimension; label: string }[] = [
  { value: 'NONE', label: 'No breakdown' },
  { value: 'NEED', label: 'Need' },
  { value: 'AGE_BAND', label: 'Age band' },
  { value: 'SEX', label: 'Sex' },
  { value: 'ACTIVITY_CATEGORY', label: 'Activity category' },
  { value: 'PCN', label: 'PCN' },
  { value: 'PRACTICE', label: 'Practice' },
];

/** The breakdowns the API offers at the scope's level. */
export function breakdownsFor(scope: OutcomeScopeInput): { value: OutcomeDimension; label: string }[] {
  return BREAKDOWNS.filter(({ value }) => {
    if (value === 'PCN') return Boolean(scope.icbId);
    if (value === 'PRACTICE') return Boolean(scope.icbId || scope.pcnId);
    return true;
  });
}

export const WAVES: { value: FollowUpWave; label: string }[] = [
  { value: 'WEEK_1', label: 'Week 1' },
  { value: 'WEEK_6', label: 'Week 6' },
  { value: 'WEEK_12', label: 'Week 12' },
];

function cellsOf(row: OutcomeRowFiguresFragment): Record<CountMeasure, Cell> {
  const cell = ({ value, suppressed }: Cell): Cell => ({ value, suppressed });
  return {
    referralsReceived: cell(row.referralsReceived),
    referralsAccepted: cell(row.referralsAccepted),
    referralsDeclined: cell(row.referralsDeclined),
    peopleEngaged: cell(row.peopleEngaged),
    checkInsSent: cell(row.checkInsSent),
    checkInsAnswered: cell(row.checkInsAnswered),
    checkInResponseRate: cell(row.checkInResponseRate),
    optOuts: cell(row.optOuts),
    concernsRaised: cell(row.concernsRaised),
  };
}

/** A released catalogue period, as the period picker offers it. */
export interface ReleasedPeriod {
  id: string;
  kind: OutcomePeriodKind;
  label: string;
  months: string[];
}

/** How many released periods of each kind the dashboard offers: a year of months, two years of quarters, three years. */
export const RELEASED_TO_OFFER: Record<OutcomePeriodKind, number> = { MONTH: 12, QUARTER: 8, YEAR: 3 };

/** `FY2025-26-Q1` → "April to June 2025 (Q1 2025-26)"; `FY2025-26` → "April 2025 to March 2026"; a month by name. */
function periodLabel(period: PeriodFragment): string {
  const first = period.months[0] as string;
  const last = period.months[period.months.length - 1] as string;
  const month = (yyyyMm: string, withYear: boolean) =>
    new Date(`${yyyyMm}-01T00:00:00Z`).toLocaleDateString('en-GB', {
      month: 'long',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    });
  if (period.kind === 'MONTH') return month(first, true);
  const financialYear = period.id.slice(2, 9);
  if (period.kind === 'QUARTER') {
    return `${month(first, false)} to ${month(last, true)} (Q${period.id.slice(-1)} ${financialYear})`;
  }
  return `${month(first, true)} to ${month(last, true)} (financial year ${financialYear})`;
}

/** The released periods of each kind, newest first: the only ids the figures accept. */
export async function loadReleasedPeriods(client: ApolloClient): Promise<Record<OutcomePeriodKind, ReleasedPeriod[]>> {
  const kinds = Object.keys(RELEASED_TO_OFFER) as OutcomePeriodKind[];
  const lists = await Promise.all(
    kinds.map(async (kind) => {
      const { data } = await client.query({
        query: ReleasedOutcomePeriodsDocument,
        variables: { kind, last: RELEASED_TO_OFFER[kind] },
      });
      return (data?.releasedOutcomePeriods ?? []).map(
        (period): ReleasedPeriod => ({
          id: period.id,
          kind: period.kind,
          label: periodLabel(period),
          months: period.months,
        }),
      );
    }),
  );
  return Object.fromEntries(kinds.map((kind, index) => [kind, lists[index]])) as Record<
    OutcomePeriodKind,
    ReleasedPeriod[]
  >;
}

/** Counts for each released month on its own (`months` are released `YYYY-MM` ids), one query each. */
export async function loadMonthly(
  client: ApolloClient,
  scope: OutcomeScopeInput,
  months: readonly string[],
): Promise<MonthFigures[]> {
  return Promise.all(
    months.map(async (month) => {
      const { data } = await client.query({
        query: OutcomeSummaryDocument,
        variables: { input: { scope, period: month } },
      });
      if (!data) throw new Error(`No figures for ${month}`);
      return { month, cells: cellsOf(data.outcomeSummary.total) };
    }),
  );
}

function periodInput(scope: OutcomeScopeInput, period: string, breakdown: OutcomeDimension): OutcomeSummaryInput {
  return {
    scope,
    period,
    ...(breakdown === 'NONE' ? {} : { groupBy: [breakdown] }),
    instruments: INSTRUMENTS,
  };
}

/** A released period at once (`period` is its id): totals, the breakdown's groups, and each item's change at `wave`. */
export async function loadPeriod(
  client: ApolloClient,
  scope: OutcomeScopeInput,
  period: string,
  breakdown: OutcomeDimension,
  wave: FollowUpWave,
): Promise<PeriodFigures> {
  const { data } = await client.query({
    query: OutcomeSummaryDocument,
    variables: { input: periodInput(scope, period, breakdown) },
  });
  if (!data) throw new Error('No figures for the period');
  const summary = data.outcomeSummary;
  const changes = summary.total.instruments.map((item): ChangeFigure => {
    const paired = item.waves.find((candidate) => candidate.wave === wave)?.paired;
    return {
      key: item.key,
      label: itemLabel(item.key),
      higherIsBetter: item.higherIsBetter,
      people: paired ? { ...paired.people } : { value: null, suppressed: false },
      meanChange: paired ? { ...paired.meanChange } : { value: null, suppressed: false },
      lower: paired?.meanChangeCi.lower ?? null,
      upper: paired?.meanChangeCi.upper ?? null,
    };
  });
  return {
    scopeName: summary.scope.name ?? summary.scope.id,
    disclosureControl: summary.disclosureControl,
    total: cellsOf(summary.total),
    groups: summary.groups.map((row) => ({ group: row.group, label: row.label ?? row.group, cells: cellsOf(row) })),
    changes,
  };
}

/** The PCNs and practices under the caller's own organisation with figures in `period`: the scope picker's choices. */
export async function loadScopes(
  client: ApolloClient,
  own: { id: string; kind: string; name: string },
  period: string,
): Promise<{ label: string; scope: OutcomeScopeInput }[]> {
  const ownScope: OutcomeScopeInput = own.kind === 'PCN' ? { pcnId: own.id } : { icbId: own.id };
  const choices = [{ label: own.name, scope: ownScope }];
  const dimensions: OutcomeDimension[] = own.kind === 'ICB' ? ['PCN', 'PRACTICE'] : ['PRACTICE'];
  const { data } = await client.query({
    query: OutcomeSummaryDocument,
    variables: {
      input: {
        scope: ownScope,
        period,
        groupBy: dimensions,
      },
    },
  });
  for (const row of data?.outcomeSummary.groups ?? []) {
    const name = row.label ?? row.group;
    if (row.dimension === 'PCN') choices.push({ label: `${name} (PCN)`, scope: { pcnId: row.group } });
    if (row.dimension === 'PRACTICE') choices.push({ label: `${name} (practice)`, scope: { practiceId: row.group } });
  }
  return choices;
}

/** The same figures as CSV, as the API gives them (`suppressed` in suppressed cells). */
export async function loadCsv(
  client: ApolloClient,
  scope: OutcomeScopeInput,
  period: string,
  breakdown: OutcomeDimension,
): Promise<string> {
  const { data } = await client.query({
    query: OutcomeSummaryCsvDocument,
    variables: { input: periodInput(scope, period, breakdown) },
  });
  return data?.outcomeSummaryCsv ?? '';
}
