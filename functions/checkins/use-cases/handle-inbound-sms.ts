import { ukMobileByShape } from '../../shared/phone';
import { type CheckIn, OPEN_STATUSES } from '../entities/check-in';
import type { InboxReason } from '../entities/inbox-message';
import { patientThreadId } from '../entities/sms-message';
import { keywordOf } from '../keywords';
import type { CheckInDeps, NewInboxMessage, PatientContact } from '../ports';
import { senderLabel, templates } from '../templates';
import { isWorryingReply } from '../worrying-replies';
import { answerCheckIn, raiseConcernOnAnswer } from './inbound-answer';
import {
  type InboundContext,
  type InboundOptions,
  type InboundResult,
  type InboundSms,
  inboundMessage,
  inboxItem,
  type NumberRecord,
  raiseConcerns,
  signpostOnce,
  type Unsettled,
} from './inbound-context';
import { sendReply } from './inbound-replies';

export type { InboundOptions, InboundResult, InboundSms } from './inbound-context';

/*
 * A patient's text arrives (SNS, at least once, in any order). Primary course: find every patient record on the number
 * → STOP / START / HELP keywords first → otherwise, when exactly one record is waiting for an answer, read it as the
 * answer to that check-in's current question (inbound-answer.ts); any text not taken as an answer goes to an inbox
 * where a person will read it. Worrying words raise a concern on every open referral of every record on the number
 * and get crisis signposting at once.
 *
 * Shared phones (families, carers): a number may be on several records (docs/clinical-safety.md, H7). STOP stops every
 * record on it; a worrying text raises a concern on every one; an answer is recorded only where exactly one record is
 * waiting for one, and otherwise goes to each record's inbox, since we cannot tell whose it is.
 *
 * Idempotency: the inbound receipt (keyed by the provider's inboundMessageId) is written in the SAME transaction as
 * the answer, the check-in's move, the outcome, the text in each thread and any inbox item, so a redelivery changes
 * nothing and sends nothing. Opt-outs are applied before the receipt (they are idempotent), so a crash can never lose
 * a STOP; a redelivered text that raised concerns (worrying words, or an answer in a concern band) raises them again
 * (idempotent too) and signposts if that never went, so a crash after the commit cannot lose either.
 */

const ATTEMPTS = 3;

export async function handleInboundSms(
  deps: CheckInDeps,
  sms: InboundSms,
  options: InboundOptions,
): Promise<InboundResult> {
  // By shape only: a patient whose number was stored before the stricter input rule (070, 076) must still be matched,
  // so their STOP stops and their worrying words reach someone. Unknown numbers are refused by the look-up below.
  const mobile = ukMobileByShape(sms.from);
  if (!mobile) {
    deps.telemetry?.count('InboundUnknownSender');
    return 'unknown-sender';
  }
  for (let attempt = 1; ; attempt++) {
    const patients = await deps.careRecords.findPatientsByMobile(mobile);
    if (patients.length === 0) {
      // Never answered: we do not know who this is, and a reply would confirm the number is ours to a stranger.
      deps.telemetry?.count('InboundUnknownSender');
      return 'unknown-sender';
    }
    const context = await contextFor(deps, sms, mobile, patients, options);
    const result = await handle(context);
    if (result === 'duplicate') {
      deps.telemetry?.count('InboundDuplicate');
      await finishConcernsAgain(context);
      return 'duplicate';
    }
    // A check-in moved, or a record on the number was erased meanwhile: read everything again. (An answer commits
    // again by itself when what it handed over did not hold, so `unmet` does not reach here; were it to, reading
    // again is the safe course.)
    if (result !== 'stale' && result !== 'erased' && result !== 'unmet') return result;
    if (attempt >= ATTEMPTS) throw new Error('Records kept changing while handling an inbound text');
  }
}

async function contextFor(
  deps: CheckInDeps,
  sms: InboundSms,
  mobile: string,
  patients: PatientContact[],
  options: InboundOptions,
): Promise<InboundContext> {
  const records = await Promise.all(
    patients.map(async (patient): Promise<NumberRecord> => {
      const checkIns = await deps.checkIns.listByPatient(patient.patientId);
      const awaiting = pickAwaiting(checkIns, sms.previousPublishedMessageId);
      const open = checkIns.find((checkIn) => OPEN_STATUSES.includes(checkIn.status));
      return {
        patient,
        checkIns,
        ...(awaiting ? { awaiting } : {}),
        threadId: awaiting?.checkInId ?? open?.checkInId ?? patientThreadId(patient.patientId),
      };
    }),
  );
  const latest = records.flatMap((record) => record.checkIns).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const awaiting = records.find((record) => record.awaiting)?.awaiting;
  const sender =
    awaiting?.senderLabel ??
    latest?.senderLabel ??
    senderLabel((await deps.staff.getOrganisation(records[0]!.patient.pcnId))?.name);
  return { deps, sms, mobile, options, receivedAt: deps.clock.now().toISOString(), records, sender };
}

async function handle(context: InboundContext): Promise<InboundResult | Unsettled> {
  const { records } = context;
  switch (keywordOf(context.sms.body)) {
    case 'STOP':
      return stop(context);
    case 'START':
      return start(context);
    case 'HELP':
      return help(context);
    default: {
      const waiting = records.filter((record) => record.awaiting);
      if (waiting.length === 1) return answerCheckIn(context, waiting[0]!);
      return notAnAnswer(context);
    }
  }
}

/** STOP from the number stops every record on it (a shared phone's owner wants no texts at all). */
async function stop(context: InboundContext): Promise<InboundResult | Unsettled> {
  const { deps, records } = context;
  const changed = records.some((record) => record.patient.smsConsent !== 'OPTED_OUT');
  for (const { patient } of records) {
    // The referrals context records the opt-out and announces it; this context's reaction cancels every open check-in.
    await deps.events.publish({ type: 'SmsStopReceived', patientId: patient.patientId, at: context.receivedAt });
  }
  const commit = await commitTexts(context, records);
  if (commit !== 'committed') return commit;
  deps.telemetry?.count('OptOut');
  if (changed) await replyOnce(context, 'STOP_CONFIRMED', templates.stopConfirmed(context.sender));
  return 'opted-out';
}

/**
 * START opts one record back in. On a shared number it is not ours to guess whose texts restart: each record's inbox
 * gets it, for a link worker to ask. Where consent could not be recorded (the number now receives another patient's
 * texts), it goes to the inbox too and nothing is confirmed.
 */
async function start(context: InboundContext): Promise<InboundResult | Unsettled> {
  const { deps, records } = context;
  if (records.length > 1) return toInbox(context, records, 'SHARED_NUMBER');
  const [record] = records as [NumberRecord];
  if (record.patient.smsConsent !== 'OPTED_OUT') {
    const commit = await commitTexts(context, records);
    return commit === 'committed' ? 'opted-in' : commit;
  }
  await deps.events.publish({ type: 'SmsStartReceived', patientId: record.patient.patientId, at: context.receivedAt });
  const now = await deps.careRecords.getPatient(record.patient.patientId);
  if (now?.smsConsent !== 'GIVEN') return toInbox(context, records, 'SHARED_NUMBER');
  const commit = await commitTexts(context, records);
  if (commit !== 'committed') return commit;
  await replyOnce(context, 'START_CONFIRMED', templates.startConfirmed(context.sender));
  return 'opted-in';
}

/** HELP: who the texts are from and how to reach the link worker (named only when the number is one record's). */
async function help(context: InboundContext): Promise<InboundResult | Unsettled> {
  const { deps, records } = context;
  const commit = await commitTexts(context, records);
  if (commit !== 'committed') return commit;
  const linkWorker = records.length === 1 ? await linkWorkerOf(deps, records[0]!) : undefined;
  await replyOnce(context, 'HELP', templates.help(context.sender, linkWorker?.name, linkWorker?.contactRoute));
  return 'help';
}

/** No single record was waiting for an answer: every record's inbox gets the text, and worrying words a concern. */
async function notAnAnswer(context: InboundContext): Promise<InboundResult | Unsettled> {
  const { records } = context;
  const shared = records.length > 1;
  const result = await toInbox(context, records, shared ? 'SHARED_NUMBER' : undefined);
  if ((result !== 'inbox' && result !== 'shared-number') || !isWorryingReply(context.sms.body)) return result;
  await raiseConcerns(context, records, 'WORRYING_TEXT');
  await signpostOnce(context, records[0]!);
  return 'concern';
}

/** Writes the text to each record's thread and inbox in one commit (with the receipt). */
async function toInbox(
  context: InboundContext,
  records: NumberRecord[],
  reason: InboxReason | undefined,
): Promise<InboundResult | Unsettled> {
  const inbox: NewInboxMessage[] = [];
  for (const record of records) inbox.push(await inboxItem(context, record, reason ?? defaultReason(record)));
  const commit = await commitTexts(context, records, inbox);
  if (commit !== 'committed') return commit;
  context.deps.telemetry?.count('InboxText', inbox.length);
  return records.length > 1 ? 'shared-number' : 'inbox';
}

/** A late answer after a check-in closed reads differently from news out of the blue: say which it is. */
function defaultReason(record: NumberRecord): InboxReason {
  return record.checkIns.some((checkIn) => checkIn.questionSentAt) ? 'AFTER_CHECK_IN' : 'OUTSIDE_CHECK_IN';
}

function commitTexts(context: InboundContext, records: NumberRecord[], inbox: NewInboxMessage[] = []) {
  return context.deps.checkIns.commitInbound({
    inboundMessageId: context.sms.inboundMessageId,
    receivedAt: context.receivedAt,
    messages: records.map((record) => inboundMessage(context, record)),
    inbox,
  });
}

/**
 * A redelivered text finishes what its first delivery may have left undone after the text was stored (a crash, a
 * write refused after the SDK's retries): its concerns are raised again, where and when it was first kept (from the
 * receipt), and the crisis signposting is sent if none followed it. Worrying words raise a concern on every record
 * the text reached; an answer in a band marked as a concern raises one on the check-in it closed (that check-in says
 * so: closed with CONCERN_RAISED at the text's time). The referrals context ignores a text it already has, so this
 * never raises a second concern (docs/clinical-safety.md, H1).
 */
async function finishConcernsAgain(context: InboundContext): Promise<void> {
  const worrying = isWorryingReply(context.sms.body);
  // Only a text that was waited for can be a concern-level answer; others need no read at all.
  if (!worrying && !context.records.some((record) => record.checkIns.length > 0)) return;
  const receipt = await context.deps.checkIns.getInboundReceipt(context.sms.inboundMessageId);
  if (!receipt?.threads?.length) return;
  const byPatient = new Map(context.records.map((record) => [record.patient.patientId, record]));
  const reached = receipt.threads.flatMap(({ patientId, threadId }) => {
    const record = byPatient.get(patientId);
    return record ? [{ ...record, threadId }] : [];
  });
  if (worrying) {
    await raiseConcerns(context, reached, 'WORRYING_TEXT', receipt.receivedAt);
    if (reached[0]) await signpostUnlessSent(context, reached[0], receipt.receivedAt);
    return;
  }
  for (const record of reached) {
    const closed = record.checkIns.find((checkIn) => checkIn.checkInId === record.threadId);
    if (closed?.closeReason !== 'CONCERN_RAISED' || closed.closedAt !== receipt.receivedAt) continue;
    await raiseConcernOnAnswer(context, closed, receipt.receivedAt);
    await signpostUnlessSent(context, record, receipt.receivedAt);
  }
}

/** The crisis signposting for a text first kept at `keptAt`, unless its thread already shows it sent since. */
async function signpostUnlessSent(context: InboundContext, record: NumberRecord, keptAt: string): Promise<void> {
  const thread = await context.deps.checkIns.listThread(record.threadId);
  const sent = thread.some((text) => text.direction === 'OUT' && text.kind === 'SIGNPOSTING' && text.at >= keptAt);
  if (!sent) await signpostOnce(context, record);
}

async function replyOnce(context: InboundContext, kind: 'STOP_CONFIRMED' | 'START_CONFIRMED' | 'HELP', body: string) {
  const [record] = context.records as [NumberRecord];
  await sendReply(context.deps, {
    to: context.mobile,
    body,
    kind,
    checkInId: record.threadId,
    patientId: record.patient.patientId,
  });
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

async function linkWorkerOf(deps: CheckInDeps, record: NumberRecord) {
  const referrals = await deps.careRecords.listReferralsOfPatient(record.patient.patientId);
  const referral =
    referrals.find((r) => r.referralId === record.awaiting?.referralId) ??
    referrals.filter((r) => r.open && r.linkWorkerId).sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))[0];
  return referral?.linkWorkerId ? deps.staff.getStaffUser(referral.linkWorkerId) : undefined;
}
