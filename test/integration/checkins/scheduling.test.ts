import { recordOutcome } from '../../../functions/checkins/use-cases/record-outcome';
import {
  cancelCheckIn,
  cancelOpenCheckInsForReferral,
  onActivityPrescribed,
  onAttendanceRecorded,
  scheduleCheckIn,
} from '../../../functions/checkins/use-cases/schedule-check-in';
import { ForbiddenError, ValidationError } from '../../../functions/shared/errors';
import { addPatientWithReferral, createWorld, DAY, getReferral, type World } from './fixtures';

describe('scheduling check-ins (DynamoDB Local)', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  const prescribed = (referralId: string) =>
    onActivityPrescribed(world.deps, { referralId, prescriptionId: 'RX1', activityId: 'A1' });

  it('schedules a baseline when an activity is prescribed, once per referral, and shows it on the caseload', async () => {
    const { referralId } = await addPatientWithReferral(world);

    const [baseline] = await prescribed(referralId);
    const again = await onActivityPrescribed(world.deps, { referralId, prescriptionId: 'RX2', activityId: 'A2' });

    expect(baseline).toMatchObject({
      wave: 'BASELINE',
      status: 'WAITING',
      senderLabel: 'Linkwork for Riverside Health',
    });
    expect(baseline.questions).toEqual(['ONS4.happiness', 'ONS4.anxiety', 'ONS_LONELINESS.lonely']);
    expect(again).toEqual([]);
    expect(await getReferral(world, referralId)).toMatchObject({
      nextCheckInId: baseline.checkInId,
      nextCheckInAt: baseline.dueAt,
      nextCheckInSort: baseline.dueAt,
    });
  });

  it('schedules no baseline when outcomes were recorded in person in the last 14 days', async () => {
    const { referralId } = await addPatientWithReferral(world);
    await recordOutcome(world.deps, {
      principal: world.linkWorker,
      referralId,
      answers: [{ instrument: 'ONS4', item: 'happiness', value: 6 }],
      wave: 'BASELINE',
    });
    world.clock.advance(13 * DAY);

    expect(await prescribed(referralId)).toEqual([]);
  });

  it('schedules nothing for a patient without SMS consent', async () => {
    const { referralId } = await addPatientWithReferral(world, { smsConsent: 'REFUSED' });

    expect(await prescribed(referralId)).toEqual([]);
  });

  it('schedules 6 and 12 weeks after the first session, only once (no week-1 check-in in the default plan)', async () => {
    const { referralId } = await addPatientWithReferral(world);
    const input = {
      referralId,
      prescriptionId: 'RX1',
      activityId: 'A1',
      sessionDate: '2026-01-14',
      firstAttendance: true,
    };

    const scheduled = await onAttendanceRecorded(world.deps, input);
    const again = await onAttendanceRecorded(world.deps, input);
    const later = await onAttendanceRecorded(world.deps, {
      ...input,
      sessionDate: '2026-01-21',
      firstAttendance: false,
    });

    expect(scheduled.map((c) => [c.wave, c.dueAt])).toEqual([
      ['WEEK_6', '2026-02-25T00:00:00.000Z'],
      ['WEEK_12', '2026-04-08T00:00:00.000Z'],
    ]);
    expect(again).toEqual([]);
    expect(later).toEqual([]);
    expect((await getReferral(world, referralId)).nextCheckInAt).toBe('2026-02-25T00:00:00.000Z');
  });

  it('lets the link worker cancel a check-in, and refuses one outside their caseload', async () => {
    const { referralId } = await addPatientWithReferral(world);
    const checkIn = await scheduleCheckIn(world.deps, {
      principal: world.linkWorker,
      referralId,
      wave: 'AD_HOC',
      dueAt: '2026-01-20T10:00:00Z',
    });

    await expect(
      cancelCheckIn(world.deps, { principal: world.otherLinkWorker, checkInId: checkIn.checkInId }),
    ).rejects.toThrow(ForbiddenError);
    await expect(cancelCheckIn(world.deps, { principal: world.otherLinkWorker, checkInId: 'missing' })).rejects.toThrow(
      ForbiddenError,
    );
    const cancelled = await cancelCheckIn(world.deps, { principal: world.linkWorker, checkInId: checkIn.checkInId });

    expect(cancelled).toMatchObject({ status: 'CANCELLED', closeReason: 'CANCELLED_BY_STAFF' });
    expect((await getReferral(world, referralId)).nextCheckInSort).toBe('~');
  });

  it('throws naming the field for an unknown question', async () => {
    const { referralId } = await addPatientWithReferral(world);

    await expect(
      scheduleCheckIn(world.deps, {
        principal: world.linkWorker,
        referralId,
        wave: 'AD_HOC',
        questions: ['WEMWBS.optimistic'],
        dueAt: '2026-01-20T10:00:00Z',
      }),
    ).rejects.toMatchObject({ field: 'questions' });
  });

  it('cancels every open check-in when the referral closes', async () => {
    const { referralId, patientId } = await addPatientWithReferral(world);
    await prescribed(referralId);
    await onAttendanceRecorded(world.deps, {
      referralId,
      prescriptionId: 'RX1',
      activityId: 'A1',
      sessionDate: '2026-01-14',
      firstAttendance: true,
    });

    const closed = await cancelOpenCheckInsForReferral(world.deps, { referralId, patientId });

    expect(closed).toBe(3); // the baseline, week 6 and week 12
    const all = await world.deps.checkIns.listByPatient(patientId);
    expect(all.every((c) => c.status === 'CANCELLED' && c.dueAt === undefined)).toBe(true);
    expect((await getReferral(world, referralId)).nextCheckInSort).toBe('~');
  });
});

describe('recordOutcome (in person)', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  it('records each answer with its option and band and updates the latest outcomes', async () => {
    const { referralId } = await addPatientWithReferral(world);

    const outcomes = await recordOutcome(world.deps, {
      principal: world.linkWorker,
      referralId,
      answers: [
        { instrument: 'ONS4', item: 'anxiety', value: 3 },
        { instrument: 'ONS_LONELINESS', item: 'lonely', value: 1 },
        { instrument: 'UCLA3', item: 'isolated', value: 2 },
      ],
    });

    expect(outcomes.map((o) => [o.value, o.option, o.band, o.source, o.wave])).toEqual([
      [3, undefined, 'low', 'IN_PERSON', 'AD_HOC'],
      [1, 'Often/always', undefined, 'IN_PERSON', 'AD_HOC'],
      [2, 'Some of the time', undefined, 'IN_PERSON', 'AD_HOC'],
    ]);
    expect((await getReferral(world, referralId)).latestOutcomes).toMatchObject({
      'ONS4.anxiety': { value: 3 },
      'ONS_LONELINESS.lonely': { value: 'Often/always' },
    });
  });

  it('throws naming the answer when a value is out of range, and refuses callers out of scope', async () => {
    const { referralId } = await addPatientWithReferral(world);

    await expect(
      recordOutcome(world.deps, {
        principal: world.linkWorker,
        referralId,
        answers: [{ instrument: 'UCLA3', item: 'isolated', value: 4 }],
      }),
    ).rejects.toThrow(ValidationError);
    await expect(
      recordOutcome(world.deps, {
        principal: world.otherLinkWorker,
        referralId,
        answers: [{ instrument: 'UCLA3', item: 'isolated', value: 1 }],
      }),
    ).rejects.toThrow(ForbiddenError);
  });
});
