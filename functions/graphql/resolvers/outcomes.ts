import type { IdentityRepository, Principal } from '../../identity';
import {
  type AggregateStore,
  ORGANISATION_DIMENSIONS,
  type OutcomeFiguresDeps,
  type OutcomeRow,
  type OutcomeSummaryInput,
  outcomeSummary,
  outcomeSummaryCsv,
  type PeriodKind,
  type ReferralActivityInput,
  referralActivity,
  releasedOutcomePeriods,
} from '../../outcomes';
import type { Clock } from '../../shared/clock';

/*
 * Resolvers for schema/outcomes.graphql. Thin: each calls one use case, which checks the caller's scope and the
 * period's release and applies disclosure control before anything is returned.
 */

/** What these resolvers need from the GraphQL context (a structural subset of GraphQLContext). */
export interface OutcomesResolverContext {
  principal: Principal;
  linkwork: {
    clock: Clock;
    identity: Pick<IdentityRepository, 'getOrganisation' | 'listChildOrganisations'>;
    outcomes: { aggregates: Pick<AggregateStore, 'readAggregates'> };
  };
  loaders?: { organisations: { load(id: string): Promise<{ name: string } | undefined> } };
}

function figuresDeps(context: OutcomesResolverContext): OutcomeFiguresDeps {
  return {
    aggregates: context.linkwork.outcomes.aggregates,
    organisations: context.linkwork.identity,
    clock: context.linkwork.clock,
  };
}

async function organisationName(context: OutcomesResolverContext, id: string): Promise<string | null> {
  const organisation = context.loaders
    ? await context.loaders.organisations.load(id)
    : await context.linkwork.identity.getOrganisation(id);
  return organisation?.name ?? null;
}

export const outcomesResolvers = {
  Query: {
    outcomeSummary: (_: unknown, args: { input: OutcomeSummaryInput }, context: OutcomesResolverContext) =>
      outcomeSummary(figuresDeps(context), context.principal, args.input),
    outcomeSummaryCsv: (_: unknown, args: { input: OutcomeSummaryInput }, context: OutcomesResolverContext) =>
      outcomeSummaryCsv(figuresDeps(context), context.principal, args.input),
    referralActivity: (_: unknown, args: { input: ReferralActivityInput }, context: OutcomesResolverContext) =>
      referralActivity(figuresDeps(context), context.principal, args.input),
    releasedOutcomePeriods: (
      _: unknown,
      args: { kind: PeriodKind; last?: number | null },
      context: OutcomesResolverContext,
    ) => releasedOutcomePeriods({ clock: context.linkwork.clock }, context.principal, args),
  },
  OutcomeRow: {
    // Organisation groups come labelled from the directory listing; national ICB rows are labelled here.
    label: (row: OutcomeRow, _: unknown, context: OutcomesResolverContext) =>
      row.label ?? (ORGANISATION_DIMENSIONS.includes(row.dimension) ? organisationName(context, row.group) : null),
  },
};
