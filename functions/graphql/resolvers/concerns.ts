import {
  acknowledgeConcern,
  listOpenConcerns,
  listReferralConcerns,
  type Referral,
  resolveConcern,
} from '../../referrals';
import type { Loaders } from '../context';
import type { Resolvers } from '../generated/resolvers-types';
import { connectionFromArray, connectionFromPage, pageArgs } from '../pagination';

/*
 * Resolvers for concerns (schema/referrals.graphql). The query and the mutations go through the referrals context's
 * use cases, which check the caller's scope; a referral's own concerns hang off a referral the caller was allowed to
 * see. Every Concern object resolved is audited as a read of its patient's record (audit-plugin.ts).
 */

function staff(loaders: Loaders, userId: string | undefined) {
  return userId ? loaders.staffUsers.load(userId).then((user) => user ?? null) : null;
}

async function oldestOpenConcern(referral: Referral, loaders: Loaders) {
  const [first] = referral.openConcernIds ?? [];
  if (!first) return null;
  const concern = await loaders.concerns.load(first);
  return concern?.referralId === referral.referralId ? concern : null;
}

export const concernResolvers: Resolvers = {
  Query: {
    openConcerns: async (_parent, args, { principal, referrals, cursors }) => {
      const paging = { cursors, list: 'openConcerns' };
      const page = await pageArgs(args, paging);
      const result = await listOpenConcerns(referrals, principal, {
        ...(args.icbId ? { icbId: args.icbId } : {}),
        first: page.limit,
        ...(page.after ? { after: page.after } : {}),
      });
      return connectionFromPage(result, page, paging);
    },
  },
  Mutation: {
    acknowledgeConcern: (_parent, { concernId }, { principal, referrals }) =>
      acknowledgeConcern(referrals, principal, { concernId }),
    resolveConcern: (_parent, { input }, { principal, referrals }) =>
      resolveConcern(referrals, principal, {
        concernId: input.concernId,
        action: input.action,
        ...(input.note !== undefined && input.note !== null ? { note: input.note } : {}),
      }),
  },
  Referral: {
    openConcern: (referral, _args, { loaders }) => oldestOpenConcern(referral, loaders),
    concerns: async (referral, args, { referrals, cursors }) =>
      connectionFromArray(await listReferralConcerns(referrals, referral), args, {
        cursors,
        list: `Referral.concerns:${referral.referralId}`,
      }),
  },
  Concern: {
    id: (concern) => concern.concernId,
    referral: (concern, _args, { loaders }) => loaders.referrals.load(concern.referralId),
    reasons: (concern) => concern.reasons as ('WORRYING_TEXT' | 'CONCERN_ANSWER')[],
    acknowledgedBy: (concern, _args, { loaders }) => staff(loaders, concern.acknowledgedBy),
    resolvedBy: (concern, _args, { loaders }) => staff(loaders, concern.resolvedBy),
  },
};
