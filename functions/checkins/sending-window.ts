import type Holidays from 'date-holidays';
import { isUkNation, type UkNation } from '../shared/uk-nation';

/*
 * When routine check-in texts may go out. Default `Mon-Fri 09:00-18:00 Europe/London`: NHS Notify sends SMS 08:00–18:00
 * on weekdays, and we start an hour later. Times are wall-clock times in the window's time zone, worked out with the
 * platform's Intl data, so British Summer Time (last Sunday of March to last Sunday of October) needs no tz library.
 *
 * No routine texts on a bank holiday, and bank holidays differ by nation (Scotland has 2 January and St Andrew's Day
 * but not Easter Monday; Northern Ireland has St Patrick's Day and 12 July), so every question takes the nation of the
 * patient's practice. The dates come from date-holidays (its GB data, public holidays by nation, with substitute days
 * and one-off holidays such as a coronation), never from a list kept here.
 */

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const SPEC = /^\s*([A-Za-z]{3})(?:\s*-\s*([A-Za-z]{3}))?\s+(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})\s+(\S+)\s*$/;
/** Far enough to pass any run of closed days (a one-day window plus bank holidays). */
const MAX_DAYS_AHEAD = 21;

export const DEFAULT_SENDING_WINDOW = 'Mon-Fri 09:00-18:00 Europe/London';

export interface SendingWindow {
  readonly spec: string;
  /** True when a routine text may be sent at `at` to a patient of a practice in `nation` (not on its bank holidays). */
  isOpen(at: Date, nation: UkNation): boolean;
  /** `at` itself when open, else the next moment the window opens for `nation`. */
  nextOpening(at: Date, nation: UkNation): Date;
  /**
   * How long the window was open between `from` and `to` for `nation`: working time, in milliseconds, with weekends
   * and the nation's bank holidays left out (how long a concern has waited in working hours).
   */
  openMillisecondsBetween(from: Date, to: Date, nation: UkNation): number;
}

/** The longest span `openMillisecondsBetween` walks, day by day; anything older counts this much. */
const MAX_SPAN_DAYS = 400;

/**
 * date-holidays, loaded on first use. Its calendars (every country's, with moment-timezone's zone data) are about
 * 1.5 MB minified; a static import is kept by esbuild even where nothing calls it, and policy.ts, which the GraphQL
 * function bundles for its plan, imports this module. Loaded here, it reaches only the bundles that ask for a bank
 * holiday (the dispatcher and inbound functions, today).
 */
function loadHolidays(): typeof Holidays {
  return require('date-holidays');
}

const calendars = new Map<UkNation, Holidays>();
const holidaysByYear = new Map<string, ReadonlySet<string>>();

/**
 * The bank holidays of `nation` in `year`, as local `YYYY-MM-DD` dates (weekend dates included where date-holidays
 * lists them; the substitute weekday is listed as well). Throws a RangeError for anything but a UK nation.
 */
export function bankHolidays(nation: UkNation, year: number): ReadonlySet<string> {
  if (!isUkNation(nation)) throw new RangeError('bankHolidays: nation must be one of ENG, WLS, SCT, NIR');
  const key = `${nation}:${year}`;
  let dates = holidaysByYear.get(key);
  if (!dates) {
    let calendar = calendars.get(nation);
    if (!calendar) {
      calendar = new (loadHolidays())('GB', nation);
      calendars.set(nation, calendar);
    }
    dates = new Set(
      calendar
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    holidaysByYear.set(key, dates);
  }
  return dates;
}

function isBankHoliday(nation: UkNation, year: number, month: number, day: number): boolean {
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return bankHolidays(nation, year).has(date);
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  minutes: number;
}

function dayIndex(name: string, spec: string): number {
  const index = DAY_NAMES.findIndex((day) => day.toLowerCase() === name.toLowerCase());
  if (index < 0) throw new RangeError(`Sending window "${spec}": unknown day ${name}`);
  return index;
}

export function parseSendingWindow(spec: string = DEFAULT_SENDING_WINDOW): SendingWindow {
  const match = SPEC.exec(spec);
  if (!match) throw new RangeError(`Sending window "${spec}" must look like "Mon-Fri 09:00-18:00 Europe/London"`);
  const [, firstDay, lastDay, startH, startM, endH, endM, timeZone] = match;
  const first = dayIndex(firstDay, spec);
  const last = dayIndex(lastDay ?? firstDay, spec);
  const days = new Set<number>();
  for (let day = first; ; day = (day + 1) % 7) {
    days.add(day);
    if (day === last) break;
  }
  const start = Number(startH) * 60 + Number(startM);
  const end = Number(endH) * 60 + Number(endM);
  if (start >= end || end > 24 * 60 || Number(startM) > 59 || Number(endM) > 59) {
    throw new RangeError(`Sending window "${spec}": the start must be before the end, within one day`);
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (error) {
    throw new RangeError(`Sending window "${spec}": unknown time zone ${timeZone}`, { cause: error });
  }

  function local(at: Date): LocalParts & { seconds: number; hour: number; minute: number } {
    const parts: Record<string, string> = {};
    for (const part of format.formatToParts(at)) parts[part.type] = part.value;
    const hour = Number(parts.hour);
    const minute = Number(parts.minute);
    return {
      year: Number(parts.year),
      month: Number(parts.month),
      day: Number(parts.day),
      weekday: dayIndex(parts.weekday, spec),
      hour,
      minute,
      seconds: Number(parts.second),
      minutes: hour * 60 + minute,
    };
  }

  /** Milliseconds the zone is ahead of UTC at instant `t`. */
  function offsetAt(t: number): number {
    const p = local(new Date(t));
    const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.seconds);
    return wall - Math.floor(t / 1000) * 1000;
  }

  /** The instant the zone's clocks show `minutes` past midnight on the given local date. */
  function atLocal(year: number, month: number, day: number, minutes: number): Date {
    const guess = Date.UTC(year, month - 1, day, 0, minutes);
    const first = guess - offsetAt(guess);
    const second = guess - offsetAt(first);
    return new Date(second);
  }

  function isOpen(at: Date, nation: UkNation): boolean {
    const p = local(at);
    return (
      days.has(p.weekday) && p.minutes >= start && p.minutes < end && !isBankHoliday(nation, p.year, p.month, p.day)
    );
  }

  return {
    spec,
    isOpen,
    nextOpening(at, nation) {
      if (isOpen(at, nation)) return at;
      const today = local(at);
      // Calendar days in the zone, counted on a UTC calendar so a 23- or 25-hour day never skips or repeats one.
      for (let offset = 0; offset <= MAX_DAYS_AHEAD; offset++) {
        const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
        const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        if (!days.has(date.getUTCDay()) || isBankHoliday(nation, year, month, day)) continue;
        const opening = atLocal(year, month, day, start);
        if (opening.getTime() > at.getTime()) return opening;
      }
      throw new Error(`Sending window "${spec}" does not open in the next ${MAX_DAYS_AHEAD} days`);
    },
    openMillisecondsBetween(from, to, nation) {
      if (to.getTime() <= from.getTime()) return 0;
      const first = local(from);
      let total = 0;
      for (let offset = 0; offset <= MAX_SPAN_DAYS; offset++) {
        const date = new Date(Date.UTC(first.year, first.month - 1, first.day + offset));
        const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const opening = atLocal(year, month, day, start);
        if (opening.getTime() >= to.getTime()) break;
        if (!days.has(date.getUTCDay()) || isBankHoliday(nation, year, month, day)) continue;
        const closing = atLocal(year, month, day, end);
        total += Math.max(0, Math.min(closing.getTime(), to.getTime()) - Math.max(opening.getTime(), from.getTime()));
      }
      return total;
    },
  };
}

/** A window that is always open, bank holidays included (local demos with `ignoreSendingWindow`). */
export const ALWAYS_OPEN: SendingWindow = {
  spec: 'always',
  isOpen: () => true,
  nextOpening: (at) => at,
  openMillisecondsBetween: (from, to) => Math.max(0, to.getTime() - from.getTime()),
};
