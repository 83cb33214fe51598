import { parseAnswer } from '../answer-parser';
import type { CheckIn } from '../entities/check-in';
import type { CheckInAdvance, NewInboxMessage, NewOutcome } from '../ports';
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
import { refreshNextCheckIn } from './next-check-in';
import { sendCurrentStep } from './send-step';

/*
 * The text answers the current question of the one check-in waiting for it. Primary course: read the answer → record
 * the outcome and move the check-in on → send the next question at once. An unreadable answer is asked again once;
 * still unreadable, the question is left unanswered and the text goes to the inbox. Worrying words, or an answer in a
 * band marked as a concern (anxiety 6–10), stop the check-in there: the signposting is the last text it sends.
 * On a shared number, worrying words also reach every other record on it (its thread, inbox and concerns).
 */
export async function answerCheckIn(context: InboundContext, record: NumberRecord): Promise<InboundResult | Unsettled> {
  const { deps, options, receivedAt } = context;
  const awaiting = record.awaiting!;
  const catalogue = options.catalogue ?? defaultCatalogue;
  const index = awaiting.questionIndex;
  const question = catalogue.get(awaiting.questions[index]!);
  const parsed = parseAnswer(question, context.sms.body);
  const worrying = isWorryingReply(context.sms.body);
  const concernAnswer = parsed.ok && Boolean(bandOf(question, parsed.value)?.concern);
  const expected = { status: awaiting.status, questionIndex: index };
  const last = index + 1 >= awaiting.questions.length;
  const others = context.records.filter((other) => other !== record);
  const inbox: NewInboxMessage[] = [];

  let advance: CheckInAdvance;
  let outcome: (NewOutcome & { outcomeId: string }) | undefined;
  let result: InboundResult;
  if (!parsed.ok && !worrying && awaiting.reaskedIndex !== index) {
    advance = { expected, set: { reaskedIndex: index }, dueAt: awaiting.dueAt ?? null };
    result = 'reasked';
  } else {
    if (parsed.ok) {
      const band = bandOf(question, parsed.value);
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
      answeredCount: awaiting.answeredCount + (parsed.ok ? 1 : 0),
      unansweredCount: awaiting.unansweredCount + (parsed.ok ? 0 : 1),
    };
    if (worrying || concernAnswer) {
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
      result = parsed.ok ? 'answered' : 'unanswered';
    }
    // Not taken as an answer: a person reads it in the inbox.
    if (!parsed.ok) inbox.push(await inboxItem(context, record, worrying ? 'WORRYING_TEXT' : 'UNREADABLE'));
  }
  // Worrying words on a shared number are everyone's business on it: each other record keeps and sees the text.
  const alsoTo = worrying ? others : [];
  for (const other of alsoTo) inbox.push(await inboxItem(context, other, 'SHARED_NUMBER'));

  const commit = await deps.checkIns.commitInbound({
    inboundMessageId: context.sms.inboundMessageId,
    receivedAt,
    checkIn: { checkIn: awaiting, advance },
    outcome,
    messages: [
      { ...inboundMessage(context, record), checkInId: awaiting.checkInId, questionIndex: index },
      ...alsoTo.map((other) => inboundMessage(context, other)),
    ],
    inbox,
  });
  if (commit !== 'committed') return commit;

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
  const kept = { ...record, threadId: awaiting.checkInId };
  if (worrying) await raiseConcerns(context, [kept, ...alsoTo], 'WORRYING_TEXT');
  else if (concernAnswer) await raiseConcernOnAnswer(context, kept);
  if (worrying || concernAnswer) await signpostOnce(context, kept);
  await followUp(context, record, awaiting, advance, result);
  if (advance.set.status === 'COMPLETED' || advance.set.status === 'CANCELLED') {
    await refreshNextCheckIn(deps, awaiting);
  }
  return result;
}

/** A concern-level answer belongs to the check-in's own referral: the person asked is the one who answered. */
async function raiseConcernOnAnswer(context: InboundContext, record: NumberRecord): Promise<void> {
  const awaiting = record.awaiting!;
  await context.deps.events.publish({
    type: 'ConcernRaised',
    referralId: awaiting.referralId,
    reason: 'CONCERN_ANSWER',
    text: { threadId: awaiting.checkInId, at: context.receivedAt, inboundMessageId: context.sms.inboundMessageId },
    ...(awaiting.nation ? { nation: awaiting.nation } : {}),
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
    await sendReply(deps, {
      to: context.mobile,
      body: templates.reask(awaiting.senderLabel, catalogue.get(awaiting.questions[index]!)),
      kind: 'REASK',
      checkInId: awaiting.checkInId,
      patientId: record.patient.patientId,
      referralId: awaiting.referralId,
    });
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
