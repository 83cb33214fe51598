import { parseUkMobile } from '../../shared/phone';
import { parseAnswer } from '../answer-parser';
import { type CheckIn, OPEN_STATUSES } from '../entities/check-in';
import { patientThreadId, type SmsKind } from '../entities/sms-message';
import { SmsSendError } from '../errors';
import { keywordOf } from '../keywords';
import type { DispatchPolicy } from '../policy';
import type { CheckInAdvance, CheckInDeps, InboundCommit, NewOutcome, PatientContact } from '../ports';
import { bandOf, defaultCatalogue, type QuestionCatalogue } from '../questionnaires';
import { senderLabel, templates } from '../templates';
import { isWorryingReply } from '../worrying-replies';
import { refreshNextCheckIn } from './next-check-in';
import { sendCurrentStep } from './send-step';

/*
 * A patient's text arrives (SNS, at least once, in any order). Primary course: find the patient by mobile → STOP /
 * START / HELP keywords first → otherwise read it as the answer to their check-in's current question: record the
 * outcome, move on, send the next question (or thanks). Worrying words, or an answer in a band marked as a concern,
 * raise a concern on the referral and get crisis signposting at once.
 *
 * Idempotency: the inbound receipt (keyed by the provider's inboundMessageId) is written in the SAME transaction as
 * the answer, the check-in's move and the outcome, so a redelivery changes nothing and sends nothing. Opt-outs are
 * applied before the receipt (they are idempotent), so a crash can never lose a STOP.
 */

export interface InboundSms {
  from: string;
  to?: string;
  body: string;
  inboundMessageId: string;
  previousPublishedMessageId?: string;
}

export type InboundResult =
  | 'unknown-sender'
  | 'duplicate'
  | 'opted-out'
  | 'opted-in'
  | 'help'
  | 'answered'
  | 'reasked'
  | 'unanswered'
  | 'completed'
  | 'concern'
  | 'unmatched';

export interface InboundOptions {
  policy: DispatchPolicy;
  catalogue?: QuestionCatalogue;
  /** Pause between attempts of the safety reply after a provider refusal. */
  sleep?: (ms: number) => Promise<void>;
}

const STALE_RETRIES = 3;

export async function handleInboundSms(
  deps: CheckInDeps,
  sms: InboundSms,
  options: InboundOptions,
): Promise<InboundResult> {
  let mobile: string;
  try {
    mobile = parseUkMobile(sms.from, 'originationNumber');
  } catch {
    deps.telemetry?.count('InboundUnknownSender');
    return 'unknown-sender';
  }
  const [patient] = await deps.careRecords.findPatientsByMobile(mobile);
  if (!patient) {
    // Never answered: we do not know who this is, and a reply would confirm the number is ours to a stranger.
    deps.telemetry?.count('InboundUnknownSender');
    return 'unknown-sender';
  }
  for (let attempt = 1; ; attempt++) {
    const result = await handleForPatient(deps, sms, patient, mobile, options);
    if (result !== 'stale') return result;
    if (attempt >= STALE_RETRIES) throw new Error('Check-in kept changing while handling an inbound text');
  }
}

async function handleForPatient(
  deps: CheckInDeps,
  sms: InboundSms,
  patient: PatientContact,
  mobile: string,
  options: InboundOptions,
): Promise<InboundResult | 'stale'> {
  const catalogue = options.catalogue ?? defaultCatalogue;
  const receivedAt = deps.clock.now().toISOString();
  const checkIns = await deps.checkIns.listByPatient(patient.patientId);
  const awaiting = pickAwaiting(checkIns, sms.previousPublishedMessageId);
  const latest = [...checkIns].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const sender = awaiting?.senderLabel ?? latest?.senderLabel ?? (await senderFor(deps, patient));
  const threadId = awaiting?.checkInId ?? checkIns.find((c) => OPEN_STATUSES.includes(c.status))?.checkInId;
  const inbound = {
    checkInId: threadId ?? patientThreadId(patient.patientId),
    direction: 'IN' as const,
    kind: 'REPLY' as const,
    body: sms.body,
    at: receivedAt,
    patientId: patient.patientId,
    inboundMessageId: sms.inboundMessageId,
  };
  const reply = (kind: SmsKind, body: string, checkInId = inbound.checkInId) =>
    sendReply(deps, { to: mobile, body, kind, checkInId, patientId: patient.patientId });

  const keyword = keywordOf(sms.body);
  if (keyword === 'STOP') {
    const changed = patient.smsConsent !== 'OPTED_OUT';
    // The referrals context records the opt-out and announces it; this context's reaction cancels every open check-in.
    await deps.events.publish({ type: 'SmsStopReceived', patientId: patient.patientId, at: receivedAt });
    const commit = await deps.checkIns.commitInbound({
      inboundMessageId: sms.inboundMessageId,
      receivedAt,
      message: inbound,
    });
    if (commit !== 'committed') return settled(commit);
    deps.telemetry?.count('OptOut');
    if (changed) await reply('STOP_CONFIRMED', templates.stopConfirmed(sender));
    return 'opted-out';
  }
  if (keyword === 'START') {
    const changed = patient.smsConsent === 'OPTED_OUT';
    if (changed) await deps.events.publish({ type: 'SmsStartReceived', patientId: patient.patientId, at: receivedAt });
    const commit = await deps.checkIns.commitInbound({
      inboundMessageId: sms.inboundMessageId,
      receivedAt,
      message: inbound,
    });
    if (commit !== 'committed') return settled(commit);
    if (changed) await reply('START_CONFIRMED', templates.startConfirmed(sender));
    return 'opted-in';
  }
  if (keyword === 'HELP') {
    const commit = await deps.checkIns.commitInbound({
      inboundMessageId: sms.inboundMessageId,
      receivedAt,
      message: inbound,
    });
    if (commit !== 'committed') return settled(commit);
    const linkWorker = await linkWorkerOf(deps, patient, awaiting);
    await reply('HELP', templates.help(sender, linkWorker?.name, linkWorker?.contactRoute));
    return 'help';
  }

  const worryingWords = isWorryingReply(sms.body);
  if (!awaiting) {
    const commit = await deps.checkIns.commitInbound({
      inboundMessageId: sms.inboundMessageId,
      receivedAt,
      message: inbound,
    });
    if (commit !== 'committed') return settled(commit);
    if (!worryingWords) {
      deps.telemetry?.count('InboundUnmatched');
      return 'unmatched';
    }
    const referrals = (await deps.careRecords.listReferralsOfPatient(patient.patientId)).filter((r) => r.open);
    for (const referral of referrals) {
      await deps.events.publish({ type: 'ConcernRaised', referralId: referral.referralId, at: receivedAt });
    }
    deps.telemetry?.count('ConcernRaised');
    await signpost(deps, options, { to: mobile, sender, checkInId: inbound.checkInId, patientId: patient.patientId });
    return 'concern';
  }

  const index = awaiting.questionIndex;
  const question = catalogue.get(awaiting.questions[index]);
  const parsed = parseAnswer(question, sms.body);
  const band = parsed.ok ? bandOf(question, parsed.value) : undefined;
  const concern = worryingWords || Boolean(band?.concern);
  const expected = { status: awaiting.status, questionIndex: index };
  const last = index + 1 >= awaiting.questions.length;

  let advance: CheckInAdvance;
  let outcome: (NewOutcome & { outcomeId: string }) | undefined;
  let result: InboundResult;
  if (!parsed.ok && !worryingWords && awaiting.reaskedIndex !== index) {
    advance = { expected, set: { reaskedIndex: index }, dueAt: awaiting.dueAt ?? null };
    result = 'reasked';
  } else {
    const answered = parsed.ok;
    if (parsed.ok) {
      outcome = {
        outcomeId: `${awaiting.checkInId}-${index}`,
        referralId: awaiting.referralId,
        patientId: awaiting.patientId,
        instrument: question.instrument,
        item: question.item,
        value: parsed.value,
        option: parsed.option,
        band: band?.label,
        wave: awaiting.wave,
        source: 'SMS',
        measuredAt: receivedAt,
        checkInId: awaiting.checkInId,
      };
    }
    const counts = {
      answeredCount: awaiting.answeredCount + (answered ? 1 : 0),
      unansweredCount: awaiting.unansweredCount + (answered ? 0 : 1),
    };
    if (concern) {
      // Someone in distress, by their words or by an answer in a band marked as a concern (anxiety 9), gets the
      // signposting and nothing else: no next wellbeing question. The check-in stops here for the link worker.
      advance = {
        expected,
        set: { ...counts, status: 'CANCELLED', closeReason: 'CONCERN_RAISED', closedAt: receivedAt, needsReview: true },
        dueAt: null,
      };
      result = 'concern';
    } else if (last) {
      advance = { expected, set: { ...counts, status: 'COMPLETED', closedAt: receivedAt }, dueAt: null };
      result = 'completed';
    } else {
      advance = { expected, set: { ...counts, status: 'WAITING', questionIndex: index + 1 }, dueAt: receivedAt };
      result = answered ? 'answered' : 'unanswered';
    }
  }

  const commit = await deps.checkIns.commitInbound({
    inboundMessageId: sms.inboundMessageId,
    receivedAt,
    checkIn: { checkIn: awaiting, advance },
    outcome,
    message: { ...inbound, checkInId: awaiting.checkInId, questionIndex: index },
  });
  if (commit === 'duplicate') {
    deps.telemetry?.count('InboundDuplicate');
    return 'duplicate';
  }
  if (commit === 'stale') return 'stale';
  if (commit === 'erased') return settled(commit);

  if (outcome) {
    await deps.events.publish({
      type: 'OutcomesMeasured',
      referralId: awaiting.referralId,
      values: {
        [`${outcome.instrument}.${outcome.item}`]: { value: outcome.option ?? outcome.value, measuredAt: receivedAt },
      },
      at: receivedAt,
    });
  }
  if (concern) {
    await deps.events.publish({ type: 'ConcernRaised', referralId: awaiting.referralId, at: receivedAt });
    deps.telemetry?.count('ConcernRaised');
    await signpost(deps, options, { to: mobile, sender, checkInId: awaiting.checkInId, patientId: patient.patientId });
  }
  if (result === 'reasked') {
    await reply('REASK', templates.reask(sender, question), awaiting.checkInId);
  } else if (result === 'completed') {
    await reply('THANKS', templates.thanks(sender), awaiting.checkInId);
  } else if (result === 'answered' || result === 'unanswered') {
    const next: CheckIn = {
      ...awaiting,
      ...advance.set,
      status: 'WAITING',
      questionIndex: index + 1,
      dueAt: receivedAt,
      attempts: 0,
      claimToken: undefined,
      claimedAt: undefined,
    };
    // The patient is talking to us now, so the next question goes at once (still under a claim). If this fails or
    // we crash, the check-in is WAITING and the dispatcher sends it inside the window.
    await sendCurrentStep(deps, next, { policy: options.policy, catalogue, ignoreWindow: true, patient });
  }
  if (advance.set.status === 'COMPLETED' || advance.set.status === 'CANCELLED')
    await refreshNextCheckIn(deps, awaiting);
  return result;
}

/**
 * A text that was not written: a redelivery (`duplicate`), or the patient was erased while it was handled, after which
 * the number is nobody's (as for an unknown sender, nothing is sent back).
 */
function settled(commit: Exclude<InboundCommit, 'committed'>): InboundResult {
  return commit === 'duplicate' ? 'duplicate' : 'unknown-sender';
}

/** The check-in a reply answers: the one whose last text it replies to, else the most recently asked. */
function pickAwaiting(checkIns: CheckIn[], previousPublishedMessageId: string | undefined): CheckIn | undefined {
  const awaiting = checkIns.filter((checkIn) => checkIn.status === 'AWAITING_REPLY');
  if (previousPublishedMessageId) {
    const exact = awaiting.find((checkIn) => checkIn.lastProviderMessageId === previousPublishedMessageId);
    if (exact) return exact;
  }
  return awaiting.sort((a, b) => (b.questionSentAt ?? '').localeCompare(a.questionSentAt ?? ''))[0];
}

async function senderFor(deps: CheckInDeps, patient: PatientContact): Promise<string> {
  const organisation = await deps.staff.getOrganisation(patient.pcnId);
  return senderLabel(organisation?.name);
}

async function linkWorkerOf(deps: CheckInDeps, patient: PatientContact, awaiting: CheckIn | undefined) {
  const referrals = await deps.careRecords.listReferralsOfPatient(patient.patientId);
  const referral =
    referrals.find((r) => r.referralId === awaiting?.referralId) ??
    referrals.filter((r) => r.open && r.linkWorkerId).sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))[0];
  return referral?.linkWorkerId ? deps.staff.getStaffUser(referral.linkWorkerId) : undefined;
}

/** A reply to the patient's own text: sent once, stored in the thread; a failure is logged, never retried blindly. */
async function sendReply(
  deps: CheckInDeps,
  reply: { to: string; body: string; kind: SmsKind; checkInId: string; patientId: string },
): Promise<boolean> {
  try {
    const { providerMessageId } = await deps.sms.send({ to: reply.to, body: reply.body, patientId: reply.patientId });
    await deps.checkIns.appendMessage({
      checkInId: reply.checkInId,
      direction: 'OUT',
      kind: reply.kind,
      body: reply.body,
      at: deps.clock.now().toISOString(),
      patientId: reply.patientId,
      providerMessageId,
    });
    return true;
  } catch (error) {
    deps.telemetry?.error('reply to an inbound text was not sent', {
      kind: reply.kind,
      retryable: error instanceof SmsSendError ? error.retryable : undefined,
    });
    return false;
  }
}

/** Crisis signposting is the one reply worth retrying after a certain refusal (it is never a duplicate risk). */
async function signpost(
  deps: CheckInDeps,
  options: InboundOptions,
  target: { to: string; sender: string; checkInId: string; patientId: string },
): Promise<void> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const body = templates.signposting(target.sender);
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const { providerMessageId } = await deps.sms.send({ to: target.to, body, patientId: target.patientId });
      await deps.checkIns.appendMessage({
        checkInId: target.checkInId,
        direction: 'OUT',
        kind: 'SIGNPOSTING',
        body,
        at: deps.clock.now().toISOString(),
        patientId: target.patientId,
        providerMessageId,
      });
      return;
    } catch (error) {
      const retryable = error instanceof SmsSendError && error.retryable;
      deps.telemetry?.error('crisis signposting not sent', { attempt, retryable });
      if (!retryable || attempt === 3) {
        deps.telemetry?.count('SignpostingFailed');
        return;
      }
      await sleep(attempt * 500);
    }
  }
}
