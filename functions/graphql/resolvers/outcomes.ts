import type { IdentityRepository } from '../../identity/ports';
import type { Principal } from '../../identity/principal';
import { DynamoDbAggregateStore } from '../../outcomes/adapters/dynamodb-aggregate-store';
import type { AggregateStore } from '../../outcomes/ports';
import type { OutcomeRow } from '../../outcomes/summary';
import {
  type OutcomeFiguresDeps,
  type OutcomeSummaryInput,
  outcomeSummary,
  outcomeSummaryCsv,
} from '../../outcomes/use-cases/outcome-summary';
import { type ReferralActivityInput, referralActivity } from '../../outcomes/use-cases/referral-activity';
import type { DataStore } from '../../platform/dynamodb/client';

/*
 * Resolvers for schema/outcomes.graphql. Thin: each calls one use case, which checks the caller's scope and applies
 * disclosure control before anything is returned. The lead merges `outcomesResolvers` into the server and adds
 * `createOutcomesServices(store)` to the services (`services.outcomes`).
 */

export interface OutcomesServices {
  aggregates: Pick<AggregateStore, 'readAggregates'>;
}

export function createOutcomesServices(store: DataStore): OutcomesServices {
  return { aggregates: new DynamoDbAggregateStore(store) };
}

/** What these resolvers need from the GraphQL context (a structural subset of GraphQLContext plus `services.outcomes`). */
export interface OutcomesResolverContext {
  principal: Principal;
  services: { identity: Pick<IdentityRepository, 'getOrganisation'>; outcomes: OutcomesServices };
  loaders?: { organisations: { load(id: string): Promise<{ name: string } | undefined> } };
}

function figuresDeps(context: OutcomesResolverContext): OutcomeFiguresDeps {
  return { aggregates: context.services.outcomes.aggregates, organisations: context.services.identity };
}

async function organisationName(context: OutcomesResolverContext, id: string): Promise<string | null> {
  const organisation = context.loaders
    ? await context.loaders.organisations.load(id)
    : await context.services.identity.getOrganisation(id);
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
