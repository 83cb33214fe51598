import { canAccessCareRecord, type Principal } from '../../identity';
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/errors';
import { DEFAULT_NATION } from '../../shared/uk-nation';
import { type CheckIn, OPEN_STATUSES, type Wave } from '../entities/check-in';
import { type CheckInPlan, DEFAULT_PLAN } from '../policy';
import type { CheckInDeps, ReferralSummary } from '../ports';
import { DEFAULT_QUESTIONS, defaultCatalogue, type QuestionCatalogue, type QuestionKey } from '../questionnaires';
import { senderLabel } from '../templates';
import { refreshNextCheckIn } from './next-check-in';

export const MAX_QUESTIONS_PER_CHECK_IN = 5;

export interface NewCheckIn {
  referralId: string;
  wave: Wave;
  questions?: readonly QuestionKey[];
  /** ISO time; the dispatcher sends at the first sending-window moment at or after it. */
  dueAt: string;
  prescriptionId?: string;
  activityId?: string;
}

export type ScheduleDeps = Pick<
  CheckInDeps,
  'checkIns' | 'careRecords' | 'events' | 'staff' | 'clock' | 'newId' | 'telemetry'
> & {
  catalogue?: QuestionCatalogue;
};

function validate(input: NewCheckIn, catalogue: QuestionCatalogue): readonly QuestionKey[] {
  const questions = input.questions ?? DEFAULT_QUESTIONS;
  if (questions.length === 0 || questions.length > MAX_QUESTIONS_PER_CHECK_IN) {
    throw new ValidationError('questions', `a check-in asks 1 to ${MAX_QUESTIONS_PER_CHECK_IN} questions`);
  }
  for (const key of questions) {
    if (!catalogue.has(key)) throw new ValidationError('questions', `unknown question ${key}`);
  }
  if (new Set(questions).size !== questions.length) throw new ValidationError('questions', 'a question is repeated');
  if (!Number.isFinite(Date.parse(input.dueAt))) throw new ValidationError('dueAt', 'not a valid date and time');
  return questions;
}

/** Creates a check-in for a referral (no scope check: callers are use cases that already checked, or the plan). */
export async function createCheckIn(
  deps: ScheduleDeps,
  referral: ReferralSummary,
  input: NewCheckIn,
): Promise<CheckIn> {
  const questions = validate(input, deps.catalogue ?? defaultCatalogue);
  if (!referral.open) throw new ConflictError('Check-ins can only be scheduled on an open referral');
  if (referral.erased) throw new ConflictError("The patient's data has been erased");
  const organisation = await deps.staff.getOrganisation(referral.pcnId);
  const now = deps.clock.now().toISOString();
  const dueAt = new Date(input.dueAt).toISOString();
  const checkIn: CheckIn = {
    checkInId: deps.newId(),
    referralId: referral.referralId,
    patientId: referral.patientId,
    prescriptionId: input.prescriptionId,
    activityId: input.activityId,
    wave: input.wave,
    questions: [...questions],
    senderLabel: senderLabel(organisation?.name),
    // The PCN's nation is its ICB's and so its practices': whose bank holidays keep routine texts back.
    nation: organisation?.nation ?? DEFAULT_NATION,
    status: 'WAITING',
    questionIndex: 0,
    introSent: false,
    scheduledFor: dueAt,
    dueAt,
    attempts: 0,
    answeredCount: 0,
    unansweredCount: 0,
    createdAt: now,
    updatedAt: now,
  };
  await deps.checkIns.create(checkIn);
  await refreshNextCheckIn(deps, referral);
  deps.telemetry?.info('check-in scheduled', { checkInId: checkIn.checkInId, wave: checkIn.wave });
  return checkIn;
}

/** A link worker (or anyone with the care record in scope) schedules a check-in, e.g. an ad hoc one. */
export async function scheduleCheckIn(
  deps: ScheduleDeps,
  input: NewCheckIn & { principal: Principal },
): Promise<CheckIn> {
  const referral = await deps.careRecords.getReferral(input.referralId);
  if (!referral || !canAccessCareRecord(input.principal, referral)) throw new ForbiddenError();
  return createCheckIn(deps, referral, input);
}

/** A link worker cancels a check-in that has not finished. */
export async function cancelCheckIn(
  deps: ScheduleDeps,
  input: { principal: Principal; checkInId: string },
): Promise<CheckIn> {
  const checkIn = await deps.checkIns.get(input.checkInId);
  const referral = checkIn ? await deps.careRecords.getReferral(checkIn.referralId) : undefined;
  if (!checkIn || !referral || !canAccessCareRecord(input.principal, referral)) throw new ForbiddenError();
  if (!OPEN_STATUSES.includes(checkIn.status)) throw new ConflictError(`Check-in is already ${checkIn.status}`);
  const at = deps.clock.now().toISOString();
  if (!(await deps.checkIns.close(checkIn, { status: 'CANCELLED', reason: 'CANCELLED_BY_STAFF', at }))) {
    throw new ConflictError('Check-in changed while cancelling; try again');
  }
  await refreshNextCheckIn(deps, checkIn);
  return (await deps.checkIns.get(input.checkInId))!;
}

/**
 * Closes every open check-in of a referral (the referral closed, or the patient opted out). Re-reads and retries a
 * check-in that changed underneath (e.g. a dispatcher claimed it). Returns how many were closed.
 */
export async function cancelOpenCheckInsForReferral(
  deps: Pick<CheckInDeps, 'checkIns' | 'events' | 'clock'>,
  input: { referralId: string; patientId: string; reason?: string },
): Promise<number> {
  const checkIns = await deps.checkIns.listByPatient(input.patientId);
  const closed = await closeOpen(
    deps,
    checkIns.filter((checkIn) => checkIn.referralId === input.referralId),
    input.reason ?? 'REFERRAL_CLOSED',
  );
  await refreshNextCheckIn(deps, input);
  return closed;
}

/** Closes every open check-in of a patient, whichever referral (consent withdrawn, or STOP by text). */
export async function cancelOpenCheckInsForPatient(
  deps: Pick<CheckInDeps, 'checkIns' | 'events' | 'clock'>,
  input: { patientId: string; reason: string },
): Promise<number> {
  const checkIns = await deps.checkIns.listByPatient(input.patientId);
  const open = checkIns.filter((checkIn) => OPEN_STATUSES.includes(checkIn.status));
  const closed = await closeOpen(deps, open, input.reason);
  const referrals = new Map(open.map((checkIn) => [checkIn.referralId, checkIn]));
  for (const checkIn of referrals.values()) await refreshNextCheckIn(deps, checkIn);
  return closed;
}

/** Closes each check-in still open, re-reading and retrying one that changed underneath (a dispatcher claimed it). */
async function closeOpen(
  deps: Pick<CheckInDeps, 'checkIns' | 'clock'>,
  checkIns: readonly CheckIn[],
  reason: string,
): Promise<number> {
  const at = deps.clock.now().toISOString();
  let closed = 0;
  for (const listed of checkIns) {
    let current: CheckIn | undefined = listed;
    for (let attempt = 0; attempt < 5 && current && OPEN_STATUSES.includes(current.status); attempt++) {
      if (await deps.checkIns.close(current, { status: 'CANCELLED', reason, at })) {
        closed++;
        break;
      }
      current = await deps.checkIns.get(listed.checkInId);
    }
  }
  return closed;
}

async function existing(deps: ScheduleDeps, patientId: string, match: (checkIn: CheckIn) => boolean) {
  return (await deps.checkIns.listByPatient(patientId)).some(match);
}

/**
 * On ActivityPrescribed: schedules the baseline check-in of the plan, unless the
 * referral already has one, or an in-person outcome was recorded recently. Returns what was scheduled.
 */
export async function onActivityPrescribed(
  deps: ScheduleDeps & Pick<CheckInDeps, 'outcomes'>,
  input: { referralId: string; prescriptionId: string; activityId: string },
  plan: CheckInPlan = DEFAULT_PLAN,
): Promise<CheckIn[]> {
  const baseline = plan.baseline;
  if (!baseline) return [];
  const referral = await deps.careRecords.getReferral(input.referralId);
  if (!referral?.open) return [];
  const patient = await deps.careRecords.getPatient(referral.patientId);
  if (patient?.smsConsent !== 'GIVEN' || !patient.mobile) return [];
  const now = deps.clock.now();
  const recentSince = new Date(now.getTime() - baseline.skipIfInPersonWithinMs).toISOString();
  const outcomes = await deps.outcomes.listByReferral(referral.referralId);
  if (outcomes.some((outcome) => outcome.source === 'IN_PERSON' && outcome.measuredAt >= recentSince)) return [];
  const hasBaseline = await existing(
    deps,
    referral.patientId,
    (checkIn) => checkIn.referralId === referral.referralId && checkIn.wave === baseline.wave,
  );
  if (hasBaseline) return [];
  return [
    await createCheckIn(deps, referral, {
      referralId: referral.referralId,
      wave: baseline.wave,
      questions: baseline.questions,
      dueAt: now.toISOString(),
      prescriptionId: input.prescriptionId,
      activityId: input.activityId,
    }),
  ];
}

/**
 * On FirstAttendanceRecorded: schedules
 * the plan's follow-ups (by default: the day after, then 6 and 12 weeks after that session). Idempotent.
 */
export async function onAttendanceRecorded(
  deps: ScheduleDeps,
  input: {
    referralId: string;
    prescriptionId: string;
    activityId: string;
    /** `YYYY-MM-DD` of the session, or an ISO time. */
    sessionDate: string;
    firstAttendance: boolean;
  },
  plan: CheckInPlan = DEFAULT_PLAN,
): Promise<CheckIn[]> {
  if (!input.firstAttendance) return [];
  const referral = await deps.careRecords.getReferral(input.referralId);
  if (!referral?.open) return [];
  const patient = await deps.careRecords.getPatient(referral.patientId);
  if (patient?.smsConsent !== 'GIVEN' || !patient.mobile) return [];
  const start = Date.parse(
    /^\d{4}-\d{2}-\d{2}$/.test(input.sessionDate) ? `${input.sessionDate}T00:00:00Z` : input.sessionDate,
  );
  if (!Number.isFinite(start)) throw new ValidationError('sessionDate', 'not a valid date');
  const already = await deps.checkIns.listByPatient(referral.patientId);
  const scheduled: CheckIn[] = [];
  for (const step of plan.afterFirstAttendance) {
    const taken = already.some(
      (checkIn) => checkIn.prescriptionId === input.prescriptionId && checkIn.wave === step.wave,
    );
    if (taken) continue;
    scheduled.push(
      await createCheckIn(deps, referral, {
        referralId: referral.referralId,
        wave: step.wave,
        questions: step.questions,
        dueAt: new Date(start + step.afterMs).toISOString(),
        prescriptionId: input.prescriptionId,
        activityId: input.activityId,
      }),
    );
  }
  return scheduled;
}
