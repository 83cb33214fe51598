import { getAuditTrail } from '../../audit';
import type { Resolvers } from '../generated/resolvers-types';
import { connectionFromPage, pageArgs } from '../pagination';

export const auditResolvers: Resolvers = {
  Query: {
    auditTrail: async (_parent, args, { principal, linkwork, cursors }) => {
      const paging = { cursors, list: 'auditTrail' };
      const page = await pageArgs(args, paging);
      const result = await getAuditTrail(
        { auditTrail: linkwork.audit, patients: linkwork.referrals.deps.referrals },
        principal,
        { patientId: args.patientId, first: page.limit, ...(page.after ? { after: page.after } : {}) },
      );
      return connectionFromPage(result, page, paging);
    },
  },
  AuditEvent: {
    id: (event) => event.auditId,
    // Events written before requests were audited as a whole name their one record.
    entities: (event) => event.entities ?? [`${event.entityType}:${event.entityId}`],
    actor: async (event, _args, { loaders }) => (await loaders.staffUsers.load(event.actorUserId)) ?? null,
  },
};
