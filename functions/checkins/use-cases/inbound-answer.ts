import type { TransactItem } from '../../platform/dynamodb/transactions';
import type { OutcomesMeasured } from '../../shared/care-events';
import { parseAnswer } from '../answer-parser';
import type { CheckIn } from '../entities/check-in';
import { countSegments } from '../gsm7';
import type { CheckInAdvance, CheckInDeps, InboundCommit, NewInboxMessage, NewOutcome } from '../ports';
import { bandOf, defaultCatalogue } from '../questionnaires';
import { templates } from '../templates';
import { isWorryingReply } from '../worrying-replies';
import {
  type InboundContext,
  type InboundResult,
  inboundMessage,
  inboxItem,
  type NumberRecord,
  raiseConcerns,
  signpostOnce,
  type Unsettled,
} from './inbound-context';
import { sendReply } from './inbound-replies';
import { consentProblem, segmentsUsed, sendClaimed, sendCurrentStep, stepText } from './send-step';

/*
 * The text answers the current question of the one check-in waiting for it. Primary course: read the answer → record
 * the outcome and move the check-in on, with the caseload row's latest answer and the next question's claim, in one
 * transaction → send the next question at once. An unreadable answer is asked again once; still unreadable, the
 * question is left unanswered and the text goes to the inbox. Worrying words, or an answer in a band marked as a
 * concern (anxiety 6–10), stop the check-in there: the signposting is the last text it sends. On a shared number,
 * worrying words also reach every other record on it (its thread, inbox and concerns).
 */
export async function answerCheckIn(context: InboundContext, record: NumberRecord): Promise<InboundResult | Unsettled> {
  const { deps, options } = context;
  const awaiting = record.awaiting!;
  const answer = readAnswer(context, awaiting);
  const { advance, outcome, result, worrying, concernAnswer } = answer;

  // Not taken as an answer: a person reads it in the inbox. Worrying words on a shared number are everyone's
  // business on it: each other record keeps and sees the text.
  const inbox: NewInboxMessage[] = [];
  if (answer.unread) inbox.push(await inboxItem(context, record, worrying ? 'WORRYING_TEXT' : 'UNREADABLE'));
  const alsoTo = worrying ? context.records.filter((other) => other !== record) : [];
  for (const other of alsoTo) inbox.push(await inboxItem(context, other, 'SHARED_NUMBER'));

  const measured: OutcomesMeasured | undefined = outcome && {
    type: 'OutcomesMeasured',
    referralId: awaiting.referralId,
    values: {
      [`${outcome.instrument}.${outcome.item}`]: {
        value: outcome.option ?? outcome.value,
        measuredAt: outcome.measuredAt,
      },
    },
    at: context.receivedAt,
  };
  const ahead = aheadOf(context, record, advance, result, measured);
  const commit = await commitAnswer(context, awaiting, ahead, {
    inboundMessageId: context.sms.inboundMessageId,
    receivedAt: context.receivedAt,
    outcome,
    messages: [
      { ...inboundMessage(context, record), checkInId: awaiting.checkInId, questionIndex: awaiting.questionIndex },
      ...alsoTo.map((other) => inboundMessage(context, other)),
    ],
    inbox,
  });
  if (commit !== 'committed' && commit !== 'committed alone') return commit;
  const carried = commit === 'committed';

  // The next question's claim is held from the commit: send it before anything else, so a crash leaves as short a
  // gap as the dispatcher's own claim-then-send (after it, the claim times out into UNCERTAIN, for review).
  if (carried && ahead.next) {
    await sendClaimed(deps, ahead.next.checkIn, ahead.next.claim, {
      policy: options.policy,
      catalogue: options.catalogue ?? defaultCatalogue,
      ignoreWindow: true,
    });
  }
  if (measured) await deps.events.publish(carried ? { ...measured, inPublisherTransaction: true } : measured);
  const kept = { ...record, threadId: awaiting.checkInId };
  if (worrying) await raiseConcerns(context, [kept, ...alsoTo], 'WORRYING_TEXT');
  else if (concernAnswer) await raiseConcernOnAnswer(context, awaiting, context.receivedAt);
  if (worrying || concernAnswer) await signpostOnce(context, kept);
  if (carried && ahead.reask) await reask(context, record, ahead.reask);
  else if (!carried || !ahead.next) await followUp(context, record, awaiting, advance, result);
  // No NextCheckInChanged here: the check-in answered was AWAITING_REPLY, so it was not the referral's next check-in
  // (the earliest not yet started) before this reply and is not after it.
  return result;
}

/** What the text says as an answer to the current question, and where it moves the check-in. */
interface Answer {
  advance: CheckInAdvance;
  outcome?: NewOutcome & { outcomeId: string };
  result: InboundResult;
  worrying: boolean;
  concernAnswer: boolean;
  /** Not readable as an answer and not asked again: the text goes to the inbox. */
  unread: boolean;
}

function readAnswer(context: InboundContext, awaiting: CheckIn): Answer {
  const { receivedAt } = context;
  const catalogue = context.options.catalogue ?? defaultCatalogue;
  const index = awaiting.questionIndex;
  const question = catalogue.get(awaiting.questions[index]!);
  const parsed = parseAnswer(question, context.sms.body);
  const worrying = isWorryingReply(context.sms.body);
  const concernAnswer = parsed.ok && Boolean(bandOf(question, parsed.value)?.concern);
  const expected = { status: awaiting.status, questionIndex: index };
  const flags = { worrying, concernAnswer };
  if (!parsed.ok && !worrying && awaiting.reaskedIndex !== index) {
    const advance = { expected, set: { reaskedIndex: index }, dueAt: awaiting.dueAt ?? null };
    return { advance, result: 'reasked', ...flags, unread: false };
  }
  const outcome: Answer['outcome'] = parsed.ok
    ? {
        outcomeId: `${awaiting.checkInId}-${index}`,
        referralId: awaiting.referralId,
        patientId: awaiting.patientId,
        instrument: question.instrument,
        item: question.item,
        value: parsed.value,
        option: parsed.option,
        band: bandOf(question, parsed.value)?.label,
        wave: awaiting.wave,
        source: 'SMS',
        measuredAt: receivedAt,
        checkInId: awaiting.checkInId,
      }
    : undefined;
  const counts = {
    answeredCount: awaiting.answeredCount + (parsed.ok ? 1 : 0),
    unansweredCount: awaiting.unansweredCount + (parsed.ok ? 0 : 1),
  };
  const read = { ...(outcome ? { outcome } : {}), ...flags, unread: !parsed.ok };
  if (worrying || concernAnswer) {
    // Someone in distress, by their words or by an answer in a band marked as a concern (anxiety 9), gets the
    // signposting and nothing else: no next wellbeing question. The check-in stops here for the link worker.
    const set = { ...counts, status: 'CANCELLED' as const, closeReason: 'CONCERN_RAISED', closedAt: receivedAt };
    return { advance: { expected, set: { ...set, needsReview: true }, dueAt: null }, result: 'concern', ...read };
  }
  if (index + 1 >= awaiting.questions.length) {
    const set = { ...counts, status: 'COMPLETED' as const, closedAt: receivedAt };
    return { advance: { expected, set, dueAt: null }, result: 'completed', ...read };
  }
  const set = { ...counts, status: 'WAITING' as const, questionIndex: index + 1 };
  return { advance: { expected, set, dueAt: receivedAt }, result: parsed.ok ? 'answered' : 'unanswered', ...read };
}

/**
 * What follows the answer goes in its transaction where it can (the caseload row's latest answer, the next question's
 * claim, the room for the next text under the cap). If any of that does not hold, the answer commits alone
 * ('committed alone') and what follows takes the longer road, as it always did.
 */
async function commitAnswer(
  context: InboundContext,
  awaiting: CheckIn,
  ahead: Ahead,
  answer: Omit<Parameters<CheckInDeps['checkIns']['commitInbound']>[0], 'checkIn'>,
): Promise<InboundCommit | 'committed alone'> {
  const { checkIns } = context.deps;
  const commit = await checkIns.commitInbound({
    ...answer,
    checkIn: { checkIn: awaiting, advance: ahead.advance },
    alongside: ahead.alongside,
    ...(ahead.segmentRoom ? { segmentRoom: ahead.segmentRoom } : {}),
  });
  if (commit !== 'unmet') return commit;
  const alone = await checkIns.commitInbound({ ...answer, checkIn: { checkIn: awaiting, advance: ahead.alone } });
  return alone === 'committed' ? 'committed alone' : alone;
}

/** What the answer's transaction carries beyond the answer itself, and what to do once it committed. */
interface Ahead {
  advance: CheckInAdvance;
  /** The check-in's move when the answer commits alone. */
  alone: CheckInAdvance;
  alongside: TransactItem[];
  segmentRoom?: { patientId: string; referralId: string; segments: number; cap: number };
  /** The next question, claimed in the answer's transaction. */
  next?: { checkIn: CheckIn; claim: Parameters<typeof sendClaimed>[2] };
  /** The re-ask, with room for it under the cap. */
  reask?: string;
}

function aheadOf(
  context: InboundContext,
  record: NumberRecord,
  advance: CheckInAdvance,
  result: InboundResult,
  measured: OutcomesMeasured | undefined,
): Ahead {
  const { deps, options } = context;
  const awaiting = record.awaiting!;
  const catalogue = options.catalogue ?? defaultCatalogue;
  const cap = options.policy.segmentCap;
  const alongside = measured ? deps.events.writesFor(measured) : [];
  const plain: Ahead = { advance, alone: advance, alongside };
  const room = (body: string) => {
    const segments = countSegments(body).segments;
    // A text longer than the cap by itself: left to the longer road, which says so (the condition cannot).
    return segments <= cap
      ? { patientId: awaiting.patientId, referralId: awaiting.referralId, segments, cap }
      : undefined;
  };
  if (result === 'reasked') {
    const body = reaskText(context, awaiting);
    const segmentRoom = room(body);
    return segmentRoom ? { advance, alone: advance, alongside, segmentRoom, reask: body } : plain;
  }
  if ((result !== 'answered' && result !== 'unanswered') || consentProblem(record.patient)) return plain;
  const claimedAt = deps.clock.now();
  const token = deps.newId();
  const set = {
    ...advance.set,
    status: 'SENDING' as const,
    claimToken: token,
    claimedAt: claimedAt.toISOString(),
    attempts: 0,
  };
  const checkIn: CheckIn = { ...awaiting, ...set };
  const text = stepText(checkIn, catalogue);
  const segmentRoom = room(text.body);
  if (!segmentRoom) return plain;
  return {
    alone: advance,
    // Claimed as the dispatcher claims (SENDING, due again when the claim times out), not left WAITING for it.
    advance: {
      expected: advance.expected,
      set,
      dueAt: new Date(claimedAt.getTime() + options.policy.claimTimeoutMs).toISOString(),
    },
    // The dispatcher's last guard before a text, kept: the referral is still open (in the transaction, not read).
    alongside: [...alongside, deps.careRecords.referralOpenCondition(awaiting.referralId)],
    segmentRoom,
    next: { checkIn, claim: { token, text, patient: record.patient } },
  };
}

function reaskText(context: InboundContext, awaiting: CheckIn): string {
  const catalogue = context.options.catalogue ?? defaultCatalogue;
  return templates.reask(awaiting.senderLabel, catalogue.get(awaiting.questions[awaiting.questionIndex]!));
}

async function reask(context: InboundContext, record: NumberRecord, body: string): Promise<void> {
  const awaiting = record.awaiting!;
  await sendReply(context.deps, {
    to: context.mobile,
    body,
    kind: 'REASK',
    checkInId: awaiting.checkInId,
    patientId: record.patient.patientId,
    referralId: awaiting.referralId,
  });
}

/**
 * A concern-level answer belongs to the check-in's own referral: the person asked is the one who answered. `keptAt`
 * is when the text was first kept (a redelivery raises it again from the receipt; handle-inbound-sms.ts).
 */
export async function raiseConcernOnAnswer(
  context: Pick<InboundContext, 'deps' | 'sms'>,
  checkIn: CheckIn,
  keptAt: string,
): Promise<void> {
  await context.deps.events.publish({
    type: 'ConcernRaised',
    referralId: checkIn.referralId,
    reason: 'CONCERN_ANSWER',
    text: { threadId: checkIn.checkInId, at: keptAt, inboundMessageId: context.sms.inboundMessageId },
    ...(checkIn.nation ? { nation: checkIn.nation } : {}),
    at: context.deps.clock.now().toISOString(),
  });
  context.deps.telemetry?.count('ConcernRaised');
}

/**
 * The re-ask, or the next question at once (the patient is talking to us now). Nothing after the last answer: the
 * last question said it was the last, and a thank-you would cost a segment a check-in (docs/performance.md).
 */
async function followUp(
  context: InboundContext,
  record: NumberRecord,
  awaiting: CheckIn,
  advance: CheckInAdvance,
  result: InboundResult,
): Promise<void> {
  const { deps, options } = context;
  const catalogue = options.catalogue ?? defaultCatalogue;
  const index = awaiting.questionIndex;
  if (result === 'reasked') {
    const body = reaskText(context, awaiting);
    // A re-ask is routine: past the patient's segment budget it is not sent (a second unreadable text goes to the inbox).
    if ((await segmentsUsed(deps, awaiting)) + countSegments(body).segments > options.policy.segmentCap) {
      deps.telemetry?.count('SmsCapReached');
      return;
    }
    await reask(context, record, body);
  } else if (result === 'answered' || result === 'unanswered') {
    const next: CheckIn = {
      ...awaiting,
      ...advance.set,
      status: 'WAITING',
      questionIndex: index + 1,
      dueAt: context.receivedAt,
      attempts: 0,
      claimToken: undefined,
      claimedAt: undefined,
    };
    // Still under a claim: if this fails or we crash, the check-in is WAITING and the dispatcher sends it in the window.
    await sendCurrentStep(deps, next, {
      policy: options.policy,
      catalogue,
      ignoreWindow: true,
      patient: record.patient,
    });
  }
}
