import { ValidationError } from '../shared/errors';
import { isMonth, lastDayOf, monthOf, monthsBetween, nextMonth } from './vocabulary';

/*
 * The reporting-period catalogue and its release calendar (docs/decisions/0002).
 *
 * Figures exist for a fixed catalogue of periods only: calendar months (`2026-01`), NHS financial quarters
 * (`FY2025-26-Q1` = April to June 2025) and financial years (`FY2025-26` = April 2025 to March 2026). Periods nest but
 * never overlap part-way, so no two answers differ by a few days or one month's edge, and every period a reader can
 * ask about is a cell the disclosure control has seen.
 *
 * A period is released on a schedule after it closes: a month on the RELEASE_LAG_DAYS-th day after its end, a
 * quarter or year with its last month. Before that its figures do not exist for anyone, so a reader polling the
 * current month cannot watch single answers arrive. A record written after its period was released (a back-dated
 * attendance, a late measurement) is a revision: it is counted in its own period but shown only from the release of
 * the month it was written in, together with every other revision of that month.
 */

export const PERIOD_KINDS = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Days after a month's end before it is released: late records of the month settle first. */
export const RELEASE_LAG_DAYS = 10;

export interface ReportingPeriod {
  /** `2026-01`, `FY2025-26-Q1` or `FY2025-26`. */
  id: string;
  kind: PeriodKind;
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD`. */
  to: string;
  /** The calendar months covered, `YYYY-MM`. */
  months: string[];
}

const QUARTER = /^FY(\d{4})-(\d{2})-Q([1-4])$/;
const YEAR = /^FY(\d{4})-(\d{2})$/;

function financialYearLabel(startYear: number): string {
  return `FY${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

function validYear(start: string, end: string): number | undefined {
  const startYear = Number(start);
  return (startYear + 1) % 100 === Number(end) ? startYear : undefined;
}

function fromMonths(id: string, kind: PeriodKind, months: string[]): ReportingPeriod {
  return { id, kind, from: `${months[0]}-01`, to: lastDayOf(months[months.length - 1]!), months };
}

/** The financial year (April to March) a month falls in, by its starting calendar year. */
export function financialYearStartOf(month: string): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m >= 4 ? year : year - 1;
}

/** The catalogue period with this id, or undefined if there is none. */
export function periodById(id: string): ReportingPeriod | undefined {
  if (isMonth(id)) return fromMonths(id, 'MONTH', [id]);
  const quarter = QUARTER.exec(id);
  if (quarter) {
    const startYear = validYear(quarter[1]!, quarter[2]!);
    if (startYear === undefined) return undefined;
    const first = new Date(Date.UTC(startYear, 3 + 3 * (Number(quarter[3]) - 1), 1)).toISOString();
    const firstMonth = monthOf(first);
    return fromMonths(id, 'QUARTER', monthsBetween(firstMonth, nextMonth(nextMonth(firstMonth))));
  }
  const year = YEAR.exec(id);
  if (year) {
    const startYear = validYear(year[1]!, year[2]!);
    if (startYear === undefined) return undefined;
    return fromMonths(id, 'YEAR', monthsBetween(`${startYear}-04`, `${startYear + 1}-03`));
  }
  return undefined;
}

/** The period with this id; throws a ValidationError naming `field` for anything outside the catalogue. */
export function parsePeriod(id: string, field = 'period'): ReportingPeriod {
  const period = periodById(id.trim());
  if (!period) {
    throw new ValidationError(
      field,
      'must be a month (2026-01), a financial quarter (FY2025-26-Q1) or year (FY2025-26)',
    );
  }
  return period;
}

/** The month, financial quarter and financial year a month belongs to, in that order. */
export function periodsOfMonth(month: string): [string, string, string] {
  const startYear = financialYearStartOf(month);
  const year = financialYearLabel(startYear);
  const monthIndex = Number(month.slice(5, 7));
  const quarter = Math.floor(((monthIndex + 8) % 12) / 3) + 1;
  return [month, `${year}-Q${quarter}`, year];
}

/** When a period's figures are released: RELEASE_LAG_DAYS after the end of its last month, 00:00 UTC. */
export function releaseInstant(period: ReportingPeriod | string): Date {
  const last = typeof period === 'string' ? lastMonthOf(period) : period.months[period.months.length - 1]!;
  const [year, m] = nextMonth(last).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1, 1 + RELEASE_LAG_DAYS));
}

function lastMonthOf(periodId: string): string {
  const period = periodById(periodId);
  if (!period) throw new RangeError(`Not a reporting period: ${periodId}`);
  return period.months[period.months.length - 1]!;
}

export function isReleased(period: ReportingPeriod | string, now: Date): boolean {
  return now.getTime() >= releaseInstant(period).getTime();
}

/**
 * The revision a contribution belongs to: '' (the period's first release) when its record was written before the
 * period was released, else the month the record was written in, published with that month's release.
 */
export function revisionOf(periodId: string, recordedAt: string): string {
  return Date.parse(recordedAt) < releaseInstant(periodId).getTime() ? '' : monthOf(recordedAt);
}

/** Whether a revision is visible at `now`: the first release always is; a later one from its month's release. */
export function isPublished(revision: string, now: Date): boolean {
  return revision === '' || isReleased(revision, now);
}

/** The most recent released periods of a kind, newest first. */
export function releasedPeriods(kind: PeriodKind, now: Date, count: number): ReportingPeriod[] {
  const periods: ReportingPeriod[] = [];
  let month = monthOf(now.toISOString());
  for (let guard = 0; periods.length < count && guard < count * 12 + 24; guard++) {
    const id = periodsOfMonth(month)[PERIOD_KINDS.indexOf(kind)]!;
    const period = periodById(id)!;
    const isLast = period.months[period.months.length - 1] === month;
    if (isLast && isReleased(period, now)) periods.push(period);
    month = previousMonth(month);
  }
  return periods;
}

export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}
