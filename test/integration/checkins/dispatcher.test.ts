import { SmsSendError } from '../../../functions/checkins/errors';
import type { SmsSender } from '../../../functions/checkins/ports';
import { dispatchDueCheckIns } from '../../../functions/checkins/use-cases/dispatch-due-check-ins';
import { scheduleCheckIn } from '../../../functions/checkins/use-cases/schedule-check-in';
import { DUE_INDEX_SHARDS } from '../../../functions/platform/dynamodb/table-definition';
import { countRequests } from '../../../scripts/lib/request-counter';
import { addPatientWithReferral, createWorld, DAY, getReferral, ORIGINATION, type World } from './fixtures';

describe('dispatchDueCheckIns (DynamoDB Local, SNS through the real SDK on loopback)', () => {
  let world: World;
  afterEach(() => world.close());

  async function scheduled(options: Parameters<typeof addPatientWithReferral>[1] = {}, questions?: string[]) {
    const who = await addPatientWithReferral(world, options);
    const checkIn = await scheduleCheckIn(world.deps, {
      principal: world.linkWorker,
      referralId: who.referralId,
      wave: 'AD_HOC',
      questions,
      dueAt: world.clock.now().toISOString(),
    });
    return { ...who, checkIn };
  }

  it('sends the first question through SNS as a Transactional text from our number and waits for a reply', async () => {
    world = await createWorld();
    const { checkIn, mobile, referralId } = await scheduled();
    expect((await getReferral(world, referralId)).nextCheckInId).toBe(checkIn.checkInId);

    const report = await dispatchDueCheckIns(world.deps, world.dispatch);

    expect(report).toMatchObject({ sent: 1, deferred: 0, skipped: 0, failed: 0 });
    expect(world.sns.published).toHaveLength(1);
    const [text] = world.sns.published;
    expect(text.phoneNumber).toBe(mobile);
    expect(text.message).toMatch(
      /^Linkwork for Riverside Health: Replies are not read straight away\. Overall, how happy/,
    );
    expect(text.attributes).toEqual({
      'AWS.SNS.SMS.SMSType': { dataType: 'String', stringValue: 'Transactional' },
      'AWS.MM.SMS.OriginationNumber': { dataType: 'String', stringValue: ORIGINATION },
    });
    const stored = await world.deps.checkIns.get(checkIn.checkInId);
    expect(stored).toMatchObject({ status: 'AWAITING_REPLY', lastProviderMessageId: text.messageId, introSent: true });
    expect(stored?.claimToken).toBeUndefined();
    const thread = await world.deps.checkIns.listThread(checkIn.checkInId);
    expect(thread).toEqual([expect.objectContaining({ direction: 'OUT', kind: 'QUESTION', body: text.message })]);
    const referral = await getReferral(world, referralId);
    expect(referral.nextCheckInSort).toBe('~');
    expect(referral.nextCheckInId).toBeUndefined();
  });

  it('sends a short intro first when the first question cannot share a text with the notice', async () => {
    world = await createWorld();
    const { checkIn } = await scheduled({}, ['ONS4.worthwhile', 'ONS4.happiness']);

    await dispatchDueCheckIns(world.deps, world.dispatch);

    expect(world.sns.published.map((sms) => sms.message)).toEqual([
      expect.stringContaining('We have 2 short questions for your link worker. Replies are not read straight away.'),
      expect.stringContaining('things you do in your life are worthwhile?'),
    ]);
    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({
      status: 'AWAITING_REPLY',
      questionIndex: 0,
    });
  });

  it('sends each question exactly once when two dispatchers run at the same time', async () => {
    world = await createWorld();
    const all = [];
    for (let i = 0; i < 12; i++) all.push(await scheduled());

    const [first, second] = await Promise.all([
      dispatchDueCheckIns(world.deps, world.dispatch),
      dispatchDueCheckIns(world.deps, world.dispatch),
    ]);

    expect(first.sent + second.sent).toBe(12);
    expect(world.sns.published).toHaveLength(12);
    expect(new Set(world.sns.published.map((sms) => sms.phoneNumber)).size).toBe(12);
    await dispatchDueCheckIns(world.deps, world.dispatch);
    expect(world.sns.published).toHaveLength(12);
  });

  it('defers outside the window and sends at 09:00 BST on the Monday after the clocks go forward', async () => {
    world = await createWorld('2026-03-27T18:30:00.000Z'); // Friday 18:30 GMT
    const { checkIn } = await scheduled();

    const friday = await dispatchDueCheckIns(world.deps, world.dispatch);
    expect(friday).toMatchObject({ sent: 0, deferred: 1 });
    expect((await world.deps.checkIns.get(checkIn.checkInId))?.dueAt).toBe('2026-03-30T08:00:00.000Z');

    world.clock.set('2026-03-30T07:59:00.000Z'); // Monday 08:59 BST
    expect(await dispatchDueCheckIns(world.deps, world.dispatch)).toMatchObject({ considered: 0, sent: 0 });
    world.clock.set('2026-03-30T08:00:00.000Z'); // Monday 09:00 BST
    expect(await dispatchDueCheckIns(world.deps, world.dispatch)).toMatchObject({ sent: 1 });
    expect(world.sns.published).toHaveLength(1);
  });

  it('sends nothing at 08:30 GMT after the clocks go back, and sends at 09:00 GMT', async () => {
    world = await createWorld('2026-10-23T17:30:00.000Z'); // Friday 18:30 BST
    await scheduled();

    await dispatchDueCheckIns(world.deps, world.dispatch);
    world.clock.set('2026-10-26T08:30:00.000Z'); // Monday 08:30 GMT (would be 09:30 BST)
    expect((await dispatchDueCheckIns(world.deps, world.dispatch)).sent).toBe(0);
    world.clock.set('2026-10-26T09:00:00.000Z');
    expect((await dispatchDueCheckIns(world.deps, world.dispatch)).sent).toBe(1);
  });

  it('sends nothing on an England bank holiday and sends at 09:00 the next working day', async () => {
    world = await createWorld('2026-04-06T09:00:00.000Z'); // Easter Monday, 10:00 BST
    const { checkIn } = await scheduled();

    expect(await dispatchDueCheckIns(world.deps, world.dispatch)).toMatchObject({ sent: 0, deferred: 1 });
    expect((await world.deps.checkIns.get(checkIn.checkInId))?.dueAt).toBe('2026-04-07T08:00:00.000Z');
    world.clock.set('2026-04-07T08:00:00.000Z'); // Tuesday 09:00 BST
    expect(await dispatchDueCheckIns(world.deps, world.dispatch)).toMatchObject({ sent: 1 });
    expect(world.sns.published).toHaveLength(1);
  });

  it('retries later after SNS throttling and a 500, sending exactly one text', async () => {
    world = await createWorld();
    const { checkIn } = await scheduled();
    world.sns.failNext('throttle');
    world.sns.failNext('error500');

    const first = await dispatchDueCheckIns(world.deps, world.dispatch);
    expect(first).toMatchObject({ sent: 0, retried: 1 });
    const afterThrottle = await world.deps.checkIns.get(checkIn.checkInId);
    expect(afterThrottle).toMatchObject({ status: 'WAITING', attempts: 1, lastFailure: 'THROTTLED' });
    expect((afterThrottle?.dueAt ?? '') > world.clock.now().toISOString()).toBe(true);
    expect((await dispatchDueCheckIns(world.deps, world.dispatch)).considered).toBe(0);

    world.clock.advance(2 * 60_000);
    expect(await dispatchDueCheckIns(world.deps, world.dispatch)).toMatchObject({ retried: 1 });
    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({
      attempts: 2,
      lastFailure: 'PROVIDER_500',
    });

    world.clock.advance(4 * 60_000);
    expect(await dispatchDueCheckIns(world.deps, world.dispatch)).toMatchObject({ sent: 1 });
    expect(world.sns.requests).toBe(3);
    expect(world.sns.published).toHaveLength(1);
    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({ status: 'AWAITING_REPLY', attempts: 0 });
  });

  it('marks the check-in FAILED and visible after the last allowed attempt', async () => {
    world = await createWorld();
    const { checkIn } = await scheduled();
    world.sns.failNext('error500', 10);

    for (let run = 0; run < 5; run++) {
      await dispatchDueCheckIns(world.deps, world.dispatch);
      world.clock.advance(20 * 60_000);
    }

    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({
      status: 'FAILED',
      attempts: 5,
      needsReview: true,
    });
    expect(world.sns.requests).toBe(5);
    expect(world.sns.published).toHaveLength(0);
  });

  it('never sends a second text after a crash between claim and confirm; marks it UNCERTAIN', async () => {
    let crash = true;
    world = await createWorld(
      undefined,
      (sender): SmsSender => ({
        async send(message) {
          const result = await sender.send(message);
          if (crash) throw new Error('process died before recording the send'); // the text went, the confirm did not
          return result;
        },
      }),
    );
    const { checkIn } = await scheduled();

    expect(await dispatchDueCheckIns(world.deps, world.dispatch)).toMatchObject({ uncertain: 1 });
    crash = false;
    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({ status: 'SENDING' });
    world.clock.advance(5 * 60_000);
    await dispatchDueCheckIns(world.deps, world.dispatch);
    world.clock.advance(10 * 60_000);
    expect(await dispatchDueCheckIns(world.deps, world.dispatch)).toMatchObject({ uncertain: 1, sent: 0 });
    world.clock.advance(DAY);
    await dispatchDueCheckIns(world.deps, world.dispatch);

    expect(world.sns.published).toHaveLength(1);
    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({ status: 'UNCERTAIN', needsReview: true });
  });

  it('never sends a check-in that was claimed by a run that stopped before sending', async () => {
    world = await createWorld();
    const { checkIn } = await scheduled();
    await world.deps.checkIns.claim(checkIn, {
      token: 'dead-run',
      at: world.clock.now().toISOString(),
      timeoutAt: new Date(world.clock.now().getTime() + world.policy.claimTimeoutMs).toISOString(),
    });

    world.clock.advance(world.policy.claimTimeoutMs);
    await dispatchDueCheckIns(world.deps, world.dispatch);
    world.clock.advance(DAY);
    await dispatchDueCheckIns(world.deps, world.dispatch);

    expect(world.sns.requests).toBe(0);
    expect((await world.deps.checkIns.get(checkIn.checkInId))?.status).toBe('UNCERTAIN');
  });

  it('skips and cancels check-ins of patients without consent or who opted out', async () => {
    world = await createWorld();
    const notAsked = await scheduled({ smsConsent: 'NOT_ASKED' });
    const optedOut = await scheduled({ smsConsent: 'OPTED_OUT' });

    const report = await dispatchDueCheckIns(world.deps, world.dispatch);

    expect(report).toMatchObject({ skipped: 2, sent: 0 });
    expect(world.sns.requests).toBe(0);
    expect(await world.deps.checkIns.get(notAsked.checkIn.checkInId)).toMatchObject({
      status: 'CANCELLED',
      closeReason: 'NO_CONSENT',
    });
    expect(await world.deps.checkIns.get(optedOut.checkIn.checkInId)).toMatchObject({ closeReason: 'OPTED_OUT' });
  });

  it('sends one reminder after 3 days without a reply and closes as NO_RESPONSE after 7', async () => {
    world = await createWorld();
    const { checkIn } = await scheduled();
    await dispatchDueCheckIns(world.deps, world.dispatch);

    world.clock.advance(3 * DAY); // Thursday 10:00
    expect(await dispatchDueCheckIns(world.deps, world.dispatch)).toMatchObject({ reminded: 1 });
    expect(world.sns.published[1].message).toContain('We have not had your answer yet.');
    world.clock.advance(DAY);
    expect((await dispatchDueCheckIns(world.deps, world.dispatch)).considered).toBe(0);
    world.clock.advance(3 * DAY);
    expect(await dispatchDueCheckIns(world.deps, world.dispatch)).toMatchObject({ expired: 1 });

    expect(world.sns.published).toHaveLength(2);
    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({ status: 'NO_RESPONSE' });
  });

  it('stops starting sends when the run budget is spent and leaves the rest for the next run', async () => {
    world = await createWorld();
    for (let i = 0; i < 5; i++) await scheduled();
    let elapsed = 0;
    const sleeps: number[] = [];

    const report = await dispatchDueCheckIns(world.deps, {
      ...world.dispatch,
      ratePerSecond: 2,
      runBudgetMs: 1_000,
      elapsedMs: () => elapsed,
      sleep: async (ms) => {
        sleeps.push(ms);
        elapsed += ms;
      },
    });

    expect(report).toMatchObject({ sent: 3, leftForNextRun: 2 });
    expect(sleeps).toEqual([500, 500]);
    expect(report.oldestDueAgeSeconds).toBe(0);
    world.clock.advance(90_000);
    const next = await dispatchDueCheckIns(world.deps, world.dispatch);
    expect(next).toMatchObject({ sent: 2, oldestDueAgeSeconds: 90 });
  });

  it('reads the due index again when one read may have left some out, sending all while the budget lasts', async () => {
    world = await createWorld();
    for (let i = 0; i < 12; i++) await scheduled();
    const requests = countRequests(world.store.client);

    // One check-in a shard a read: a read returns at most 8 of the 12, so the run must read again to send them all.
    const report = await dispatchDueCheckIns(world.deps, {
      ...world.dispatch,
      policy: { ...world.dispatch.policy, limitPerShard: 1 },
    });

    expect(report).toMatchObject({ considered: 12, sent: 12, leftForNextRun: 0, lostRace: 0 });
    expect(world.sns.published).toHaveLength(12);
    // At least two reads of every shard, and one more that finds nothing left.
    expect(requests.reset().byCommand.QueryCommand).toBeGreaterThanOrEqual(2 * DUE_INDEX_SHARDS);
  });

  it('works on several patients at once, one patient’s check-ins one after another, each text sent once', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const busy = new Set<string>();
    const overlaps: string[] = [];
    world = await createWorld(undefined, (sender) => ({
      async send(message) {
        if (busy.has(message.to)) overlaps.push(message.to);
        busy.add(message.to);
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        try {
          // A provider call that takes a while, as a real one does.
          await new Promise((resolve) => setTimeout(resolve, 40));
          return await sender.send(message);
        } finally {
          inFlight--;
          busy.delete(message.to);
        }
      },
    }));
    const single = [];
    for (let i = 0; i < 6; i++) single.push(await scheduled());
    const twice = await scheduled();
    const again = await scheduleCheckIn(world.deps, {
      principal: world.linkWorker,
      referralId: twice.referralId,
      wave: 'AD_HOC',
      dueAt: world.clock.now().toISOString(),
    });

    const report = await dispatchDueCheckIns(world.deps, { ...world.dispatch, concurrency: 4 });

    expect(report).toMatchObject({ sent: 8, failed: 0, lostRace: 0, leftForNextRun: 0 });
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostInFlight).toBeLessThanOrEqual(4);
    expect(overlaps).toEqual([]);
    const texts = world.sns.published.map((sms) => sms.phoneNumber);
    expect(texts.filter((to) => to === twice.mobile)).toHaveLength(2);
    expect(new Set(texts.filter((to) => to !== twice.mobile))).toEqual(new Set(single.map((who) => who.mobile)));
    for (const { checkIn } of [...single, twice, { checkIn: again }]) {
      expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({ status: 'AWAITING_REPLY' });
    }
    const referral = await getReferral(world, twice.referralId);
    expect(referral.nextCheckInId).toBeUndefined();
    expect(referral.nextCheckInSort).toBe('~');
  });

  it('reads the run’s patients in one batch and each referral once per text', async () => {
    world = await createWorld();
    const all = [];
    for (let i = 0; i < 10; i++) all.push(await scheduled());
    const requests = countRequests(world.store.client);

    const report = await dispatchDueCheckIns(world.deps, world.dispatch);

    expect(report).toMatchObject({ sent: 10 });
    const { byCommand } = requests.reset();
    expect(byCommand.BatchGetItemCommand).toBe(1);
    // Per text: the referral (still open?), the claim, the confirm, the patient's check-ins for the next one, and
    // the referral's next check-in written on the version just read, without reading the referral again.
    expect(byCommand.GetItemCommand).toBe(10);
    expect(byCommand.UpdateItemCommand).toBe(20);
    expect(byCommand.TransactWriteItemsCommand).toBe(10);
    // Per run: one Query per due-index shard, and one for the oldest unacknowledged concern.
    expect((byCommand.QueryCommand ?? 0) - 10).toBe(DUE_INDEX_SHARDS + 1);
    for (const { referralId } of all) {
      expect((await getReferral(world, referralId)).nextCheckInSort).toBe('~');
    }
  });

  it('sends the question promised by an intro in the same run, even when the run’s budget is spent', async () => {
    world = await createWorld();
    const { checkIn } = await scheduled({}, ['ONS4.worthwhile', 'ONS4.happiness']);
    let elapsed = 0;

    const report = await dispatchDueCheckIns(world.deps, {
      ...world.dispatch,
      ratePerSecond: 2,
      // Room for the intro's slot at 0 ms, none for the question's at 500 ms.
      runBudgetMs: 1,
      elapsedMs: () => elapsed,
      sleep: async (ms) => {
        elapsed += ms;
      },
    });

    expect(report).toMatchObject({ sent: 1, leftForNextRun: 0 });
    expect(world.sns.published.map((sms) => sms.message)).toEqual([
      expect.stringContaining('We have 2 short questions'),
      expect.stringContaining('worthwhile?'),
    ]);
    expect(elapsed).toBe(500);
    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({ status: 'AWAITING_REPLY' });
  });

  describe('NextCheckInChanged with the version a caller read', () => {
    const now = () => world.clock.now().toISOString();

    async function twoCheckIns() {
      const { referralId } = await scheduled();
      const later = await scheduleCheckIn(world.deps, {
        principal: world.linkWorker,
        referralId,
        wave: 'AD_HOC',
        dueAt: new Date(world.clock.now().getTime() + 7 * DAY).toISOString(),
      });
      return { referralId, next: { checkInId: later.checkInId, at: later.scheduledFor } };
    }

    it('writes once, without reading, when that version is current', async () => {
      world = await createWorld();
      const { referralId, next } = await twoCheckIns();
      const read = await world.deps.careRecords.getReferral(referralId);
      const requests = countRequests(world.store.client);

      await world.events.publish({ type: 'NextCheckInChanged', referralId, next, seen: read!.seen, at: now() });

      expect(requests.reset().byCommand).toEqual({ UpdateItemCommand: 1 });
      expect(await getReferral(world, referralId)).toMatchObject({
        nextCheckInId: next.checkInId,
        version: read!.seen.version + 1,
      });
    });

    it('reads afresh and keeps the other change when the referral changed after it was read', async () => {
      world = await createWorld();
      const { referralId, next } = await twoCheckIns();
      const stale = await world.deps.careRecords.getReferral(referralId);
      await world.events.publish({
        type: 'ConcernRaised',
        referralId,
        reason: 'WORRYING_TEXT',
        text: { threadId: 'thread', at: now(), inboundMessageId: 'in-1' },
        at: now(),
      });
      const requests = countRequests(world.store.client);

      await world.events.publish({ type: 'NextCheckInChanged', referralId, next, seen: stale!.seen, at: now() });

      // The write on the stale version fails its condition; then a consistent read and a write on the new version.
      expect(requests.reset().byCommand).toEqual({ UpdateItemCommand: 2, GetItemCommand: 1 });
      expect(await getReferral(world, referralId)).toMatchObject({
        nextCheckInId: next.checkInId,
        concernOpen: true,
        version: stale!.seen.version + 2,
      });
    });
  });

  it('throws nothing and counts a failure when one check-in cannot be processed', async () => {
    world = await createWorld(
      undefined,
      (): SmsSender => ({
        send: async () => {
          throw new SmsSendError('InvalidParameter', false);
        },
      }),
    );
    const { checkIn } = await scheduled();

    expect(await dispatchDueCheckIns(world.deps, world.dispatch)).toMatchObject({ failed: 1 });
    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({ status: 'FAILED', attempts: 1 });
  });
});
