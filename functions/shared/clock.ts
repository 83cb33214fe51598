/** The time port. Use cases take a `Clock` instead of calling `new Date()`, so tests and demos can pin time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = {
  now: () => new Date(),
};

const DEFAULT_MANUAL_START = '2025-01-01T00:00:00.000Z';

function toTime(value: Date | string | number, what: string): number {
  const time = new Date(value).getTime();
  if (!Number.isFinite(time)) throw new RangeError(`${what}: not a valid date`);
  return time;
}

/** A clock that only moves when told to. Starts at 2025-01-01T00:00:00Z unless given a start. */
export class ManualClock implements Clock {
  private time: number;

  constructor(start: Date | string | number = DEFAULT_MANUAL_START) {
    this.time = toTime(start, 'ManualClock start');
  }

  /** A fresh `Date` each call, so callers cannot move the clock by mutating it. */
  now(): Date {
    return new Date(this.time);
  }

  set(date: Date | string | number): void {
    this.time = toTime(date, 'ManualClock.set');
  }

  /** Moves the clock by `ms` (negative moves it back) and returns the new time. */
  advance(ms: number): Date {
    if (!Number.isFinite(ms)) throw new RangeError('ManualClock.advance: ms must be a finite number');
    this.time += ms;
    return this.now();
  }
}

/** The calendar date of `date` in UTC, as `YYYY-MM-DD`. */
export function toIsoDate(date: Date): string {
  if (!Number.isFinite(date.getTime())) throw new RangeError('toIsoDate: not a valid date');
  return date.toISOString().slice(0, 10);
}
