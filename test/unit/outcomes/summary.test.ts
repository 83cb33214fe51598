import { summaryCsv, summaryRows } from '../../../functions/outcomes/summary';

describe('summaryRows', () => {
  it('returns a total controlled from its own raw count, not the sum of the released groups', () => {
    const groups = new Map([
      ['NONE', new Map()],
      [
        'SEX',
        new Map([
          ['FEMALE', { referralsReceived: 12 }],
          ['MALE', { referralsReceived: 12 }],
          ['INTERSEX', { referralsReceived: 2 }],
        ]),
      ],
    ] as const);

    const rows = summaryRows({ referralsReceived: 26 }, groups as never, [], 'CONTROLLED');

    expect(rows.total.referralsReceived).toEqual({ value: 25, suppressed: false });
    expect(rows.groups.map((row) => row.referralsReceived)).toEqual([
      { value: 10, suppressed: false },
      { value: null, suppressed: true },
      { value: 10, suppressed: false },
    ]);
  });

  it('returns referral counts as not applicable in the activity category breakdown', () => {
    const groups = new Map([['ACTIVITY_CATEGORY', new Map([['DANCE', { peopleEngaged: 20 }]])]] as const);

    const [row] = summaryRows({}, groups as never, [], 'CONTROLLED').groups;

    expect(row!.peopleEngaged).toEqual({ value: 20, suppressed: false });
    expect(row!.referralsReceived).toEqual({ value: null, suppressed: false });
  });
});

describe('summaryCsv', () => {
  it('returns suppressed cells marked and text cells quoted and defused', () => {
    const groups = new Map([['SEX', new Map([['=cmd()', { referralsReceived: 3 }]])]] as const);
    const rows = summaryRows({ referralsReceived: 3 }, groups as never, [], 'CONTROLLED');

    const csv = summaryCsv(rows, new Map([['SEX|=cmd()', 'Name, with comma']]));

    const [, total, row] = csv.trimEnd().split('\r\n');
    expect(total).toMatch(/^NONE,ALL,,suppressed,0,/);
    expect(row).toMatch(/^SEX,'=cmd\(\),"Name, with comma",suppressed,/);
  });
});
