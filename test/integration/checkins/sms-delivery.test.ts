import { createSmsDeliveryHandler } from '../../../functions/checkins/handlers/sms-delivery';
import { dispatchDueCheckIns } from '../../../functions/checkins/use-cases/dispatch-due-check-ins';
import { scheduleCheckIn } from '../../../functions/checkins/use-cases/schedule-check-in';
import { snsEvent } from '../../support/sms-events';
import { addPatientWithReferral, createWorld, DAY, type World } from './fixtures';

/** An AWS End User Messaging SMS event as its configuration set's SNS destination publishes it. */
function deliveryEvent(eventType: string, messageId: string, world: World) {
  return snsEvent(
    JSON.stringify({
      eventType,
      eventVersion: '1.0',
      eventTimestamp: world.clock.now().getTime(),
      isFinal: eventType !== 'TEXT_PENDING',
      originationPhoneNumber: '+447700900999',
      destinationPhoneNumber: '+447700900111',
      isInternationalSend: false,
      messageId,
      messageRequestTimestamp: world.clock.now().getTime() - 2_000,
      messageEncoding: 'GSM',
      messageType: 'TRANSACTIONAL',
      messageStatus: eventType.replace('TEXT_', ''),
      messageStatusDescription: 'example',
      totalMessageParts: 1,
      totalMessagePrice: 0.045,
      totalCarrierFee: 0,
    }),
  );
}

/*
 * Delivery receipts (issue 13, item 10): events from the configuration set's SNS destination through the delivery
 * Lambda handler settle each outgoing text once; a failed first text closes its check-in for review.
 */
describe('SMS delivery events (DynamoDB Local, SNS event shapes)', () => {
  let world: World;
  afterEach(() => world.close());
  const handler = () => createSmsDeliveryHandler(() => world.deps);

  async function asked() {
    const who = await addPatientWithReferral(world);
    const checkIn = await scheduleCheckIn(world.deps, {
      principal: world.linkWorker,
      referralId: who.referralId,
      wave: 'AD_HOC',
      dueAt: world.clock.now().toISOString(),
    });
    await dispatchDueCheckIns(world.deps, world.dispatch);
    return { ...who, checkIn, messageId: world.sns.published.at(-1)!.messageId };
  }

  it('records a text as delivered once, however often the event comes, and ignores events that are not final', async () => {
    world = await createWorld();
    const { messageId, checkIn } = await asked();

    const results = [
      ...(await handler()(deliveryEvent('TEXT_PENDING', messageId, world))),
      ...(await handler()(deliveryEvent('TEXT_DELIVERED', messageId, world))),
      ...(await handler()(deliveryEvent('TEXT_DELIVERED', messageId, world))),
      ...(await handler()(deliveryEvent('TEXT_UNREACHABLE', messageId, world))),
    ];

    expect(results).toEqual(['not-final', 'delivered', 'already-settled', 'already-settled']);
    expect(await world.deps.checkIns.getOutboundText(messageId)).toMatchObject({
      checkInId: checkIn.checkInId,
      first: true,
      delivery: 'DELIVERED',
      deliveryEvent: 'TEXT_DELIVERED',
    });
    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({ status: 'AWAITING_REPLY' });
  });

  it('closes the check-in FAILED (DELIVERY_FAILED, needs review) when its first text fails, and sends no reminder', async () => {
    world = await createWorld();
    const { messageId, checkIn } = await asked();

    expect(await handler()(deliveryEvent('TEXT_UNREACHABLE', messageId, world))).toEqual(['check-in-failed']);
    world.clock.advance(3 * DAY);
    await dispatchDueCheckIns(world.deps, world.dispatch);

    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({
      status: 'FAILED',
      closeReason: 'DELIVERY_FAILED',
      needsReview: true,
    });
    expect(await world.deps.checkIns.getOutboundText(messageId)).toMatchObject({ delivery: 'FAILED' });
    expect(world.sns.published).toHaveLength(1);
  });

  it('records a failed reminder without closing the check-in', async () => {
    world = await createWorld();
    const { checkIn } = await asked();
    world.clock.advance(3 * DAY);
    await dispatchDueCheckIns(world.deps, world.dispatch);
    const reminderId = world.sns.published.at(-1)!.messageId;

    expect(await handler()(deliveryEvent('TEXT_CARRIER_BLOCKED', reminderId, world))).toEqual(['failed']);
    expect(await world.deps.checkIns.get(checkIn.checkInId)).toMatchObject({ status: 'AWAITING_REPLY' });
  });

  it('throws for a text it has no record of, or a malformed event, so the invocation is retried', async () => {
    world = await createWorld();

    await expect(handler()(deliveryEvent('TEXT_DELIVERED', 'not-ours', world))).rejects.toThrow(
      'No outbound text with this provider message id',
    );
    await expect(handler()(snsEvent('{"eventType":"TEXT_DELIVERED"}'))).rejects.toThrow('lacks eventType or messageId');
  });
});
