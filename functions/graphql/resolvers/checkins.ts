import type { Prescription, RecordAttendanceResult } from '../../activities';
import { recordAccess } from '../../audit/record-access';
import type { CheckIn } from '../../checkins/entities/check-in';
import {
  cancelCheckIn,
  cancelOpenCheckInsForReferral,
  onActivityPrescribed,
  onAttendanceRecorded,
  scheduleCheckIn,
} from '../../checkins/use-cases/schedule-check-in';
import { recordOutcome } from '../../outcomes/record-outcome';
import type { Referral } from '../../referrals';
import type { GraphQLContext } from '../context';
import { describeError } from '../errors';
import type { Resolvers } from '../generated/resolvers-types';
import { logger } from '../logger';
import { connectionFromArray } from '../pagination';

/*
 * Resolvers for schema/checkins.graphql, and the hooks that keep the follow-up engine in step with the referrals and
 * activities mutations. Scope: every check-in or measurement reached here hangs off a referral the caller was allowed
 * to see (the Referral fields), or went through a use case that checked the caller's scope itself (the mutations).
 * The thread of texts is checked once more, and its reads audited, because it holds the person's own words.
 */

/**
 * Runs an engine step after a mutation whose own change has already been written. A failure is logged (ids and error
 * names only) and does not fail the mutation: the client must not retry a change that happened (a second
 * prescription would be a CONFLICT), the engine steps are idempotent, and the dispatcher re-checks consent and
 * whether the referral is open before every text, so a missed cancellation can never send one.
 */
async function followUp<T>(
  operation: string,
  ids: Record<string, string>,
  step: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await step();
  } catch (error) {
    logger.error('Follow-up engine step failed after a successful mutation', {
      operation,
      ...ids,
      ...describeError(error),
    });
    return undefined;
  }
}

/** After `prescribeActivity`: the plan's baseline check-in (if the person consented to texts). */
export async function afterActivityPrescribed({ services }: GraphQLContext, prescription: Prescription): Promise<void> {
  await followUp('prescribeActivity', { referralId: prescription.referralId }, () =>
    onActivityPrescribed(services.checkIns, {
      referralId: prescription.referralId,
      prescriptionId: prescription.prescriptionId,
      activityId: prescription.activityId,
    }),
  );
}

/** After `recordAttendance`: on the first attended session, the plan's follow-ups (the day after, then weeks 6, 12). */
export async function afterAttendanceRecorded(
  { services }: GraphQLContext,
  result: RecordAttendanceResult,
): Promise<void> {
  if (!result.firstAttendance) return;
  await followUp('recordAttendance', { referralId: result.prescription.referralId }, () =>
    onAttendanceRecorded(services.checkIns, {
      referralId: result.prescription.referralId,
      prescriptionId: result.prescription.prescriptionId,
      activityId: result.prescription.activityId,
      sessionDate: result.attendance.sessionDate,
      firstAttendance: true,
    }),
  );
}

/**
 * After a referral reached a final status: closes its open check-ins. Returns the referral as it now is (closing
 * check-ins moves `nextCheckInAt` and bumps `version`, which the client passes back as `expectedVersion`).
 */
export async function afterReferralEnded(context: GraphQLContext, referral: Referral): Promise<Referral> {
  const { services, loaders } = context;
  const closed = await followUp('transitionReferral', { referralId: referral.referralId }, () =>
    cancelOpenCheckInsForReferral(services.checkIns, {
      referralId: referral.referralId,
      patientId: referral.patientId,
      reason: `REFERRAL_${referral.status}`,
    }),
  );
  if (closed === undefined || (closed === 0 && !referral.nextCheckInId)) return referral;
  return loaders.referrals.clear(referral.referralId).load(referral.referralId);
}

/** After SMS consent was refused or withdrawn: closes the pending check-ins of the person's open referrals. */
export async function afterSmsConsentWithdrawn(
  { services }: GraphQLContext,
  patientId: string,
  consent: 'REFUSED' | 'OPTED_OUT',
): Promise<void> {
  const referrals = await followUp('setSmsConsent', { patientId }, () =>
    services.checkIns.careRecords.listReferralsOfPatient(patientId),
  );
  for (const referral of referrals?.filter((r) => r.open) ?? []) {
    await followUp('setSmsConsent', { referralId: referral.referralId }, () =>
      cancelOpenCheckInsForReferral(services.checkIns, {
        referralId: referral.referralId,
        patientId,
        reason: consent === 'OPTED_OUT' ? 'OPTED_OUT' : 'CONSENT_REFUSED',
      }),
    );
  }
}

/** The check-in's thread, if the caller may see its referral (FORBIDDEN otherwise); each read is audited. */
async function threadOf(checkIn: CheckIn, { principal, loaders, services }: GraphQLContext) {
  await loaders.referrals.load(checkIn.referralId);
  const [thread] = await Promise.all([
    services.checkIns.checkIns.listThread(checkIn.checkInId),
    recordAccess({ audit: services.referrals.audit, clock: services.clock }, principal, 'READ', 'checkInMessages', {
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
    scheduleCheckIn: (_parent, { input }, { principal, services }) =>
      scheduleCheckIn(services.checkIns, {
        principal,
        referralId: input.referralId,
        wave: input.wave,
        dueAt: input.dueAt,
        ...(input.questions ? { questions: [...input.questions] } : {}),
      }),
    cancelCheckIn: (_parent, { checkInId }, { principal, services }) =>
      cancelCheckIn(services.checkIns, { principal, checkInId }),
    recordOutcome: async (_parent, { input }, { principal, services, loaders }) => {
      await recordOutcome(services.checkIns, {
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
    checkIns: async (referral, args, { services }) => {
      // One Query on the patient's record (gsi3), already in scheduled order.
      const checkIns = await services.checkIns.checkIns.listByPatient(referral.patientId);
      return connectionFromArray(
        checkIns.filter((checkIn) => checkIn.referralId === referral.referralId),
        args,
      );
    },
    nextCheckIn: async (referral, _args, { loaders }) => {
      if (!referral.nextCheckInId) return null;
      const checkIn = await loaders.checkIns.load(referral.nextCheckInId);
      return checkIn?.referralId === referral.referralId ? checkIn : null;
    },
    outcomes: async (referral, args, { services }) =>
      connectionFromArray(await services.checkIns.outcomes.listByReferral(referral.referralId), args),
  },
  CheckIn: {
    id: (checkIn) => checkIn.checkInId,
    referral: (checkIn, _args, { loaders }) => loaders.referrals.load(checkIn.referralId),
    questions: (checkIn) => [...checkIn.questions],
    needsReview: (checkIn) => checkIn.needsReview ?? false,
    messages: async (checkIn, args, context) => connectionFromArray(await threadOf(checkIn, context), args),
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
