/*
 * When check-in texts may go out. Default `Mon-Fri 09:00-18:00 Europe/London`: NHS Notify sends SMS 08:00–18:00 on
 * weekdays, and we start an hour later. Times are wall-clock times in the window's time zone, worked out with the
 * platform's Intl data, so British Summer Time (last Sunday of March to last Sunday of October) needs no tz library.
 */

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const SPEC = /^\s*([A-Za-z]{3})(?:\s*-\s*([A-Za-z]{3}))?\s+(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})\s+(\S+)\s*$/;

export const DEFAULT_SENDING_WINDOW = 'Mon-Fri 09:00-18:00 Europe/London';

export interface SendingWindow {
  readonly spec: string;
  /** True when a text may be sent at `at`. */
  isOpen(at: Date): boolean;
  /** `at` itself when open, else the next moment the window opens. */
  nextOpening(at: Date): Date;
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

  function isOpen(at: Date): boolean {
    const p = local(at);
    return days.has(p.weekday) && p.minutes >= start && p.minutes < end;
  }

  return {
    spec,
    isOpen,
    nextOpening(at) {
      if (isOpen(at)) return at;
      for (let offset = 0; offset <= 8; offset++) {
        const p = local(new Date(at.getTime() + offset * 86_400_000));
        if (!days.has(p.weekday)) continue;
        const opening = atLocal(p.year, p.month, p.day, start);
        if (opening.getTime() > at.getTime()) return opening;
      }
      throw new Error(`Sending window "${spec}" never opens`);
    },
  };
}

/** A window that is always open (local demos with `ignoreSendingWindow`). */
export const ALWAYS_OPEN: SendingWindow = { spec: 'always', isOpen: () => true, nextOpening: (at) => at };
