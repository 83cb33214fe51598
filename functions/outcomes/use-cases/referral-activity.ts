import type { Principal } from '../../identity';
import { ValidationError } from '../../shared/errors';
import { type ControlledCount, controlCount } from '../disclosure';
import { SNOMED_ACCEPTED, SNOMED_DECLINED } from '../facts';
import type { Scope } from '../vocabulary';
import { type Period, resolveFigureScope, resolvePeriod, type ScopeInput } from './figure-scope';
import type { OutcomeFiguresDeps } from './outcome-summary';

export interface ReferralActivityInput {
  scope?: ScopeInput | null;
  from: string;
  to: string;
}

export interface PracticeMonthActivity {
  practiceId: string;
  month: string;
  /** SNOMED CT 871731000000106 Referral to social prescribing service (accepted referrals). */
  accepted: ControlledCount;
  /** SNOMED CT 871711000000103 Social prescribing declined. */
  declined: ControlledCount;
}

export interface ReferralActivity {
  scope: Scope & { name?: string };
  period: Period;
  acceptedCode: string;
  declinedCode: string;
  rows: PracticeMonthActivity[];
}

/**
 * SNOMED-coded referral counts by practice and month (the PCN incentive indicator's basis): the PRACTICE breakdown's
 * monthly items, or the practice's own total. Each cell is disclosure-controlled on its own.
 */
export async function referralActivity(
  deps: OutcomeFiguresDeps,
  principal: Principal,
  input: ReferralActivityInput,
): Promise<ReferralActivity> {
  const resolved = await resolveFigureScope(deps, principal, input.scope);
  const period = resolvePeriod(input.from, input.to);
  const { scope, policy } = resolved;
  const first = period.months[0]!;
  const last = period.months[period.months.length - 1]!;
  if (scope.kind === 'NATIONAL') {
    throw new ValidationError('scope', 'referral activity is by practice: give an ICB, PCN or practice');
  }
  // The practice breakdown's monthly items, or a practice's own totals.
  const dimension = scope.kind === 'PRACTICE' ? 'NONE' : 'PRACTICE';
  const items = await deps.aggregates.readAggregates(scope, dimension, first, last, deps.meter);
  const rows: PracticeMonthActivity[] = items.map((item) => ({
    practiceId: scope.kind === 'PRACTICE' ? scope.id : item.group,
    month: item.month,
    accepted: controlCount(item.counters.referralsAccepted ?? 0, policy),
    declined: controlCount(item.counters.referralsDeclined ?? 0, policy),
  }));
  rows.sort((a, b) =>
    a.practiceId === b.practiceId ? a.month.localeCompare(b.month) : a.practiceId.localeCompare(b.practiceId),
  );
  return {
    scope: { ...scope, ...(resolved.name ? { name: resolved.name } : {}) },
    period,
    acceptedCode: SNOMED_ACCEPTED,
    declinedCode: SNOMED_DECLINED,
    rows,
  };
}
