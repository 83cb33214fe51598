import type { Principal } from '../../identity';
import { ValidationError } from '../../shared/errors';
import { visibleCounters } from '../aggregation';
import { type ControlledCount, controlCount } from '../disclosure';
import { type Counters, keyCounter, SNOMED_ACCEPTED, SNOMED_DECLINED } from '../facts';
import { isPublished, parsePeriod } from '../periods';
import type { OrganisationInfo } from '../ports';
import type { Scope } from '../vocabulary';
import { resolveFigureScope, type ScopeInput } from './figure-scope';
import { type FigureScope, type OutcomeFiguresDeps, type ReleasedPeriod, releasedPeriod } from './outcome-summary';
import { assertReleased } from './read-figures';

export interface ReferralActivityInput {
  scope?: ScopeInput | null;
  /** A catalogue period: `2026-01`, `FY2025-26-Q1` or `FY2025-26`. */
  period: string;
}

export interface PracticeMonthActivity {
  practiceId: string;
  practiceName?: string;
  odsCode?: string;
  month: string;
  /** SNOMED CT 871731000000106 Referral to social prescribing service (accepted referrals). */
  accepted: ControlledCount;
  /** SNOMED CT 871711000000103 Social prescribing declined. */
  declined: ControlledCount;
}

export interface ReferralActivity {
  scope: FigureScope;
  period: ReleasedPeriod;
  acceptedCode: string;
  declinedCode: string;
  rows: PracticeMonthActivity[];
}

async function practicesOf(deps: OutcomeFiguresDeps, scope: Scope): Promise<OrganisationInfo[]> {
  if (scope.kind === 'PRACTICE') {
    const practice = await deps.organisations.getOrganisation(scope.id);
    return practice ? [practice] : [];
  }
  const children = await deps.organisations.listChildOrganisations(scope.id);
  if (scope.kind === 'PCN') return children.filter((o) => o.kind === 'PRACTICE');
  const pcns = children.filter((o) => o.kind === 'PCN');
  const practices = await Promise.all(pcns.map((pcn) => deps.organisations.listChildOrganisations(pcn.organisationId)));
  return practices.flat().filter((o) => o.kind === 'PRACTICE');
}

/**
 * SNOMED-coded referral counts by practice and month (the PCN incentive indicator's basis): the PRACTICE breakdown's
 * monthly items, or the practice's own total. Every practice of the scope has a row for every month of the period,
 * each cell disclosure-controlled exactly as the same cell is in outcomeSummary.
 */
export async function referralActivity(
  deps: OutcomeFiguresDeps,
  principal: Principal,
  input: ReferralActivityInput,
): Promise<ReferralActivity> {
  const resolved = await resolveFigureScope(deps, principal, input.scope);
  const period = parsePeriod(input.period);
  const now = deps.clock.now();
  assertReleased(period, now);
  const { scope, policy } = resolved;
  if (scope.kind === 'NATIONAL') {
    throw new ValidationError('scope', 'referral activity is by practice: give an ICB, PCN or practice');
  }
  const dimension = scope.kind === 'PRACTICE' ? 'NONE' : 'PRACTICE';
  const first = period.months[0]!;
  const last = period.months[period.months.length - 1]!;
  const [items, practices] = await Promise.all([
    deps.aggregates.readAggregates(scope, dimension, first, last, deps.meter),
    practicesOf(deps, scope),
  ]);
  const counters = new Map<string, Counters>();
  for (const item of items) {
    const practiceId = scope.kind === 'PRACTICE' ? scope.id : item.group;
    counters.set(
      `${practiceId}|${item.period}`,
      visibleCounters(item.counters, (r) => isPublished(r, now)),
    );
  }
  const controlled = (of: Counters, name: string) =>
    controlCount({ n: of[name] ?? 0, keySum: of[keyCounter(name)] ?? 0 }, policy);
  const rows: PracticeMonthActivity[] = [];
  const sorted = [...practices].sort((a, b) => a.name.localeCompare(b.name));
  for (const practice of sorted) {
    for (const month of period.months) {
      const of = counters.get(`${practice.organisationId}|${month}`) ?? {};
      rows.push({
        practiceId: practice.organisationId,
        practiceName: practice.name,
        ...(practice.odsCode ? { odsCode: practice.odsCode } : {}),
        month,
        accepted: controlled(of, 'referralsAccepted'),
        declined: controlled(of, 'referralsDeclined'),
      });
    }
  }
  return {
    scope: {
      ...scope,
      ...(resolved.name ? { name: resolved.name } : {}),
      ...(resolved.odsCode ? { odsCode: resolved.odsCode } : {}),
    },
    period: releasedPeriod(period),
    acceptedCode: SNOMED_ACCEPTED,
    declinedCode: SNOMED_DECLINED,
    rows,
  };
}
