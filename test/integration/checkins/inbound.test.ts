import { outcomeEntity } from '../../../functions/checkins/entities/outcome';
import { MalformedInboundSmsError } from '../../../functions/checkins/errors';
import { createInboundSmsHandler } from '../../../functions/checkins/handlers/inbound-sms';
import { dispatchDueCheckIns } from '../../../functions/checkins/use-cases/dispatch-due-check-ins';
import { scheduleCheckIn } from '../../../functions/checkins/use-cases/schedule-check-in';
import { entityConfig } from '../../../functions/platform/dynamodb/service';
import { dramaMobile } from '../../../functions/shared/phone';
import { inboundSmsEvent, inboundSmsMessage, snsEvent } from '../../support/sms-events';
import { addPatientWithReferral, createWorld, DAY, getPatient, getReferral, type World } from './fixtures';

describe('inbound SMS handler (DynamoDB Local, SNS events)', () => {
  let world: World;
  let handler: ReturnType<typeof createInboundSmsHandler>;
  afterEach(() => world.close());

  async function asked(questions?: string[]) {
    world = await createWorld();
    handler = createInboundSmsHandler(() => ({ deps: world.deps, policy: world.policy }));
    const who = await addPatientWithReferral(world);
    const checkIn = await scheduleCheckIn(world.deps, {
      principal: world.linkWorker,
      referralId: who.referralId,
      wave: 'BASELINE',
      questions,
      dueAt: world.clock.now().toISOString(),
    });
    await dispatchDueCheckIns(world.deps, world.dispatch);
    return { ...who, checkIn };
  }

  const reply = (from: string, messageBody: string, inboundMessageId?: string) =>
    handler(inboundSmsEvent({ originationNumber: from, messageBody, inboundMessageId }));

  async function outcomesOf(referralId: string) {
    return (await outcomeEntity(entityConfig(world.store)).query.byReferral({ referralId }).go()).data;
  }
  const texts = () => world.sns.published.map((sms) => sms.message);

  it('records each answer as an outcome and asks the next question, saying which is the last, with no thank-you', async () => {
    const { mobile, checkIn, referralId } = await asked();

    for (const answer of [' 7 ', '2/10', 'Hardly ever']) {
      world.clock.advance(60_000);
      await reply(mobile, answer);
    }

    const outcomes = await outcomesOf(referralId);
    expect(outcomes.map((o) => [o.instrument, o.item, o.value, o.option, o.wave, o.source])).toEqual([
      ['ONS4', 'happiness', 7, undefined, 'BASELINE', 'SMS'],
      ['ONS4', 'anxiety', 2, undefined, 'BASELINE', 'SMS'],
      ['ONS_LONELINESS', 'lonely', 4, 'Hardly ever', 'BASELINE', 'SMS'],
    ]);
    expect(texts()).toHaveLength(3);
    expect(texts()[1]).toContain('how anxious did you feel yesterday?');
    expect(texts()[2]).toContain('Last question. How often do you feel lonely?');
    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({ status: 'COMPLETED', answeredCount: 3 });
    const referral = await getReferral(world, referralId);
    expect(referral.latestOutcomes).toMatchObject({
      'ONS4.happiness': { value: 7 },
      'ONS_LONELINESS.lonely': { value: 'Hardly ever' },
    });
    const thread = await world.deps.checkIns.listThread(checkIn.checkInId);
    expect(thread.map((m) => `${m.direction}:${m.kind}`)).toEqual([
      'OUT:QUESTION',
      'IN:REPLY',
      'OUT:QUESTION',
      'IN:REPLY',
      'OUT:QUESTION',
      'IN:REPLY',
    ]);
  });

  it('records one outcome and sends one next question when SNS delivers the same reply twice', async () => {
    const { mobile, referralId } = await asked();

    await reply(mobile, '6', 'inbound-1');
    await reply(mobile, '6', 'inbound-1');
    await Promise.all([reply(mobile, '6', 'inbound-1'), reply(mobile, '6', 'inbound-1')]);

    expect(await outcomesOf(referralId)).toHaveLength(1);
    expect(texts()).toHaveLength(2);
  });

  it('re-asks once with the valid range, then leaves the question unanswered and moves on', async () => {
    const { mobile, checkIn, referralId } = await asked();

    await reply(mobile, 'pretty good thanks');
    expect(texts()[1]).toBe(
      'Linkwork for Riverside Health: Sorry, we could not read that. Please reply with a number from 0 to 10.',
    );
    await reply(mobile, 'not sure');

    expect(texts()[2]).toContain('how anxious');
    expect(await outcomesOf(referralId)).toHaveLength(0);
    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({ questionIndex: 1, unansweredCount: 1 });
  });

  it('opts out at once on STOP mid-check-in, cancels what is pending and confirms once', async () => {
    const { mobile, checkIn, patientId } = await asked();

    await reply(mobile, ' stop ', 'stop-1');
    await reply(mobile, ' stop ', 'stop-1');
    await reply(mobile, 'STOP', 'stop-2');

    expect((await getPatient(world, patientId)).smsConsent).toBe('OPTED_OUT');
    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({
      status: 'CANCELLED',
      closeReason: 'OPTED_OUT',
    });
    expect(texts().filter((t) => t.includes('You will not get any more texts'))).toHaveLength(1);
    world.clock.advance(3 * DAY);
    await dispatchDueCheckIns(world.deps, world.dispatch);
    expect(texts()).toHaveLength(2);
  });

  it('opts back in on START and confirms', async () => {
    const { mobile, patientId } = await asked();
    await reply(mobile, 'STOP');

    await reply(mobile, 'Start');

    expect((await getPatient(world, patientId)).smsConsent).toBe('GIVEN');
    expect(texts()[2]).toContain('You will get check-in texts from us again.');
  });

  it('answers HELP with the link worker and their contact route', async () => {
    const { mobile } = await asked();

    await reply(mobile, 'help');

    expect(texts()[1]).toBe(
      'Linkwork for Riverside Health: Your link worker Asha reads replies later. Contact 0113 496 0000. Text STOP to opt out.',
    );
  });

  it('drops texts from unknown numbers without answering', async () => {
    await asked();

    await reply(dramaMobile(999), 'hello');
    await reply('not a number', 'hello');

    expect(texts()).toHaveLength(1);
  });

  it('raises a concern, signposts at once and stops the check-in on a worrying reply', async () => {
    const { mobile, checkIn, referralId } = await asked();

    await reply(mobile, 'I feel like I want to end it all');

    const referral = await getReferral(world, referralId);
    expect(referral).toMatchObject({ concernOpen: true, concernRaisedAt: world.clock.now().toISOString() });
    expect(texts()[1]).toBe(
      'Linkwork for Riverside Health: Your link worker will read this later. If you need help now call 111, or 999 in an emergency. Samaritans: 116 123.',
    );
    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({
      status: 'CANCELLED',
      closeReason: 'CONCERN_RAISED',
      needsReview: true,
    });
    expect(texts()).toHaveLength(2);
  });

  it('records an anxiety answer in the highest band, signposts and asks nothing more in that check-in', async () => {
    const { mobile, referralId, checkIn } = await asked(['ONS4.anxiety', 'ONS4.happiness']);

    expect(await reply(mobile, '9')).toEqual(['concern']);
    world.clock.advance(4 * DAY);
    await dispatchDueCheckIns(world.deps, world.dispatch);

    expect((await getReferral(world, referralId)).concernOpen).toBe(true);
    expect(texts()).toHaveLength(2);
    expect(texts()[1]).toContain('Samaritans: 116 123.');
    expect((await outcomesOf(referralId))[0]).toMatchObject({ value: 9, band: 'high' });
    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({
      status: 'CANCELLED',
      closeReason: 'CONCERN_RAISED',
      needsReview: true,
      answeredCount: 1,
    });
  });

  /**
   * The process dies after the text's commit, while the concern is raised: DynamoDB refuses the concern's write (as a
   * throttle the SDK gave up on would), the handler fails with no concern and no signposting, and SNS delivers the
   * same text again, twice.
   */
  function refuseTheFirstConcernWrite(): { refused: () => number } {
    let refused = 0;
    world.store.client.middlewareStack.add(
      (next) => async (args) => {
        const items = (args.input as { TransactItems?: { Put?: { Item?: Record<string, unknown> } }[] }).TransactItems;
        const entity = (item?: Record<string, unknown>) => {
          const marker = item?.__edb_e__ as { S?: string } | string | undefined;
          return typeof marker === 'string' ? marker : marker?.S;
        };
        if (refused === 0 && items?.some((action) => entity(action.Put?.Item) === 'concern')) {
          refused++;
          throw Object.assign(new Error('Throughput exceeds the current capacity'), {
            name: 'ProvisionedThroughputExceededException',
          });
        }
        return next(args);
      },
      { step: 'build', name: 'refuseTheFirstConcernWrite' },
    );
    return { refused: () => refused };
  }

  async function crashThenDeliverAgain(who: { mobile: string; referralId: string }, body: string, id: string) {
    const crash = refuseTheFirstConcernWrite();
    await expect(reply(who.mobile, body, id)).rejects.toThrow();
    expect(crash.refused()).toBe(1);
    expect((await getReferral(world, who.referralId)).concernOpen).toBeFalsy();
    expect(texts()).toHaveLength(1); // the question: the crash came before the signposting
    world.clock.advance(60_000);
    await reply(who.mobile, body, id);
    await reply(who.mobile, body, id);
  }

  /** After the two deliveries: one concern open on the referral, and one text sent after the question (returned). */
  async function oneConcernAndTheTextAfterTheQuestion(referralId: string): Promise<string> {
    const referral = await getReferral(world, referralId);
    expect(referral.concernOpen).toBe(true);
    expect(referral.openConcernIds).toHaveLength(1);
    expect(texts()).toHaveLength(2);
    return texts()[1]!;
  }

  it('raises the concern and signposts when a concern-level answer comes again after a crash lost both', async () => {
    const who = await asked(['ONS4.anxiety', 'ONS4.happiness']);

    await crashThenDeliverAgain(who, '9', 'inbound-anxious');

    expect(await oneConcernAndTheTextAfterTheQuestion(who.referralId)).toContain('Samaritans: 116 123.');
    expect(await outcomesOf(who.referralId)).toHaveLength(1);
    expect(await world.deps.checkIns.get(who.checkIn.checkInId)).toMatchObject({ closeReason: 'CONCERN_RAISED' });
  });

  it('raises the concern and signposts when a worrying text comes again after a crash lost both', async () => {
    const who = await asked();

    await crashThenDeliverAgain(who, 'I want to end it all', 'inbound-worrying');

    expect(await oneConcernAndTheTextAfterTheQuestion(who.referralId)).toContain('If you need help now call 111');
  });

  it('sends nothing more when an answer in an ordinary band comes again', async () => {
    const { mobile, referralId } = await asked(['ONS4.anxiety', 'ONS4.happiness']);

    await reply(mobile, '2', 'inbound-calm');
    await reply(mobile, '2', 'inbound-calm');

    expect((await getReferral(world, referralId)).concernOpen).toBeFalsy();
    expect(texts()).toHaveLength(2); // the two questions
  });

  it('signposts a worrying text even when no check-in is open', async () => {
    const { mobile, referralId } = await asked(['ONS4.happiness']);
    await reply(mobile, '8');

    await reply(mobile, 'please call me');

    expect((await getReferral(world, referralId)).concernOpen).toBe(true);
    expect(texts()).toHaveLength(2); // the question (no thank-you after its answer), then the signposting
    expect(texts()[1]).toContain('If you need help now call 111');
  });

  it('throws on malformed messages so the DLQ keeps them, still handling the good record', async () => {
    const { mobile, referralId } = await asked();
    const good = snsEvent(inboundSmsMessage({ originationNumber: mobile, messageBody: '5' }));
    const event = {
      Records: [snsEvent('not json').Records[0], good.Records[0], snsEvent('{"messageBody":"5"}').Records[0]],
    };

    await expect(handler(event)).rejects.toThrow(AggregateError);
    await expect(handler(snsEvent('[]'))).rejects.toThrow(MalformedInboundSmsError);
    await expect(
      handler(snsEvent(JSON.stringify({ originationNumber: mobile, messageBody: 5, inboundMessageId: 'x' }))),
    ).rejects.toThrow(MalformedInboundSmsError);

    expect(await outcomesOf(referralId)).toHaveLength(1);
  });
});
