import { listInbox, markInboxMessageHandled } from '../../checkins';
import type { Resolvers } from '../generated/resolvers-types';
import { connectionFromPage, pageArgs } from '../pagination';

/*
 * Resolvers for the inbox and a concern's texts (schema/checkins.graphql). The inbox query and the mutation go through
 * the check-ins context's use cases, which check the caller may read that inbox; the patient and referral of a text in
 * it are ones the caller may see (their own caseload, or their PCN's queue). Every InboxMessage and SmsMessage
 * resolved is audited as a read of its patient's record (audit-plugin.ts).
 */

export const inboxResolvers: Resolvers = {
  Query: {
    inbox: async (_parent, args, { principal, checkIns, audit, cursors }) => {
      const paging = { cursors, list: 'inbox' };
      const page = await pageArgs(args, paging);
      const result = await listInbox({ ...checkIns, audit }, principal, {
        ...(args.linkWorkerId ? { linkWorkerId: args.linkWorkerId } : {}),
        ...(args.unassignedPcnId ? { unassignedPcnId: args.unassignedPcnId } : {}),
        ...(args.handled ? { handled: true } : {}),
        first: page.limit,
        ...(page.after ? { after: page.after } : {}),
      });
      return connectionFromPage(result, page, paging);
    },
  },
  Mutation: {
    markInboxMessageHandled: (_parent, { inboxMessageId }, { principal, checkIns, audit }) =>
      markInboxMessageHandled({ ...checkIns, audit }, principal, { inboxMessageId }),
  },
  InboxMessage: {
    id: (message) => message.inboxMessageId,
    patient: async (message, _args, { loaders }) => {
      const patient = await loaders.patients.load(message.patientId);
      if (!patient) throw new Error('An inbox text names a patient that does not exist');
      return patient;
    },
    referral: async (message, _args, { loaders }) =>
      message.referralId ? loaders.referrals.load(message.referralId).catch(() => null) : null,
    handled: (message) => message.state === 'HANDLED',
    handledBy: (message, _args, { loaders }) =>
      message.handledBy ? loaders.staffUsers.load(message.handledBy).then((user) => user ?? null) : null,
  },
  Concern: {
    texts: (concern, _args, { checkIns }) => checkIns.checkIns.getInboundMessages(concern.texts),
  },
};
