import { recordAccess } from '../../audit';
import { type CheckIn, cancelCheckIn, recordOutcome, scheduleCheckIn } from '../../checkins';
import type { GraphQLContext } from '../context';
import type { Resolvers } from '../generated/resolvers-types';
import { connectionFromArray } from '../pagination';
import { rowNextCheckIn } from './caseload-row';

/*
 * Resolvers for schema/checkins.graphql. Scope: every check-in or measurement reached here hangs off a referral the
 * caller was allowed to see (the Referral fields), or went through a use case that checked the caller's scope itself
 * (the mutations). The thread of texts is checked once more, and its reads audited, because it holds the person's
 * own words. What the engine does when a referral ends or a prescription starts is its own reaction to care events
 * (functions/checkins/use-cases/react-to-care-events.ts), not this file's.
 */

/** The check-in's thread, if the caller may see its referral (FORBIDDEN otherwise); each read is audited. */
async function threadOf(checkIn: CheckIn, { principal, loaders, checkIns, audit }: GraphQLContext) {
  await loaders.referrals.load(checkIn.referralId);
  const [thread] = await Promise.all([
    checkIns.checkIns.listThread(checkIn.checkInId),
    recordAccess({ audit, clock: checkIns.clock }, principal, 'READ', 'checkInMessages', {
      entityType: 'checkIn',
      entityId: checkIn.checkInId,
      patientId: checkIn.patientId,
    }),
  ]);
  // The local outbox keeps its copies in a partition of its own; never part of a check-in's thread.
  return thread.filter((message) => message.kind !== 'OUTBOX');
}

export const checkInResolvers: Resolvers = {
  Mutation: {
    scheduleCheckIn: (_parent, { input }, { principal, checkIns }) =>
      scheduleCheckIn(checkIns, {
        principal,
        referralId: input.referralId,
        wave: input.wave,
        dueAt: input.dueAt,
        ...(input.questions ? { questions: [...input.questions] } : {}),
      }),
    cancelCheckIn: (_parent, { checkInId }, { principal, checkIns }) =>
      cancelCheckIn(checkIns, { principal, checkInId }),
    recordOutcome: async (_parent, { input }, { principal, checkIns, loaders }) => {
      await recordOutcome(checkIns, {
        principal,
        referralId: input.referralId,
        answers: input.answers.map(({ instrument, item, value }) => ({ instrument, item, value })),
        wave: input.wave,
        ...(input.measuredAt ? { measuredAt: input.measuredAt } : {}),
      });
      return loaders.referrals.clear(input.referralId).load(input.referralId);
    },
  },
  Referral: {
    checkIns: async (referral, args, context) => {
      // One Query on the patient's record (gsi3), already in scheduled order.
      const checkIns = await context.checkIns.checkIns.listByPatient(referral.patientId);
      return connectionFromArray(
        checkIns.filter((checkIn) => checkIn.referralId === referral.referralId),
        args,
        { cursors: context.cursors, list: `Referral.checkIns:${referral.referralId}` },
      );
    },
    nextCheckIn: async (referral, _args, { loaders }, info) => {
      if (!referral.nextCheckInId) return null;
      // A caseload row's fields of it travel on the referral (caseload-row.ts); anything more reads the check-in.
      const fromRow = rowNextCheckIn(referral, info);
      if (fromRow) return fromRow;
      const checkIn = await loaders.checkIns.load(referral.nextCheckInId);
      return checkIn?.referralId === referral.referralId ? checkIn : null;
    },
    outcomes: async (referral, args, { checkIns, cursors }) =>
      connectionFromArray(await checkIns.outcomes.listByReferral(referral.referralId), args, {
        cursors,
        list: `Referral.outcomes:${referral.referralId}`,
      }),
  },
  CheckIn: {
    id: (checkIn) => checkIn.checkInId,
    referral: (checkIn, _args, { loaders }) => loaders.referrals.load(checkIn.referralId),
    questions: (checkIn) => [...checkIn.questions],
    needsReview: (checkIn) => checkIn.needsReview ?? false,
    messages: async (checkIn, args, context) =>
      connectionFromArray(await threadOf(checkIn, context), args, {
        cursors: context.cursors,
        list: `CheckIn.messages:${checkIn.checkInId}`,
      }),
  },
  SmsMessage: {
    id: (message) => message.messageId,
  },
  OutcomeMeasurement: {
    id: (outcome) => outcome.outcomeId,
    key: (outcome) => `${outcome.instrument}.${outcome.item}`,
    recordedBy: async (outcome, _args, { loaders }) =>
      outcome.recordedBy ? ((await loaders.staffUsers.load(outcome.recordedBy)) ?? null) : null,
  },
};
