import {
  createOrganisation,
  createStaffUser,
  deactivateStaffUser,
  listLinkWorkers,
  listPcns,
  listPractices,
  reactivateStaffUser,
  type UpdateStaffUserInput,
  updateOrganisation,
  updateStaffUser,
} from '../../identity';
import type { Resolvers } from '../generated/resolvers-types';
import { connectionFromPage, pageArgs } from '../pagination';

/** `id` arguments a client left out (undefined) or sent as null both mean "my own". */
function given(id: string | null | undefined): string | undefined {
  return id ?? undefined;
}

export const identityResolvers: Resolvers = {
  Query: {
    // The principal was built from this very record moments ago (auth.ts); the loader serves it from the same request.
    me: async (_parent, _args, { principal, loaders }) => {
      const user = await loaders.staffUsers.load(principal.userId);
      if (!user) throw new Error('Authenticated staff user vanished during the request');
      return user;
    },
    pcns: async (_parent, args, { principal, linkwork, cursors }) => {
      const paging = { cursors, list: 'pcns' };
      const page = await pageArgs(args, paging);
      const icbId = given(args.icbId);
      const result = await listPcns(linkwork, principal, {
        first: page.limit,
        ...(page.after ? { after: page.after } : {}),
        ...(icbId ? { icbId } : {}),
      });
      return connectionFromPage(result, page, paging);
    },
    practices: async (_parent, args, { principal, linkwork, cursors }) => {
      const paging = { cursors, list: 'practices' };
      const page = await pageArgs(args, paging);
      const pcnId = given(args.pcnId);
      const result = await listPractices(linkwork, principal, {
        first: page.limit,
        ...(page.after ? { after: page.after } : {}),
        ...(pcnId ? { pcnId } : {}),
      });
      return connectionFromPage(result, page, paging);
    },
    linkWorkers: async (_parent, args, { principal, linkwork, cursors }) => {
      const paging = { cursors, list: 'linkWorkers' };
      const page = await pageArgs(args, paging);
      const pcnId = given(args.pcnId);
      const result = await listLinkWorkers(linkwork, principal, {
        first: page.limit,
        ...(page.after ? { after: page.after } : {}),
        ...(pcnId ? { pcnId } : {}),
      });
      return connectionFromPage(result, page, paging);
    },
  },
  Mutation: {
    createOrganisation: (_parent, { input }, { principal, linkwork }) =>
      createOrganisation(linkwork, principal, {
        kind: input.kind,
        odsCode: input.odsCode,
        name: input.name,
        ...(input.parentOdsCode === null || input.parentOdsCode === undefined
          ? {}
          : { parentOdsCode: input.parentOdsCode }),
      }),
    updateOrganisation: (_parent, { input }, { principal, linkwork }) =>
      updateOrganisation(linkwork, principal, { odsCode: input.odsCode, name: input.name }),
    createStaffUser: (_parent, { input }, { principal, linkwork }) =>
      createStaffUser(linkwork.staff, principal, {
        email: input.email,
        name: input.name,
        role: input.role,
        ...(input.organisationId ? { organisationId: input.organisationId } : {}),
        ...(input.contactRoute ? { contactRoute: input.contactRoute } : {}),
      }),
    updateStaffUser: (_parent, { input }, { principal, linkwork }) => {
      // Left out: unchanged. An explicit null clears `contactRoute` or makes an ADMIN national (`organisationId`).
      const changes: UpdateStaffUserInput = { userId: input.userId };
      if (input.role) changes.role = input.role;
      if (input.name !== undefined && input.name !== null) changes.name = input.name;
      if (input.organisationId !== undefined) changes.organisationId = input.organisationId;
      if (input.contactRoute !== undefined) changes.contactRoute = input.contactRoute;
      return updateStaffUser(linkwork.staff, principal, changes);
    },
    deactivateStaffUser: (_parent, { userId }, { principal, linkwork }) =>
      deactivateStaffUser(linkwork.staff, principal, userId),
    reactivateStaffUser: (_parent, { userId }, { principal, linkwork }) =>
      reactivateStaffUser(linkwork.staff, principal, userId),
  },
  StaffUser: {
    id: (user) => user.userId,
    organisation: async (user, _args, { loaders }) =>
      user.organisationId ? ((await loaders.organisations.load(user.organisationId)) ?? null) : null,
  },
  Organisation: {
    id: (organisation) => organisation.organisationId,
    parent: async (organisation, _args, { loaders }) =>
      organisation.parentId ? ((await loaders.organisations.load(organisation.parentId)) ?? null) : null,
  },
};
