import type { Principal } from '../../identity';
import type { Clock } from '../../shared/clock';
import { ForbiddenError, ValidationError } from '../../shared/errors';
import { type PeriodKind, releasedPeriods } from '../periods';
import { type ReleasedPeriod, releasedPeriod } from './outcome-summary';

/** The most periods one call lists: three years of months. */
export const MAX_RELEASED_PERIODS = 36;

export interface ReleasedOutcomePeriodsInput {
  kind: PeriodKind;
  /** How many, newest first; default 12. */
  last?: number | null;
}

/**
 * The catalogue periods whose figures are out. Primary course: only commissioners and administrators ask (FORBIDDEN
 * otherwise); `last` is a whole number from 1 to 36 (BAD_USER_INPUT on `last`); list the newest released periods of
 * the kind by the release calendar, which is the same for every scope.
 */
export function releasedOutcomePeriods(
  deps: { clock: Clock },
  principal: Principal,
  input: ReleasedOutcomePeriodsInput,
): ReleasedPeriod[] {
  if (principal.role !== 'COMMISSIONER' && principal.role !== 'ADMIN') {
    throw new ForbiddenError('Outcome figures are for commissioners and administrators');
  }
  const last = input.last ?? 12;
  if (!Number.isInteger(last) || last < 1 || last > MAX_RELEASED_PERIODS) {
    throw new ValidationError('last', `must be a whole number from 1 to ${MAX_RELEASED_PERIODS}`);
  }
  return releasedPeriods(input.kind, deps.clock.now(), last).map(releasedPeriod);
}
