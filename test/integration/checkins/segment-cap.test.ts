import { dispatchDueCheckIns } from '../../../functions/checkins/use-cases/dispatch-due-check-ins';
import { scheduleCheckIn } from '../../../functions/checkins/use-cases/schedule-check-in';
import { addPatientWithReferral, createWorld, DAY, type World } from './fixtures';

/*
 * Per-patient SMS segment counts and the cap (issue 13, item 9): every outgoing text adds its segments to the
 * patient's count for its referral in the same write as the text; routine texts past the cap are not sent.
 */
describe('SMS segments per patient and referral (DynamoDB Local, SNS through the real SDK on loopback)', () => {
  let world: World;
  afterEach(() => world.close());

  async function schedule(referralId: string, dueAt = world.clock.now().toISOString()) {
    return scheduleCheckIn(world.deps, { principal: world.linkWorker, referralId, wave: 'AD_HOC', dueAt });
  }

  it('returns the segments and texts a patient was sent about each referral, as many as went out', async () => {
    world = await createWorld();
    const { patientId, referralId } = await addPatientWithReferral(world);
    await schedule(referralId);

    await dispatchDueCheckIns(world.deps, world.dispatch);
    world.clock.advance(3 * DAY);
    await dispatchDueCheckIns(world.deps, world.dispatch); // the reminder

    expect(world.sns.published).toHaveLength(2);
    expect(await world.deps.checkIns.usageOfPatient(patientId)).toEqual([{ referralId, segments: 2, texts: 2 }]);
  });

  it('sends no reminder and no next check-in past the cap, and flags the check-in for review', async () => {
    world = await createWorld();
    const capped = { ...world.dispatch, policy: { ...world.policy, segmentCap: 1 } };
    const { patientId, referralId } = await addPatientWithReferral(world);
    const first = await schedule(referralId);

    await dispatchDueCheckIns(world.deps, capped);
    world.clock.advance(3 * DAY);
    await dispatchDueCheckIns(world.deps, capped); // a reminder would be the second segment
    world.clock.advance(4 * DAY);
    await dispatchDueCheckIns(world.deps, capped); // expires
    const second = await schedule(referralId);
    await dispatchDueCheckIns(world.deps, capped);

    expect(world.sns.published).toHaveLength(1);
    expect(await world.deps.checkIns.get(first.checkInId)).toMatchObject({ status: 'NO_RESPONSE' });
    expect(await world.deps.checkIns.get(second.checkInId)).toMatchObject({
      status: 'CANCELLED',
      closeReason: 'SMS_CAP_REACHED',
      needsReview: true,
    });
    expect(await world.deps.checkIns.usageOfPatient(patientId)).toEqual([{ referralId, segments: 1, texts: 1 }]);
  });

  it('counts another patient’s texts apart', async () => {
    world = await createWorld();
    const one = await addPatientWithReferral(world);
    const two = await addPatientWithReferral(world);
    await schedule(one.referralId);
    await schedule(two.referralId);

    await dispatchDueCheckIns(world.deps, world.dispatch);

    expect(
      await world.deps.checkIns.segmentsUsed([one, two, { patientId: one.patientId, referralId: 'none' }]),
    ).toEqual(
      new Map([
        [`${one.patientId}|${one.referralId}`, 1],
        [`${two.patientId}|${two.referralId}`, 1],
        [`${one.patientId}|none`, 0],
      ]),
    );
  });
});
