import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import {
  type Activity,
  archiveActivity,
  createActivity,
  endPrescription,
  listAttendance,
  listPrescriptionsForActivity,
  prescribeActivity,
  recordAttendance,
} from '../../../functions/activities';
import { DynamoDbAuditLog } from '../../../functions/audit/adapters/dynamodb-audit-log';
import { transitionReferral } from '../../../functions/referrals';
import { ConflictError, ForbiddenError, ValidationError } from '../../../functions/shared/errors';
import { freshTable, type TestTable } from '../../support/table';
import { type ActivitiesWorld, activitiesWorld, activityInput } from './fixtures';

describe('activity prescriptions and attendance (DynamoDB Local)', () => {
  let table: TestTable;
  let world: ActivitiesWorld;
  let activity: Activity;

  beforeAll(async () => {
    table = await freshTable();
    world = await activitiesWorld(table);
    activity = await createActivity(world.deps, world.principals.coordinator, activityInput(world));
  });
  afterAll(() => table.drop());

  /** The referral item as DynamoDB holds it (attribute types included), keys from the referral entity. */
  async function rawReferral(referralId: string) {
    const { Key } = world.referrals.get({ referralId }).params();
    const { marshall } = await import('@aws-sdk/util-dynamodb');
    const { Item } = await world.store.client.send(
      new GetItemCommand({ TableName: table.tableName, Key: marshall(Key), ConsistentRead: true }),
    );
    return Item;
  }

  describe('prescribeActivity', () => {
    it('writes the prescription and adds the activity to the referral as a String Set, bumping its version', async () => {
      const { deps, principals } = world;
      const referral = await world.referral('ACTIVE');

      const prescription = await prescribeActivity(deps, principals.linkWorker, {
        referralId: referral.referralId,
        activityId: activity.activityId,
        startDate: '2026-03-10',
      });

      expect(prescription).toMatchObject({
        referralId: referral.referralId,
        patientId: referral.patientId,
        activityId: activity.activityId,
        providerOrganisationId: world.provider.organisationId,
        practiceId: referral.practiceId,
        status: 'PROPOSED',
        startDate: '2026-03-10',
        prescribedBy: principals.linkWorker.userId,
      });
      const stored = await world.storedReferral(referral.referralId);
      expect(stored.version).toBe(referral.version + 1);
      expect([...(stored.activeActivityIds ?? [])]).toEqual([activity.activityId]);
      expect((await rawReferral(referral.referralId))?.activeActivityIds).toEqual({ SS: [activity.activityId] });
      expect(await deps.prescriptions.get(prescription.prescriptionId)).toEqual(prescription);
      const trail = await new DynamoDbAuditLog(world.store, world.newId).listByPatient(referral.patientId, 50);
      expect(trail.items).toContainEqual(
        expect.objectContaining({
          operation: 'prescribeActivity',
          action: 'CREATE',
          entityId: prescription.prescriptionId,
          actorUserId: principals.linkWorker.userId,
        }),
      );
    });

    it('keeps the activity on the referral when the referrals context moves it on afterwards', async () => {
      const { deps, principals } = world;
      const referral = await world.referral('ACCEPTED');
      await prescribeActivity(deps, principals.linkWorker, {
        referralId: referral.referralId,
        activityId: activity.activityId,
        startDate: '2026-03-10',
      });

      const moved = await transitionReferral(world.referralDeps, principals.linkWorker, {
        referralId: referral.referralId,
        to: 'ACTIVE',
        expectedVersion: referral.version + 1,
      });

      const stored = await world.storedReferral(referral.referralId);
      expect(stored).toMatchObject({ status: 'ACTIVE', version: moved.version });
      expect([...(stored.activeActivityIds ?? [])]).toEqual([activity.activityId]);
    });

    it('throws ConflictError for a referral still in RECEIVED status, writing nothing', async () => {
      const { deps, principals } = world;
      const referral = await world.referral('RECEIVED');
      const before = (await deps.prescriptions.listForActivity(activity.activityId)).length;

      const attempt = prescribeActivity(deps, principals.linkWorker, {
        referralId: referral.referralId,
        activityId: activity.activityId,
        startDate: '2026-03-10',
      });

      await expect(attempt).rejects.toThrow(ConflictError);
      expect(await deps.prescriptions.listForActivity(activity.activityId)).toHaveLength(before);
      expect((await world.storedReferral(referral.referralId)).version).toBe(referral.version);
    });

    it('throws ForbiddenError for a referral outside the caller’s scope, and for a provider', async () => {
      const { deps, principals } = world;
      const referral = await world.referral();
      const input = { referralId: referral.referralId, activityId: activity.activityId, startDate: '2026-03-10' };

      await expect(prescribeActivity(deps, principals.otherLinkWorker, input)).rejects.toThrow(ForbiddenError);
      await expect(prescribeActivity(deps, principals.otherCoordinator, input)).rejects.toThrow(ForbiddenError);
      await expect(prescribeActivity(deps, principals.provider, input)).rejects.toThrow(ForbiddenError);
      await expect(
        prescribeActivity(deps, principals.linkWorker, { ...input, referralId: 'no-such-referral' }),
      ).rejects.toThrow(ForbiddenError);
    });

    it('throws naming startDate when it is not a calendar date', async () => {
      const referral = await world.referral();

      const attempt = prescribeActivity(world.deps, world.principals.linkWorker, {
        referralId: referral.referralId,
        activityId: activity.activityId,
        startDate: '2026-02-30',
      });

      await expect(attempt).rejects.toThrow(ValidationError);
      await expect(attempt).rejects.toMatchObject({ field: 'startDate' });
    });

    it('throws ConflictError for an archived activity, or one already prescribed on the referral', async () => {
      const { deps, principals } = world;
      const archived = await createActivity(deps, principals.coordinator, activityInput(world, { name: 'Old club' }));
      await archiveActivity(deps, principals.coordinator, { activityId: archived.activityId });
      const referral = await world.referral();
      const input = { referralId: referral.referralId, startDate: '2026-03-10' };
      await prescribeActivity(deps, principals.linkWorker, { ...input, activityId: activity.activityId });

      await expect(
        prescribeActivity(deps, principals.linkWorker, { ...input, activityId: archived.activityId }),
      ).rejects.toThrow(ConflictError);
      await expect(
        prescribeActivity(deps, principals.linkWorker, { ...input, activityId: activity.activityId }),
      ).rejects.toThrow(ConflictError);
    });

    it('throws ConflictError and writes nothing when the referral changes between reading and writing', async () => {
      const { deps, principals } = world;
      const referral = await world.referral();
      const read = await deps.referrals.getReferralForPrescribing(referral.referralId);
      await transitionReferral(world.referralDeps, principals.linkWorker, {
        referralId: referral.referralId,
        to: 'ACTIVE',
      });
      const staleDeps = { ...deps, referrals: { getReferralForPrescribing: async () => read } };

      const attempt = prescribeActivity(staleDeps, principals.linkWorker, {
        referralId: referral.referralId,
        activityId: activity.activityId,
        startDate: '2026-03-10',
      });

      await expect(attempt).rejects.toThrow(ConflictError);
      const stored = await world.storedReferral(referral.referralId);
      expect(stored.activeActivityIds).toBeUndefined();
      const forActivity = await deps.prescriptions.listForActivity(activity.activityId);
      expect(forActivity.some((p) => p.referralId === referral.referralId)).toBe(false);
    });
  });

  describe('endPrescription', () => {
    it('stops the prescription and removes the activity from the referral', async () => {
      const { deps, principals } = world;
      const second = await createActivity(deps, principals.coordinator, activityInput(world, { name: 'Choir' }));
      const referral = await world.referral();
      const input = { referralId: referral.referralId, startDate: '2026-03-10' };
      const walk = await prescribeActivity(deps, principals.linkWorker, { ...input, activityId: activity.activityId });
      await prescribeActivity(deps, principals.linkWorker, { ...input, activityId: second.activityId });

      const ended = await endPrescription(deps, principals.linkWorker, {
        prescriptionId: walk.prescriptionId,
        status: 'STOPPED',
      });

      expect(ended).toMatchObject({ status: 'STOPPED', endedBy: principals.linkWorker.userId, version: 2 });
      expect(await deps.prescriptions.get(walk.prescriptionId)).toEqual(ended);
      const stored = await world.storedReferral(referral.referralId);
      expect([...(stored.activeActivityIds ?? [])]).toEqual([second.activityId]);
      expect(stored.version).toBe(referral.version + 3);
      await expect(
        endPrescription(deps, principals.linkWorker, { prescriptionId: walk.prescriptionId, status: 'COMPLETED' }),
      ).rejects.toThrow(ConflictError);
    });

    it('throws ForbiddenError for a provider', async () => {
      const referral = await world.referral();
      const prescription = await prescribeActivity(world.deps, world.principals.linkWorker, {
        referralId: referral.referralId,
        activityId: activity.activityId,
        startDate: '2026-03-10',
      });

      await expect(
        endPrescription(world.deps, world.principals.provider, {
          prescriptionId: prescription.prescriptionId,
          status: 'COMPLETED',
        }),
      ).rejects.toThrow(ForbiddenError);
    });
  });

  describe('recordAttendance', () => {
    async function prescribed() {
      const referral = await world.referral();
      return prescribeActivity(world.deps, world.principals.linkWorker, {
        referralId: referral.referralId,
        activityId: activity.activityId,
        startDate: '2026-02-24',
      });
    }

    it('flags the first ATTENDED session and starts the prescription, but not a missed one or later ones', async () => {
      const { deps, principals } = world;
      const prescription = await prescribed();
      const { prescriptionId } = prescription;

      const missed = await recordAttendance(deps, principals.provider, {
        prescriptionId,
        sessionDate: '2026-02-24',
        status: 'MISSED',
      });
      const first = await recordAttendance(deps, principals.provider, {
        prescriptionId,
        sessionDate: '2026-03-02',
        status: 'ATTENDED',
      });
      const second = await recordAttendance(deps, principals.linkWorker, {
        prescriptionId,
        sessionDate: '2026-03-02',
        status: 'ATTENDED',
      });

      expect(missed).toMatchObject({ firstAttendance: false, prescription: { status: 'PROPOSED' } });
      expect(first).toMatchObject({
        firstAttendance: true,
        attendance: { sessionDate: '2026-03-02', status: 'ATTENDED', recordedBy: principals.provider.userId },
        prescription: { status: 'STARTED', referralId: prescription.referralId },
      });
      expect(second.firstAttendance).toBe(false);
      expect(await deps.prescriptions.get(prescriptionId)).toMatchObject({
        status: 'STARTED',
        firstAttendedOn: '2026-03-02',
        version: 2,
      });
    });

    it('flags exactly one first attendance when two are recorded at once', async () => {
      const { deps, principals } = world;
      const { prescriptionId } = await prescribed();

      const results = await Promise.all([
        recordAttendance(deps, principals.provider, { prescriptionId, sessionDate: '2026-03-01', status: 'ATTENDED' }),
        recordAttendance(deps, principals.linkWorker, {
          prescriptionId,
          sessionDate: '2026-03-01',
          status: 'ATTENDED',
        }),
      ]);

      expect(results.filter((result) => result.firstAttendance)).toHaveLength(1);
      expect(await listAttendance(deps, principals.linkWorker, prescriptionId)).toHaveLength(2);
    });

    it('throws ForbiddenError for a provider that does not run the activity, and an out-of-scope link worker', async () => {
      const { deps, principals } = world;
      const { prescriptionId } = await prescribed();
      const input = { prescriptionId, sessionDate: '2026-03-02', status: 'ATTENDED' as const };

      await expect(recordAttendance(deps, principals.otherProvider, input)).rejects.toThrow(ForbiddenError);
      await expect(recordAttendance(deps, principals.otherLinkWorker, input)).rejects.toThrow(ForbiddenError);
      await expect(recordAttendance(deps, principals.commissioner, input)).rejects.toThrow(ForbiddenError);
      expect(await listAttendance(deps, principals.linkWorker, prescriptionId)).toEqual([]);
    });

    it('throws naming sessionDate for attendance in the future, but accepts a cancellation ahead', async () => {
      const { deps, principals } = world;
      const { prescriptionId } = await prescribed();

      await expect(
        recordAttendance(deps, principals.provider, { prescriptionId, sessionDate: '2026-03-09', status: 'ATTENDED' }),
      ).rejects.toMatchObject({ field: 'sessionDate' });
      const cancelled = await recordAttendance(deps, principals.provider, {
        prescriptionId,
        sessionDate: '2026-03-09',
        status: 'CANCELLED',
      });
      expect(cancelled.firstAttendance).toBe(false);
    });

    it('throws ConflictError for a prescription that has ended', async () => {
      const { deps, principals } = world;
      const { prescriptionId } = await prescribed();
      await endPrescription(deps, principals.linkWorker, { prescriptionId, status: 'STOPPED' });

      const attempt = recordAttendance(deps, principals.provider, {
        prescriptionId,
        sessionDate: '2026-03-02',
        status: 'ATTENDED',
      });

      await expect(attempt).rejects.toThrow(ConflictError);
    });
  });

  describe('provider views', () => {
    it('returns a provider the prescriptions of its activity as ids, dates and statuses only, with counts', async () => {
      const { deps, principals } = world;
      const own = await createActivity(deps, principals.provider, activityInput(world, { name: 'Pottery' }));
      const referral = await world.referral();
      const prescription = await prescribeActivity(deps, principals.linkWorker, {
        referralId: referral.referralId,
        activityId: own.activityId,
        startDate: '2026-03-05',
      });

      const listed = await listPrescriptionsForActivity(deps, principals.provider, own.activityId);

      expect(listed).toEqual({
        activityId: own.activityId,
        counts: { PROPOSED: 1, STARTED: 0, COMPLETED: 0, STOPPED: 0 },
        prescriptions: [
          {
            prescriptionId: prescription.prescriptionId,
            activityId: own.activityId,
            startDate: '2026-03-05',
            status: 'PROPOSED',
          },
        ],
      });
      await expect(listPrescriptionsForActivity(deps, principals.otherProvider, own.activityId)).rejects.toThrow(
        ForbiddenError,
      );
      await expect(listPrescriptionsForActivity(deps, principals.linkWorker, own.activityId)).rejects.toThrow(
        ForbiddenError,
      );
    });

    it('returns a provider the attendance of its own activity without referral ids, and refuses other providers', async () => {
      const { deps, principals } = world;
      const referral = await world.referral();
      const { prescriptionId } = await prescribeActivity(deps, principals.linkWorker, {
        referralId: referral.referralId,
        activityId: activity.activityId,
        startDate: '2026-02-20',
      });
      await recordAttendance(deps, principals.linkWorker, {
        prescriptionId,
        sessionDate: '2026-02-27',
        status: 'MISSED',
      });
      await recordAttendance(deps, principals.provider, {
        prescriptionId,
        sessionDate: '2026-02-20',
        status: 'ATTENDED',
      });

      const attendance = await listAttendance(deps, principals.provider, prescriptionId);

      expect(attendance.map((a) => [a.sessionDate, a.status])).toEqual([
        ['2026-02-20', 'ATTENDED'],
        ['2026-02-27', 'MISSED'],
      ]);
      expect(attendance.every((a) => !('referralId' in a) && !('patientId' in a))).toBe(true);
      await expect(listAttendance(deps, principals.otherProvider, prescriptionId)).rejects.toThrow(ForbiddenError);
    });
  });
});
