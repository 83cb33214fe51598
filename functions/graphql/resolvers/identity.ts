import type { Resolvers } from '../generated/resolvers-types';

export const identityResolvers: Resolvers = {
  Query: {
    // The principal was built from this very record moments ago (auth.ts); the loader serves it from the same request.
    me: async (_parent, _args, { principal, loaders }) => {
      const user = await loaders.staffUsers.load(principal.userId);
      if (!user) throw new Error('Authenticated staff user vanished during the request');
      return user;
    },
  },
  StaffUser: {
    id: (user) => user.userId,
    organisation: async (user, _args, { loaders }) =>
      user.organisationId ? ((await loaders.organisations.load(user.organisationId)) ?? null) : null,
  },
  Organisation: {
    id: (organisation) => organisation.organisationId,
  },
};
