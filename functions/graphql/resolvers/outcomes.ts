import type { IdentityRepository, Principal } from '../../identity';
import {
  type AggregateStore,
  type OutcomeFiguresDeps,
  type OutcomeRow,
  type OutcomeSummaryInput,
  outcomeSummary,
  outcomeSummaryCsv,
  type ReferralActivityInput,
  referralActivity,
} from '../../outcomes';

/*
 * Resolvers for schema/outcomes.graphql. Thin: each calls one use case, which checks the caller's scope and applies
 * disclosure control before anything is returned.
 */

/** What these resolvers need from the GraphQL context (a structural subset of GraphQLContext). */
export interface OutcomesResolverContext {
  principal: Principal;
  linkwork: {
    identity: Pick<IdentityRepository, 'getOrganisation'>;
    outcomes: { aggregates: Pick<AggregateStore, 'readAggregates'> };
  };
  loaders?: { organisations: { load(id: string): Promise<{ name: string } | undefined> } };
}

function figuresDeps(context: OutcomesResolverContext): OutcomeFiguresDeps {
  return { aggregates: context.linkwork.outcomes.aggregates, organisations: context.linkwork.identity };
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
  },
  OutcomeRow: {
    label: (row: OutcomeRow, _: unknown, context: OutcomesResolverContext) =>
      row.dimension === 'ICB' || row.dimension === 'PCN' || row.dimension === 'PRACTICE'
        ? organisationName(context, row.group)
        : null,
  },
  PracticeReferralActivity: {
    practiceName: (row: { practiceId: string }, _: unknown, context: OutcomesResolverContext) =>
      organisationName(context, row.practiceId),
  },
};
