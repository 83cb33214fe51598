import type { ReferralVersionSeen } from '../../shared/care-events';
import { DEFAULT_NATION } from '../../shared/uk-nation';
import type { CheckIn } from '../entities/check-in';
import type { SmsKind } from '../entities/sms-message';
import { SmsSendError } from '../errors';
import { countSegments } from '../gsm7';
import type { DispatchPolicy } from '../policy';
import type { CheckInDeps, PatientContact } from '../ports';
import { defaultCatalogue, type QuestionCatalogue } from '../questionnaires';
import { fitsOneSegment, templates } from '../templates';
import { isUpcoming, refreshNextCheckIn } from './next-check-in';

/*
 * Sending one step of a check-in (the intro, or the current question), AT MOST ONCE.
 *
 * Primary course: check consent → claim the step with a conditional write (WAITING → SENDING, with a claim token and
 * a timeout in the due index) → send through the SmsSender port → confirm (SENDING → AWAITING_REPLY with the
 * provider's message id, and the text in the thread).
 *
 * Why at most once: no SMS API takes an idempotency key, so the only way never to send a question twice is to never
 * send without winning the claim, and never to send again once a claim was taken but not confirmed. If we crash (or
 * the provider call ends in a way that leaves us unsure) between claim and confirm, the check-in stays SENDING until
 * its claim times out; the dispatcher then marks it UNCERTAIN and `needsReview`, and a person decides. A provider
 * refusal that certainly sent nothing (throttling, 5xx) releases the claim with a backoff, up to `maxAttempts`; then
 * the check-in is FAILED, also visible for review. See docs/clinical-safety.md (H5, H6).
 */

export type StepOutcome =
  | 'sent'
  | 'deferred'
  | 'skipped'
  | 'lost-race'
  | 'retry'
  | 'failed'
  | 'uncertain'
  | 'left-for-next-run';

export interface SendStepOptions {
  policy: DispatchPolicy;
  catalogue?: QuestionCatalogue;
  /** Replies to a patient's own text are sent at once, whatever the window. */
  ignoreWindow?: boolean;
  /** Patient already read by the caller (the dispatcher reads a batch). */
  patient?: PatientContact | null;
  /**
   * Waits for the rate limiter's next sending slot; called before each claim, so no claim is held while waiting.
   * Resolves false when the run's budget is spent (unless `pastBudget`): the step is left, unclaimed, for the next run.
   */
  beforeSend?: (pastBudget?: boolean) => Promise<boolean>;
  /** The question right after an intro sent alone: it goes in this run, whatever the budget says. */
  followsIntro?: boolean;
  /** Segments the patient has already been sent about this referral, when the caller read them (the run's batch). */
  segmentsUsed?: number;
}

const ms = (iso: string) => new Date(iso).getTime();

export function consentProblem(patient: PatientContact | undefined | null): string | undefined {
  if (!patient || patient.erased) return 'NO_PATIENT';
  if (patient.smsConsent === 'OPTED_OUT') return 'OPTED_OUT';
  if (patient.smsConsent !== 'GIVEN') return 'NO_CONSENT';
  if (!patient.mobile) return 'NO_MOBILE';
  return undefined;
}

export async function sendCurrentStep(
  deps: CheckInDeps,
  checkIn: CheckIn,
  options: SendStepOptions,
): Promise<StepOutcome> {
  const { policy } = options;
  const catalogue = options.catalogue ?? defaultCatalogue;
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const telemetry = deps.telemetry;

  // The practice's nation, fixed on the check-in when it was scheduled (England for check-ins from before that).
  const nation = checkIn.nation ?? DEFAULT_NATION;
  if (!options.ignoreWindow && !policy.window.isOpen(now, nation)) {
    const opening = policy.window.nextOpening(now, nation).toISOString();
    if (!(await deps.checkIns.defer(checkIn, opening))) return 'lost-race';
    // The caseload shows when the next check-in will really go, so a deferral moves it there too.
    if (isUpcoming(checkIn)) await refreshNextCheckIn(deps, checkIn);
    return 'deferred';
  }

  const patient =
    options.patient === undefined ? await deps.careRecords.getPatient(checkIn.patientId) : options.patient;
  // Read now, not with the run's batch: this is the last guard against texting about a referral closed a moment ago
  // whose check-ins were not cancelled. What it read also saves reading the referral again to update it below.
  const referral = await deps.careRecords.getReferral(checkIn.referralId);
  const problem = consentProblem(patient) ?? (referral?.open ? undefined : 'REFERRAL_CLOSED');
  if (problem) {
    const closed = await deps.checkIns.close(checkIn, { status: 'CANCELLED', reason: problem, at: nowIso });
    if (closed) {
      telemetry?.info('check-in cancelled before sending', { checkInId: checkIn.checkInId, reason: problem });
      await refreshNextCheckIn(deps, checkIn, referral?.seen);
    }
    return closed ? 'skipped' : 'lost-race';
  }
  const text = stepText(checkIn, catalogue);

  // The patient's segment budget for this referral: past it, nothing routine goes (a person reviews the check-in).
  const used = options.segmentsUsed ?? (await segmentsUsed(deps, checkIn));
  if (used + countSegments(text.body).segments > policy.segmentCap) {
    const closed = await deps.checkIns.close(checkIn, {
      status: 'CANCELLED',
      reason: 'SMS_CAP_REACHED',
      at: nowIso,
      needsReview: true,
    });
    if (closed) {
      telemetry?.count('SmsCapReached');
      await refreshNextCheckIn(deps, checkIn, referral?.seen);
    }
    return closed ? 'skipped' : 'lost-race';
  }

  if (options.beforeSend && !(await options.beforeSend(options.followsIntro))) return 'left-for-next-run';
  const claimedAt = deps.clock.now();
  const token = deps.newId();
  const claimed = await deps.checkIns.claim(checkIn, {
    token,
    at: claimedAt.toISOString(),
    timeoutAt: new Date(claimedAt.getTime() + policy.claimTimeoutMs).toISOString(),
  });
  if (!claimed) return 'lost-race';
  return sendClaimed(deps, checkIn, { token, text, patient: patient!, used, referralSeen: referral?.seen }, options);
}

/** What a step's text is: the intro (alone, or with the first question when both fit one segment), or a question. */
export interface StepText {
  body: string;
  kind: SmsKind;
  /** False for an intro sent alone: the first question follows under a claim of its own. */
  questionStep: boolean;
}

/** The text of the check-in's current step; the last question says it is the last when that still fits one segment. */
export function stepText(checkIn: CheckIn, catalogue: QuestionCatalogue = defaultCatalogue): StepText {
  const question = catalogue.get(checkIn.questions[checkIn.questionIndex]);
  if (checkIn.questionIndex === 0 && !checkIn.introSent) {
    const combined = templates.firstQuestion(checkIn.senderLabel, question);
    if (fitsOneSegment(combined)) return { body: combined, kind: 'QUESTION', questionStep: true };
    return {
      body: templates.intro(checkIn.senderLabel, checkIn.questions.length),
      kind: 'INTRO',
      questionStep: false,
    };
  }
  const last = checkIn.questions.length > 1 && checkIn.questionIndex === checkIn.questions.length - 1;
  const lastQuestion = templates.lastQuestion(checkIn.senderLabel, question);
  const body = last && fitsOneSegment(lastQuestion) ? lastQuestion : templates.question(checkIn.senderLabel, question);
  return { body, kind: 'QUESTION', questionStep: true };
}

/**
 * Sends a step whose claim (`token`) is already held, then confirms it; a certain refusal releases the claim, an
 * uncertain end keeps it (so the step is never sent twice). The dispatcher claims just before this; an answer by
 * text claims the next question in the answer's own transaction (inbound-answer.ts).
 */
export async function sendClaimed(
  deps: CheckInDeps,
  checkIn: CheckIn,
  claim: {
    token: string;
    text: StepText;
    /** Consent already checked: this is whom the text goes to. */
    patient: PatientContact;
    /** Segments already sent about the referral before this text, where the caller read them. */
    used?: number;
    referralSeen?: ReferralVersionSeen;
  },
  options: SendStepOptions,
): Promise<StepOutcome> {
  const { policy } = options;
  const telemetry = deps.telemetry;
  const { token, patient, used } = claim;
  const { body, kind, questionStep } = claim.text;
  const mobile = patient.mobile!;
  let providerMessageId: string;
  try {
    ({ providerMessageId } = await deps.sms.send({ to: mobile, body, patientId: checkIn.patientId }));
  } catch (error) {
    const at = deps.clock.now();
    if (error instanceof SmsSendError) {
      const attempts = checkIn.attempts + 1;
      const giveUp = !error.retryable || attempts >= policy.maxAttempts;
      await deps.checkIns.releaseClaim(checkIn, token, {
        status: giveUp ? 'FAILED' : 'WAITING',
        attempts,
        failure: error.failure,
        dueAt: giveUp ? null : new Date(at.getTime() + policy.backoffMs(attempts)).toISOString(),
        at: at.toISOString(),
      });
      telemetry?.warn('sms provider refused a check-in text', {
        checkInId: checkIn.checkInId,
        failure: error.failure,
        attempts,
        gaveUp: giveUp,
      });
      if (giveUp) await refreshNextCheckIn(deps, checkIn);
      return giveUp ? 'failed' : 'retry';
    }
    // We cannot tell whether the text went: keep the claim, so it becomes UNCERTAIN and is never resent.
    telemetry?.error('sms send ended uncertainly; the claim is kept and will be marked UNCERTAIN', {
      checkInId: checkIn.checkInId,
      errorName: (error as Error)?.name,
    });
    return 'uncertain';
  }

  const sentAt = deps.clock.now();
  const sentIso = sentAt.toISOString();
  const waitMs = checkIn.reminderSentAt ? policy.expireAfterMs : policy.reminderAfterMs;
  const confirmed = await deps.checkIns.confirmSent(
    checkIn,
    token,
    questionStep
      ? {
          status: 'AWAITING_REPLY',
          introSent: true,
          dueAt: new Date(sentAt.getTime() + waitMs).toISOString(),
          questionSentAt: sentIso,
          providerMessageId,
        }
      : { status: 'WAITING', introSent: true, dueAt: sentIso, providerMessageId },
    {
      checkInId: checkIn.checkInId,
      direction: 'OUT',
      kind,
      body,
      at: sentIso,
      patientId: checkIn.patientId,
      referralId: checkIn.referralId,
      questionIndex: checkIn.questionIndex,
      providerMessageId,
    },
  );
  if (!confirmed) {
    telemetry?.error('sent, but the claim had been taken over; check-in left for review', {
      checkInId: checkIn.checkInId,
    });
    return 'uncertain';
  }
  if (checkIn.questionIndex === 0 && !checkIn.introSent) await refreshNextCheckIn(deps, checkIn, claim.referralSeen);

  if (!questionStep) {
    // The intro went alone; the first question follows straight away under a claim of its own.
    const next: CheckIn = {
      ...checkIn,
      status: 'WAITING',
      introSent: true,
      dueAt: sentIso,
      attempts: 0,
      claimToken: undefined,
      claimedAt: undefined,
    };
    const again = await sendCurrentStep(deps, next, {
      ...options,
      ignoreWindow: true,
      followsIntro: true,
      patient,
      ...(used === undefined ? {} : { segmentsUsed: used + countSegments(body).segments }),
    });
    return again === 'lost-race' ? 'sent' : again;
  }
  return 'sent';
}

/** Segments the patient has been sent about the check-in's referral (one consistent read). */
export async function segmentsUsed(deps: Pick<CheckInDeps, 'checkIns'>, checkIn: CheckIn): Promise<number> {
  const key = { patientId: checkIn.patientId, referralId: checkIn.referralId };
  return (await deps.checkIns.segmentsUsed([key])).get(`${key.patientId}|${key.referralId}`) ?? 0;
}

/** Time-based work on a check-in waiting for a reply: one reminder, then NO_RESPONSE. */
export async function remindOrExpire(
  deps: CheckInDeps,
  checkIn: CheckIn,
  options: SendStepOptions,
): Promise<'reminded' | 'expired' | 'deferred' | 'lost-race' | 'retry' | 'skipped' | 'left-for-next-run'> {
  const { policy } = options;
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const sentAt = ms(checkIn.questionSentAt ?? checkIn.updatedAt ?? nowIso);
  const expiresAt = sentAt + policy.expireAfterMs;

  if (now.getTime() >= expiresAt) {
    const closed = await deps.checkIns.close(checkIn, { status: 'NO_RESPONSE', reason: 'NO_RESPONSE', at: nowIso });
    if (closed) await refreshNextCheckIn(deps, checkIn);
    return closed ? 'expired' : 'lost-race';
  }
  if (checkIn.reminderSentAt) {
    return (await deps.checkIns.defer(checkIn, new Date(expiresAt).toISOString())) ? 'deferred' : 'lost-race';
  }
  const nation = checkIn.nation ?? DEFAULT_NATION;
  if (!policy.window.isOpen(now, nation)) {
    const opening = policy.window.nextOpening(now, nation).getTime();
    const dueAt = new Date(Math.min(opening, expiresAt)).toISOString();
    return (await deps.checkIns.defer(checkIn, dueAt)) ? 'deferred' : 'lost-race';
  }
  const patient =
    options.patient === undefined ? await deps.careRecords.getPatient(checkIn.patientId) : options.patient;
  if (consentProblem(patient)) {
    const closed = await deps.checkIns.close(checkIn, {
      status: 'CANCELLED',
      reason: consentProblem(patient)!,
      at: nowIso,
    });
    return closed ? 'skipped' : 'lost-race';
  }
  const body = templates.reminder(checkIn.senderLabel);
  const used = options.segmentsUsed ?? (await segmentsUsed(deps, checkIn));
  if (used + countSegments(body).segments > policy.segmentCap) {
    // No reminder past the budget: the question stays open until it expires.
    deps.telemetry?.count('SmsCapReached');
    return (await deps.checkIns.defer(checkIn, new Date(expiresAt).toISOString())) ? 'deferred' : 'lost-race';
  }
  if (options.beforeSend && !(await options.beforeSend())) return 'left-for-next-run';
  if (!(await deps.checkIns.claimReminder(checkIn, nowIso, new Date(expiresAt).toISOString()))) return 'lost-race';
  try {
    const { providerMessageId } = await deps.sms.send({ to: patient!.mobile!, body, patientId: checkIn.patientId });
    await deps.checkIns.appendMessage({
      checkInId: checkIn.checkInId,
      direction: 'OUT',
      kind: 'REMINDER',
      body,
      at: deps.clock.now().toISOString(),
      patientId: checkIn.patientId,
      referralId: checkIn.referralId,
      questionIndex: checkIn.questionIndex,
      providerMessageId,
    });
    return 'reminded';
  } catch (error) {
    if (error instanceof SmsSendError && error.retryable) {
      const retryAt = new Date(now.getTime() + policy.backoffMs(1)).toISOString();
      await deps.checkIns.releaseReminder(
        { ...checkIn, reminderSentAt: nowIso, dueAt: new Date(expiresAt).toISOString() },
        retryAt,
      );
      return 'retry';
    }
    // Unsure whether it went: a reminder is never worth a second text, so it counts as sent.
    deps.telemetry?.error('reminder send ended uncertainly; not retried', { checkInId: checkIn.checkInId });
    return 'reminded';
  }
}
