import fc from 'fast-check';
import { bankHolidays, parseSendingWindow } from '../../../functions/checkins/sending-window';
import { DEFAULT_NATION, UK_NATIONS, type UkNation } from '../../../functions/shared/uk-nation';

const ENG = DEFAULT_NATION;

describe('parseSendingWindow (Mon-Fri 09:00-18:00 Europe/London)', () => {
  const window = parseSendingWindow('Mon-Fri 09:00-18:00 Europe/London');

  it('returns open at 09:00 GMT in winter and closed at 08:59', () => {
    expect(window.isOpen(new Date('2026-01-12T09:00:00Z'), ENG)).toBe(true);
    expect(window.isOpen(new Date('2026-01-12T08:59:00Z'), ENG)).toBe(false);
    expect(window.isOpen(new Date('2026-01-12T17:59:59Z'), ENG)).toBe(true);
    expect(window.isOpen(new Date('2026-01-12T18:00:00Z'), ENG)).toBe(false);
  });

  it('returns open at 08:00 UTC in summer (09:00 BST) and closed at 17:00 UTC (18:00 BST)', () => {
    expect(window.isOpen(new Date('2026-07-06T08:00:00Z'), ENG)).toBe(true);
    expect(window.isOpen(new Date('2026-07-06T07:59:00Z'), ENG)).toBe(false);
    expect(window.isOpen(new Date('2026-07-06T17:00:00Z'), ENG)).toBe(false);
  });

  it('returns closed at the weekend', () => {
    expect(window.isOpen(new Date('2026-03-28T12:00:00Z'), ENG)).toBe(false);
    expect(window.isOpen(new Date('2026-03-29T12:00:00Z'), ENG)).toBe(false);
  });

  it('returns the Monday opening in BST after the clocks go forward (last Sunday of March)', () => {
    // Friday 27 March 2026 19:00 GMT → Monday 30 March 09:00 BST = 08:00 UTC.
    expect(window.nextOpening(new Date('2026-03-27T19:00:00Z'), ENG).toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('returns the Monday opening in GMT after the clocks go back (last Sunday of October)', () => {
    // Friday 23 October 2026 18:30 BST → Monday 26 October 09:00 GMT.
    expect(window.nextOpening(new Date('2026-10-23T17:30:00Z'), ENG).toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('returns the same morning when asked before opening, and the instant itself when open', () => {
    expect(window.nextOpening(new Date('2026-06-10T05:00:00Z'), ENG).toISOString()).toBe('2026-06-10T08:00:00.000Z');
    const open = new Date('2026-06-10T12:00:00Z');
    expect(window.nextOpening(open, ENG)).toBe(open);
  });

  it('throws when the window cannot be read', () => {
    expect(() => parseSendingWindow('weekdays 9-6')).toThrow(RangeError);
    expect(() => parseSendingWindow('Mon-Fri 18:00-09:00 Europe/London')).toThrow(RangeError);
    expect(() => parseSendingWindow('Mon-Fri 09:00-18:00 Mars/Olympus')).toThrow(RangeError);
  });
});

describe('parseSendingWindow on bank holidays, by nation', () => {
  const window = parseSendingWindow('Mon-Fri 09:00-18:00 Europe/London');
  const noon = (date: string) => new Date(`${date}T12:00:00Z`);
  const openIn = (date: string) => UK_NATIONS.filter((nation) => window.isOpen(noon(date), nation));

  it.each([
    ['2026-04-06', 'Easter Monday, not a bank holiday in Scotland', ['SCT']],
    ['2026-01-02', '2 January, a bank holiday in Scotland only', ['ENG', 'WLS', 'NIR']],
    ['2026-11-30', "St Andrew's Day, Scotland only", ['ENG', 'WLS', 'NIR']],
    ['2026-03-17', "St Patrick's Day, Northern Ireland only", ['ENG', 'WLS', 'SCT']],
    [
      '2026-07-13',
      'the Battle of the Boyne substitute day (12 July is a Sunday), Northern Ireland only',
      ['ENG', 'WLS', 'SCT'],
    ],
    ['2026-08-03', 'the summer bank holiday in Scotland (first Monday of August)', ['ENG', 'WLS', 'NIR']],
    ['2026-08-31', 'the summer bank holiday elsewhere (last Monday of August)', ['SCT']],
    ['2026-12-28', 'the Boxing Day substitute day, everywhere', []],
    ['2023-05-08', 'the coronation bank holiday, a one-off, everywhere', []],
    ['2026-06-10', 'an ordinary Wednesday', ['ENG', 'WLS', 'SCT', 'NIR']],
  ])('returns open on %s (%s) only in %j', (date, _why, nations) => {
    expect(openIn(date)).toEqual(nations);
  });

  it('returns the weekday bank holidays of 2026 that GOV.UK publishes for each nation', () => {
    const weekdays = (nation: UkNation) =>
      [...bankHolidays(nation, 2026)]
        .filter((date) => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay()))
        .sort();
    const englandAndWales = [
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ];
    expect(weekdays('ENG')).toEqual(englandAndWales);
    expect(weekdays('WLS')).toEqual(englandAndWales);
    expect(weekdays('SCT')).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-04-03',
      '2026-05-04',
      '2026-05-25',
      '2026-08-03',
      '2026-11-30',
      '2026-12-25',
      '2026-12-28',
    ]);
    expect(weekdays('NIR')).toEqual([
      '2026-01-01',
      '2026-03-17',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-07-13',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
  });

  it('returns the first working morning after Christmas, past the substitute Boxing Day', () => {
    // Thursday 24 December 2026 18:30 → Friday 25 (Christmas), weekend, Monday 28 (substitute) → Tuesday 29 December.
    expect(window.nextOpening(new Date('2026-12-24T18:30:00Z'), ENG).toISOString()).toBe('2026-12-29T09:00:00.000Z');
  });

  it('returns the first working morning after New Year, a day later in Scotland', () => {
    // 1 January 2027 is a Friday, 2 January a Saturday: Scotland takes Monday 4 January as its substitute day.
    const newYearsEve = new Date('2026-12-31T19:00:00Z');
    expect(window.nextOpening(newYearsEve, 'ENG').toISOString()).toBe('2027-01-04T09:00:00.000Z');
    expect(window.nextOpening(newYearsEve, 'SCT').toISOString()).toBe('2027-01-05T09:00:00.000Z');
  });

  it('returns the Tuesday opening in BST after the early May bank holiday', () => {
    // Friday 1 May 2026 18:00 BST → Tuesday 5 May 09:00 BST = 08:00 UTC.
    expect(window.nextOpening(new Date('2026-05-01T17:00:00Z'), ENG).toISOString()).toBe('2026-05-05T08:00:00.000Z');
  });

  it('returns an opening that is open, with the minute before it closed, for any instant and nation (property)', () => {
    const instant = fc
      .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2030, 11, 31) })
      .map((ms) => new Date(Math.floor(ms / 60_000) * 60_000));
    fc.assert(
      fc.property(instant, fc.constantFrom(...UK_NATIONS), (at, nation) => {
        const opening = window.nextOpening(at, nation);
        expect(window.isOpen(opening, nation)).toBe(true);
        expect(opening.getTime()).toBeGreaterThanOrEqual(at.getTime());
        if (opening.getTime() > at.getTime()) {
          expect(window.isOpen(new Date(opening.getTime() - 60_000), nation)).toBe(false);
        } else {
          expect(opening).toBe(at);
        }
      }),
    );
  });

  it('returns closed all day on every bank holiday of every nation, 2025 to 2030 (property)', () => {
    const holiday = fc
      .tuple(fc.constantFrom(...UK_NATIONS), fc.integer({ min: 2025, max: 2030 }))
      .chain(([nation, year]) => fc.constantFrom(...bankHolidays(nation, year)).map((date) => ({ nation, date })));
    fc.assert(
      fc.property(holiday, fc.integer({ min: 0, max: 23 * 60 + 59 }), ({ nation, date }, minute) => {
        const wall = new Date(`${date}T00:00:00Z`).getTime() + minute * 60_000;
        // Either offset (GMT or BST) is the same local date for times away from midnight; try both.
        for (const offsetMs of [0, 3_600_000]) expect(window.isOpen(new Date(wall - offsetMs), nation)).toBe(false);
      }),
    );
  });

  it('throws when the nation is not a UK nation', () => {
    expect(() => window.isOpen(noon('2026-06-10'), 'GB' as UkNation)).toThrow(RangeError);
    expect(() => bankHolidays('XX' as UkNation, 2026)).toThrow(RangeError);
  });
});
