import type { CheckInDeps } from '../../../functions/checkins';
import { createInboundSmsHandler } from '../../../functions/checkins/handlers/inbound-sms';
import { createSmsDeliveryHandler } from '../../../functions/checkins/handlers/sms-delivery';
import { defaultDispatchPolicy } from '../../../functions/checkins/policy';
import type { OutgoingSms, SmsSender } from '../../../functions/checkins/ports';
import { type DispatchReport, dispatchDueCheckIns } from '../../../functions/checkins/use-cases/dispatch-due-check-ins';
import { entityConfig } from '../../../functions/platform/dynamodb/service';
import { patientEntity } from '../../../functions/referrals/entities/patient';
import { dramaMobile } from '../../../functions/shared/phone';
import { inboundSmsEvent, snsEvent } from '../../support/sms-events';
import {
  accept,
  CREATE_REFERRAL,
  createWalk,
  type Data,
  newReferral,
  ok,
  PRESCRIBE,
  RECORD_ATTENDANCE,
  REFERRAL_FOLLOW_UP,
  SCHEDULE,
} from './follow-up-support';
import { createHarness, type Harness } from './harness';

/** The SMS port as a recorder: every text the engine hands to the provider, in order. */
class RecordingSmsSender implements SmsSender {
  readonly sent: (OutgoingSms & { providerMessageId: string })[] = [];

  async send(message: OutgoingSms): Promise<{ providerMessageId: string }> {
    const providerMessageId = `provider-${this.sent.length + 1}`;
    this.sent.push({ ...message, providerMessageId });
    return { providerMessageId };
  }
}

const OPEN_CONCERNS = `query Open { openConcerns(first: 50) { edges { node { id status referral { id } texts(first: 5) { edges { node { body } } } } } } }`;
const ACKNOWLEDGE = `mutation Ack($id: ID!) { acknowledgeConcern(concernId: $id) { id status acknowledgedBy { id } } }`;
const RESOLVE = `mutation Resolve($input: ResolveConcernInput!) {
  resolveConcern(input: $input) { id status action note resolvedBy { id } referral { id concernOpen openConcern { id } } }
}`;
const INBOX = `query Inbox { inbox(first: 50) { edges { node { id reason body handled patient { id } } } } }`;
const MARK = `mutation Mark($id: ID!) { markInboxMessageHandled(inboxMessageId: $id) { id handled handledBy { id } } }`;

const THREAD = `query Thread($id: ID!) {
  referral(id: $id) { checkIns(first: 10) { edges { node { wave messages(first: 50) { edges { node {
    direction kind body at questionIndex
  } } } } } } }
}`;

/*
 * The whole follow-up story, each step through its real entry point: GraphQL mutations through the Lambda handler, the
 * dispatcher use case on a pinned clock, replies through the SNS inbound handler. Dates: Monday 2 March 2026 (GMT, so
 * the Mon–Fri 09:00–18:00 Europe/London window is 09:00–18:00Z), first session on Friday 6 March.
 */
describe('follow-up journey: referral → activity → SMS check-in → reply → outcome → next check-in', () => {
  let h: Harness;
  const sms = new RecordingSmsSender();
  const policy = defaultDispatchPolicy();
  let deps: CheckInDeps;
  const mobile = dramaMobile(301);

  beforeAll(async () => {
    h = await createHarness();
    deps = h.linkwork.checkIns.withSender(sms);
  });
  afterAll(() => h.close());

  const dispatch = (): Promise<DispatchReport> =>
    dispatchDueCheckIns(deps, { policy, ratePerSecond: 100, runBudgetMs: 45_000, sleep: async () => {} });
  const inbound = createInboundSmsHandler(() => ({ deps, policy }));
  const reply = async (messageBody: string) => {
    const [result] = await inbound(
      inboundSmsEvent({
        originationNumber: '07700 900301',
        messageBody,
        previousPublishedMessageId: sms.sent.at(-1)?.providerMessageId,
      }),
    );
    return result;
  };
  let journeyReferralId = '';
  const followUp = async (referralId: string): Promise<Data> =>
    (await ok(h.gql(h.staff.LINK_WORKER, REFERRAL_FOLLOW_UP, { id: referralId }))).referral;

  it('sends the baseline, reads the replies into outcomes, and defers the next check-in to the window', async () => {
    // A referral is received and accepted; the person agreed to texts.
    const { id: referralId } = await newReferral(h, 301);
    journeyReferralId = referralId;
    await accept(h, referralId);
    const activityId = await createWalk(h);

    // Prescribing schedules the baseline check-in, due at once.
    h.clock.set('2026-03-02T10:30:00Z');
    const prescription = (
      await ok(h.gql(h.staff.LINK_WORKER, PRESCRIBE, { input: { referralId, activityId, startDate: '2026-03-06' } }))
    ).prescribeActivity;
    expect(prescription.referral.nextCheckIn).toMatchObject({
      wave: 'BASELINE',
      status: 'WAITING',
      dueAt: '2026-03-02T10:30:00.000Z',
    });

    // Monday 10:35, inside the window: the dispatcher texts the first question through the SMS port.
    h.clock.set('2026-03-02T10:35:00Z');
    const first = await dispatch();
    expect(first).toMatchObject({ sent: 1, deferred: 0, failed: 0 });
    expect(sms.sent.at(-1)).toMatchObject({ to: mobile, body: expect.stringContaining('how happy did you feel') });

    // The person replies: one unreadable answer (asked again), then 7, 2 and "hardly ever".
    h.clock.set('2026-03-02T11:00:00Z');
    expect(await reply('not sure tbh')).toBe('reasked');
    expect(sms.sent.at(-1)?.body).toContain('Sorry, we could not read that');
    h.clock.advance(60_000);
    expect(await reply('7')).toBe('answered');
    expect(sms.sent.at(-1)?.body).toContain('how anxious did you feel');
    h.clock.advance(60_000);
    expect(await reply('2')).toBe('answered');
    expect(sms.sent.at(-1)?.body).toContain('How often do you feel lonely?');
    h.clock.advance(60_000);
    expect(await reply('Hardly ever')).toBe('completed');

    // The answers are the referral's latest outcomes, through GraphQL; the baseline is complete.
    const answered = await followUp(referralId);
    expect(answered.latestOutcomes).toEqual([
      { key: 'ONS4.anxiety', value: '2', score: 2, measuredAt: '2026-03-02T11:02:00.000Z' },
      { key: 'ONS4.happiness', value: '7', score: 7, measuredAt: '2026-03-02T11:01:00.000Z' },
      { key: 'ONS_LONELINESS.lonely', value: 'Hardly ever', score: null, measuredAt: '2026-03-02T11:03:00.000Z' },
    ]);
    expect(answered.outcomes.edges.map((edge: Data) => [edge.node.key, edge.node.value, edge.node.source])).toEqual([
      ['ONS4.happiness', 7, 'SMS'],
      ['ONS4.anxiety', 2, 'SMS'],
      ['ONS_LONELINESS.lonely', 4, 'SMS'],
    ]);
    expect(answered.checkIns.edges.map((edge: Data) => edge.node)).toEqual([
      expect.objectContaining({ wave: 'BASELINE', status: 'COMPLETED', answeredCount: 3, unansweredCount: 0 }),
    ]);
    expect(answered).toMatchObject({ concernOpen: false, nextCheckIn: null, nextCheckInAt: null });

    // The link worker reads the thread, both ways, including the unreadable reply.
    const thread = (await ok(h.gql(h.staff.LINK_WORKER, THREAD, { id: referralId }))).referral.checkIns.edges[0].node
      .messages.edges;
    expect(thread.map((edge: Data) => [edge.node.direction, edge.node.kind])).toEqual([
      ['OUT', 'QUESTION'],
      ['IN', 'REPLY'],
      ['OUT', 'REASK'],
      ['IN', 'REPLY'],
      ['OUT', 'QUESTION'],
      ['IN', 'REPLY'],
      ['OUT', 'QUESTION'],
      ['IN', 'REPLY'],
    ]);
    expect(thread[1].node.body).toBe('not sure tbh');

    // Friday: the provider records the first session; the week-6 and week-12 check-ins are scheduled from it (the
    // default plan has no week-1 check-in: at most 12 segments a referral, docs/performance.md).
    h.clock.set('2026-03-06T15:00:00Z');
    const attendance = (
      await ok(
        h.gql(h.staff.PROVIDER, RECORD_ATTENDANCE, {
          input: { prescriptionId: prescription.id, sessionDate: '2026-03-06', status: 'ATTENDED' },
        }),
      )
    ).recordAttendance;
    expect(attendance).toEqual({ firstAttendance: true, prescriptionStatus: 'STARTED' });
    const scheduled = await followUp(referralId);
    expect(scheduled.nextCheckIn).toMatchObject({
      wave: 'WEEK_6',
      status: 'WAITING',
      dueAt: '2026-04-17T00:00:00.000Z',
    });
    expect(scheduled.checkIns.edges.map((edge: Data) => edge.node.wave)).toEqual(['BASELINE', 'WEEK_6', 'WEEK_12']);

    // Friday 17 April, 08:30 BST: due, but before the sending window opens, so nothing is sent until 09:00 BST.
    const textsBefore = sms.sent.length;
    h.clock.set('2026-04-17T07:30:00Z');
    const early = await dispatch();
    expect(early).toMatchObject({ considered: 1, sent: 0, deferred: 1 });
    expect(sms.sent).toHaveLength(textsBefore);
    const deferred = await followUp(referralId);
    expect(deferred.nextCheckIn).toMatchObject({ wave: 'WEEK_6', dueAt: '2026-04-17T08:00:00.000Z' });
    // The caseload's sort field follows the deferral, so the link worker sees when the text will really go.
    expect(deferred.nextCheckInAt).toBe('2026-04-17T08:00:00.000Z');

    // 09:30 BST: it goes.
    h.clock.set('2026-04-17T08:30:00Z');
    const sending = await dispatch();
    expect(sending).toMatchObject({ sent: 1, deferred: 0 });
    expect(sms.sent).toHaveLength(textsBefore + 1);
    expect(sms.sent.at(-1)).toMatchObject({ to: mobile, body: expect.stringContaining('how happy did you feel') });
    const sent = await followUp(referralId);
    expect(sent.checkIns.edges.find((edge: Data) => edge.node.wave === 'WEEK_6').node).toMatchObject({
      status: 'AWAITING_REPLY',
      questionSentAt: '2026-04-17T08:30:00.000Z',
    });
    expect(sent.nextCheckIn).toMatchObject({ wave: 'WEEK_12' });
  });

  it('handles a shared phone, a concern from raised to resolved, an inbox text and a text that never arrived', async () => {
    const text = async (messageBody: string) => {
      const [result] = await inbound(
        inboundSmsEvent({
          originationNumber: mobile,
          messageBody,
          previousPublishedMessageId: sms.sent.at(-1)?.providerMessageId,
        }),
      );
      return result;
    };
    // The same person as above, with the week-6 check-in awaiting a reply.
    const referralId = journeyReferralId;

    // A carer uses the same phone: consent on it is refused (it is the patient's SMS contact), without is fine.
    const carer = {
      practiceId: h.orgs.practice.organisationId,
      source: 'GP',
      needs: ['LONELINESS_ISOLATION'],
      linkWorkerId: h.staff.LINK_WORKER.userId,
      newPatient: {
        nhsNumber: '9990003025',
        givenName: 'Carer',
        familyName: 'Example',
        dateOfBirth: '1952-02-02',
        sex: 'FEMALE',
        mobile,
        smsConsent: 'GIVEN',
      },
    };
    const refused = await h.gql(h.staff.LINK_WORKER, CREATE_REFERRAL, { input: carer });
    expect(refused.json.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'newPatient.mobile',
      reason: 'MOBILE_IN_USE',
    });
    const carerReferral = (
      await ok(
        h.gql(h.staff.LINK_WORKER, CREATE_REFERRAL, {
          input: { ...carer, newPatient: { ...carer.newPatient, smsConsent: 'NOT_ASKED' } },
        }),
      )
    ).createReferral.referral;
    // As a record from before the one-contact rule would be: the carer's record also has consent on the number.
    await patientEntity(entityConfig(h.store))
      .patch({ patientId: carerReferral.patient.id })
      .set({ smsConsent: 'GIVEN' })
      .go();

    // A worrying text from the shared phone: signposting once, and a concern on both people's referrals.
    h.clock.set('2026-04-17T09:00:00Z');
    expect(await text('I feel like I want to end it all')).toBe('concern');
    expect(sms.sent.filter((t) => t.to === mobile && t.body.includes('Samaritans'))).toHaveLength(1);
    const open = (await ok(h.gql(h.staff.LINK_WORKER, OPEN_CONCERNS))).openConcerns.edges.map((e: Data) => e.node);
    expect(open.map((c: Data) => c.referral.id).sort()).toEqual([referralId, carerReferral.id].sort());
    const concern = open.find((c: Data) => c.referral.id === referralId);
    expect(concern).toMatchObject({
      status: 'OPEN',
      texts: { edges: [{ node: { body: 'I feel like I want to end it all' } }] },
    });

    // The link worker acknowledges it, calls, and resolves it with what was done.
    h.clock.advance(30 * 60_000);
    expect((await ok(h.gql(h.staff.LINK_WORKER, ACKNOWLEDGE, { id: concern.id }))).acknowledgeConcern).toMatchObject({
      status: 'ACKNOWLEDGED',
      acknowledgedBy: { id: h.staff.LINK_WORKER.userId },
    });
    const resolved = (
      await ok(
        h.gql(h.staff.LINK_WORKER, RESOLVE, {
          input: { concernId: concern.id, action: 'CONTACTED_PERSON', note: 'Called; safe, seeing GP today.' },
        }),
      )
    ).resolveConcern;
    expect(resolved).toMatchObject({
      status: 'RESOLVED',
      action: 'CONTACTED_PERSON',
      resolvedBy: { id: h.staff.LINK_WORKER.userId },
      referral: { id: referralId, concernOpen: false, openConcern: null },
    });

    // A thank-you with no question waiting: on a shared number it goes to the inbox, where it is marked handled.
    h.clock.advance(60 * 60_000);
    await text('Thank you for calling me');
    const waiting = (await ok(h.gql(h.staff.LINK_WORKER, INBOX))).inbox.edges
      .map((e: Data) => e.node)
      .filter((m: Data) => m.body === 'Thank you for calling me');
    expect(waiting.length).toBeGreaterThan(0);
    for (const message of waiting) {
      expect((await ok(h.gql(h.staff.LINK_WORKER, MARK, { id: message.id }))).markInboxMessageHandled).toMatchObject({
        handled: true,
        handledBy: { id: h.staff.LINK_WORKER.userId },
      });
    }
    const still = (await ok(h.gql(h.staff.LINK_WORKER, INBOX))).inbox.edges.map((e: Data) => e.node.body);
    expect(still).not.toContain('Thank you for calling me');

    // An ad-hoc check-in whose first text never reaches the phone: the delivery event closes it for review.
    await ok(
      h.gql(h.staff.LINK_WORKER, SCHEDULE, {
        input: { referralId, wave: 'AD_HOC', dueAt: h.clock.now().toISOString() },
      }),
    );
    expect(await dispatch()).toMatchObject({ sent: 1 });
    const failed = await createSmsDeliveryHandler(() => h.linkwork.checkIns.deps)(
      snsEvent(
        JSON.stringify({
          eventType: 'TEXT_UNREACHABLE',
          eventVersion: '1.0',
          eventTimestamp: h.clock.now().getTime(),
          isFinal: true,
          originationPhoneNumber: '+447700900999',
          destinationPhoneNumber: mobile,
          messageId: sms.sent.at(-1)!.providerMessageId,
          messageType: 'TRANSACTIONAL',
          messageStatus: 'UNREACHABLE',
          totalMessageParts: 1,
        }),
      ),
    );
    expect(failed).toEqual(['check-in-failed']);
    const adHoc = (await followUp(referralId)).checkIns.edges
      .map((e: Data) => e.node)
      .find((c: Data) => c.wave === 'AD_HOC');
    expect(adHoc).toMatchObject({ status: 'FAILED', closeReason: 'DELIVERY_FAILED', needsReview: true });
  });
});
