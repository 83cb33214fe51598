import { summaryCsv } from '../../../functions/outcomes/csv';
import { recordKey } from '../../../functions/outcomes/disclosure';
import { reportedItems } from '../../../functions/outcomes/instruments';
import { parsePeriod } from '../../../functions/outcomes/periods';
import { outcomeRow } from '../../../functions/outcomes/release';
import { ValidationError } from '../../../functions/shared/errors';

/** Counters for `n` people counted in `counter` (with the cell key those facts would give). */
function people(counter: string, n: number, prefix = 'f'): Record<string, number> {
  let keySum = 0;
  for (let i = 0; i < n; i++) keySum += recordKey(`${prefix}${i}`);
  return { [counter]: n, [`${counter}#k`]: keySum };
}

describe('outcomeRow', () => {
  it('returns a total released from its own count, whatever its groups show', () => {
    const total = outcomeRow('NONE', 'ALL', people('referralsReceived', 26), [], 'CONTROLLED');
    const small = outcomeRow('SEX', 'INTERSEX', people('referralsReceived', 2), [], 'CONTROLLED');
    const none = outcomeRow('SEX', 'NOT_KNOWN', {}, [], 'CONTROLLED');

    expect(total.referralsReceived.value! % 5).toBe(0);
    expect(Math.abs(total.referralsReceived.value! - 26)).toBeLessThanOrEqual(5);
    expect(small.referralsReceived).toEqual({ value: null, suppressed: true });
    // An empty group looks exactly like a small one.
    expect(none.referralsReceived).toEqual(small.referralsReceived);
  });

  it('returns referral, contact and closure figures as not applicable in the activity category breakdown', () => {
    const row = outcomeRow('ACTIVITY_CATEGORY', 'DANCE', people('peopleEngaged', 40), [], 'CONTROLLED');

    expect(row.peopleEngaged.suppressed).toBe(false);
    expect(row.referralsReceived).toEqual({ value: null, suppressed: false });
    expect(row.firstContact.people).toEqual({ value: null, suppressed: false });
    expect(row.closures.total).toEqual({ value: null, suppressed: false });
  });

  it('returns exact figures when exempt (national figures)', () => {
    const row = outcomeRow(
      'NONE',
      'ALL',
      { ...people('closures|n', 3), ...people('closures|reason|DECLINED', 3) },
      [],
      'EXEMPT',
    );

    expect(row.closures.total).toEqual({ value: 3, suppressed: false });
    expect(row.closures.reasons.find((r) => r.reason === 'DECLINED')!.share).toEqual({ value: 100, suppressed: false });
  });
});

describe('reportedItems', () => {
  it('returns by default the items check-ins ask, and leaves out the items of an instrument no check-in asks', () => {
    expect(reportedItems(undefined).map((spec) => spec.key)).toEqual([
      'ONS4.happiness',
      'ONS4.anxiety',
      'ONS_LONELINESS.lonely',
    ]);
    expect(reportedItems(['ONS4']).map((spec) => spec.key)).toEqual(['ONS4.happiness', 'ONS4.anxiety']);
  });

  it('returns every UCLA3 item and the derived total when UCLA3 is named', () => {
    expect(reportedItems(['UCLA3']).map((spec) => spec.key)).toEqual([
      'UCLA3.companionship',
      'UCLA3.leftOut',
      'UCLA3.isolated',
      'UCLA3.total',
    ]);
  });

  it('throws naming the field for an unknown instrument', () => {
    expect(() => reportedItems(['WEMWBS'])).toThrow(ValidationError);
    expect(() => reportedItems(['WEMWBS'])).toThrow(/^instruments:/);
  });
});

describe('summaryCsv', () => {
  const items = reportedItems(['ONS_LONELINESS']);
  const row = (dimension: 'NONE' | 'SEX', group: string, n: number) =>
    outcomeRow(
      dimension,
      group,
      { ...people('referralsReceived', n), ...people('ONS_LONELINESS.lonely|BASELINE|n', n) },
      items,
      'CONTROLLED',
    );
  const period = parsePeriod('FY2025-26-Q4');
  const csv = summaryCsv({
    scope: { kind: 'ICB', id: 'icb-1', name: 'NHS Example ICB', odsCode: 'QXX' },
    period,
    disclosureControl: 'CONTROLLED',
    total: row('NONE', 'ALL', 60),
    groups: [{ ...row('SEX', '=cmd()', 3), label: 'Name, with comma' }],
    months: period.months.map((month) => ({ month, total: row('NONE', 'ALL', 20) })),
  });
  const [header, total, group, ...months] = csv
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
  const column = (name: string) => header!.indexOf(name);

  it('returns rows that each state their scope and period, the period first and then one row per month', () => {
    expect(header!.slice(0, 7)).toEqual([
      'scope_kind',
      'scope_id',
      'scope_ods_code',
      'scope_name',
      'period',
      'period_from',
      'period_to',
    ]);
    expect(total!.slice(0, 7)).toEqual([
      'ICB',
      'icb-1',
      'QXX',
      'NHS Example ICB',
      'FY2025-26-Q4',
      '2026-01-01',
      '2026-03-31',
    ]);
    expect(months.map((line) => line[column('period')])).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(months[1]![column('period_to')]).toBe('2026-02-28');
  });

  it('returns numeric figure columns with a separate suppression flag, and text cells quoted and defused', () => {
    const received = column('referralsReceived');
    expect(Number.isInteger(Number(total![received]))).toBe(true);
    expect(total![column('referralsReceived_suppressed')]).toBe('0');
    expect(group![received]).toBe('');
    expect(group![column('referralsReceived_suppressed')]).toBe('1');
    expect(group![column('group')]).toBe("'=cmd()");
    expect(group![column('group_label')]).toBe('"Name, with comma"');
    expect(header).toContain('ONS_LONELINESS.lonely.baseline.Often/always.percent');
    expect(header!.some((name) => name.startsWith('ONS4.'))).toBe(false);
  });
});
