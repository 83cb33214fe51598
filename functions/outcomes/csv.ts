import type { ControlledCount, ControlledInterval, ControlledNumber } from './disclosure';
import { periodById } from './periods';
import type { OutcomeRow } from './release';
import { FLOW_METRICS } from './vocabulary';

/*
 * The summary as CSV for spreadsheets. Every row states its period and scope (a file saved on its own still says
 * what it is), every figure column holds a number or nothing, and beside each figure a `<figure>_suppressed` column
 * holds 1 where the figure was withheld by disclosure control and 0 otherwise, so sums and charts work on the figure
 * columns as they are. An empty figure with flag 0 means nothing to report (no people, or not applicable). The rows:
 * the period's total, its breakdown rows, then the total of each month of the period (the monthly trend).
 */

interface SummaryForCsv {
  scope: { kind: string; id: string; name?: string; odsCode?: string };
  period: { id: string; from: string; to: string };
  disclosureControl: string;
  total: OutcomeRow;
  groups: OutcomeRow[];
  months: { month: string; total: OutcomeRow }[];
}

type Figure = ControlledCount | ControlledNumber;

/** The figures of a row in column order: [column name, figure]. */
function figuresOf(row: OutcomeRow): [string, Figure][] {
  const out: [string, Figure][] = FLOW_METRICS.map((metric) => [metric, row[metric]]);
  out.push(['checkInResponseRatePercent', row.checkInResponseRate]);
  out.push(['firstContact.people', row.firstContact.people], ['firstContact.meanDays', row.firstContact.meanDays]);
  for (const band of row.firstContact.bands) out.push([`firstContact.${band.band}.percent`, band.share]);
  out.push(['closures.total', row.closures.total]);
  for (const reason of row.closures.reasons) {
    out.push([`closures.${reason.reason}.people`, reason.people], [`closures.${reason.reason}.percent`, reason.share]);
  }
  const interval = (name: string, value: ControlledInterval): [string, Figure][] => [
    [`${name}Lower`, { value: value.lower, suppressed: value.suppressed }],
    [`${name}Upper`, { value: value.upper, suppressed: value.suppressed }],
  ];
  for (const figures of row.instruments) {
    const k = figures.key;
    out.push([`${k}.baseline.people`, figures.baseline.people], [`${k}.baseline.mean`, figures.baseline.mean]);
    for (const band of figures.baseline.bands) out.push([`${k}.baseline.${band.band}.percent`, band.share]);
    for (const wave of figures.waves) {
      const w = `${k}.${wave.wave}`;
      out.push([`${w}.people`, wave.followUp.people], [`${w}.mean`, wave.followUp.mean]);
      for (const band of wave.followUp.bands) out.push([`${w}.${band.band}.percent`, band.share]);
      const p = wave.paired;
      out.push(
        [`${w}.paired.people`, p.people],
        [`${w}.paired.baselineMean`, p.baselineMean],
        [`${w}.paired.followUpMean`, p.followUpMean],
        [`${w}.paired.meanChange`, p.meanChange],
        ...interval(`${w}.paired.meanChangeCi`, p.meanChangeCi),
        [`${w}.paired.improvedPercent`, p.improved],
        [`${w}.paired.unchangedPercent`, p.unchanged],
        [`${w}.paired.worsePercent`, p.worse],
      );
    }
  }
  return out;
}

function quote(text: string): string {
  // Also defuses spreadsheet formulas: a text cell starting with = + - @ is prefixed with an apostrophe.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const number = (figure: Figure) => (figure.value === null ? '' : String(figure.value));
const flag = (figure: Figure) => (figure.suppressed ? '1' : '0');

export function summaryCsv(summary: SummaryForCsv): string {
  const { scope } = summary;
  const names = figuresOf(summary.total).map(([name]) => name);
  const header = [
    'scope_kind',
    'scope_id',
    'scope_ods_code',
    'scope_name',
    'period',
    'period_from',
    'period_to',
    'disclosure_control',
    'dimension',
    'group',
    'group_ods_code',
    'group_label',
    ...names.flatMap((name) => [name, `${name}_suppressed`]),
  ];
  const line = (period: { id: string; from: string; to: string }, row: OutcomeRow) =>
    [
      scope.kind,
      scope.id,
      scope.odsCode ?? '',
      scope.name ?? '',
      period.id,
      period.from,
      period.to,
      summary.disclosureControl,
      row.dimension,
      row.group,
      row.odsCode ?? '',
      row.label ?? '',
      ...figuresOf(row).flatMap(([, figure]) => [number(figure), flag(figure)]),
    ]
      .map(quote)
      .join(',');
  const lines = [header.map(quote).join(',')];
  for (const row of [summary.total, ...summary.groups]) lines.push(line(summary.period, row));
  for (const { month, total } of summary.months) lines.push(line(periodById(month)!, total));
  return `${lines.join('\r\n')}\r\n`;
}
