import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  createReferral,
  erasePatient,
  getPatient,
  getPatientsByIds,
  getReferral,
  getReferralsByIds,
  listPatientReferrals,
  recordWhatMatters,
  setSmsConsent,
  transitionReferral,
  updatePatientContact,
} from '../../../functions/referrals';
import { ConflictError, ForbiddenError } from '../../../functions/shared/errors';
import { buildWorld, newPatient, type World } from './world';

describe('patient records, what matters and erasure (DynamoDB Local)', () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld();
  });
  afterAll(() => world.table.drop());

  async function referral(linkWorker: 'lw1' | 'lw2' | null = 'lw1', details = newPatient()) {
    return createReferral(world.deps, world.as.coordA, {
      practiceId: world.practiceA.organisationId,
      source: 'PRACTICE_NURSE',
      needs: ['LONELINESS_ISOLATION', 'PHYSICAL_INACTIVITY'],
      note: 'Lives alone since her husband died; enjoys gardening',
      newPatient: details,
      linkWorkerId: linkWorker === null ? undefined : world.users[linkWorker].userId,
    });
  }

  describe('scope', () => {
    it('returns the patient and referral to their link worker, the PCN coordinator and the ICB admin', async () => {
      const { patientId, referral: created } = await referral();

      for (const who of ['lw1', 'coordA', 'admin'] as const) {
        await expect(getPatient(world.deps, world.as[who], { patientId })).resolves.toMatchObject({ patientId });
        await expect(getReferral(world.deps, world.as[who], { referralId: created.referralId })).resolves.toMatchObject(
          { referral: { referralId: created.referralId } },
        );
      }
    });

    it.each(['lw2', 'lwB', 'coordB', 'otherAdmin', 'commissioner', 'provider'] as const)(
      'throws FORBIDDEN to %s, the same as for an id that does not exist',
      async (who) => {
        const { patientId, referral: created } = await referral();

        await expect(getPatient(world.deps, world.as[who], { patientId })).rejects.toThrow(ForbiddenError);
        await expect(getReferral(world.deps, world.as[who], { referralId: created.referralId })).rejects.toThrow(
          ForbiddenError,
        );
        await expect(getPatient(world.deps, world.as[who], { patientId: '01JNOSUCHPATIENT000000000' })).rejects.toThrow(
          ForbiddenError,
        );
        await expect(
          getReferral(world.deps, world.as[who], { referralId: '01JNOSUCHREFERRAL00000000' }),
        ).rejects.toThrow(ForbiddenError);
      },
    );

    it('lets any link worker of the PCN read an unassigned referral, to pick it up', async () => {
      const { referral: created } = await referral(null);

      await expect(getReferral(world.deps, world.as.lw2, { referralId: created.referralId })).resolves.toBeDefined();
      await expect(getReferral(world.deps, world.as.lwB, { referralId: created.referralId })).rejects.toThrow(
        ForbiddenError,
      );
    });

    it('returns a link worker only the referrals of the patient they may see', async () => {
      const { patientId, referral: mine } = await referral('lw1');
      await createReferral(world.deps, world.as.coordA, {
        practiceId: world.practiceA.organisationId,
        source: 'GP',
        needs: ['HOUSING'],
        patientId,
        linkWorkerId: world.users.lw2.userId,
      });

      const visible = await listPatientReferrals(world.deps, world.as.lw1, { patientId });
      const all = await listPatientReferrals(world.deps, world.as.coordA, { patientId });

      expect(visible.map((r) => r.referralId)).toEqual([mine.referralId]);
      expect(all).toHaveLength(2);
    });
  });

  describe('batch loaders', () => {
    it('returns patients and referrals in the order asked, undefined where missing', async () => {
      const a = await referral();
      const b = await referral();

      const patients = await getPatientsByIds(world.deps, [b.patientId, 'missing', a.patientId]);
      const referrals = await getReferralsByIds(world.deps, [a.referral.referralId, b.referral.referralId, 'missing']);

      expect(patients.map((p) => p?.patientId)).toEqual([b.patientId, undefined, a.patientId]);
      expect(referrals.map((r) => r?.referralId)).toEqual([a.referral.referralId, b.referral.referralId, undefined]);
    });
  });

  describe('what matters', () => {
    it('returns the record with notes and goals, and updates a goal’s status in place', async () => {
      const { referral: created } = await referral();
      const first = await recordWhatMatters(world.deps, world.as.lw1, {
        referralId: created.referralId,
        notes: ['Wants to get out of the house more'],
        goals: [{ description: 'Join the walking group' }, { description: 'Visit the library', status: 'IN_PROGRESS' }],
      });

      const goalId = first.goals.find((goal) => goal.description === 'Join the walking group')!.goalId;
      const second = await recordWhatMatters(world.deps, world.as.lw1, {
        referralId: created.referralId,
        goals: [{ goalId, status: 'ACHIEVED' }],
      });

      expect(first.notes.map((note) => note.text)).toEqual(['Wants to get out of the house more']);
      expect(second.goals).toHaveLength(2);
      expect(second.goals.find((goal) => goal.goalId === goalId)).toMatchObject({
        status: 'ACHIEVED',
        description: 'Join the walking group',
      });
    });

    it('throws a ValidationError naming the goal when its id is not one of this referral’s goals', async () => {
      const { referral: created } = await referral();

      await expect(
        recordWhatMatters(world.deps, world.as.lw1, {
          referralId: created.referralId,
          goals: [{ goalId: '01JNOSUCHGOAL000000000000', status: 'DROPPED' }],
        }),
      ).rejects.toMatchObject({ field: 'goals[0].goalId' });
    });

    it('throws FORBIDDEN when another link worker writes notes', async () => {
      const { referral: created } = await referral();

      await expect(
        recordWhatMatters(world.deps, world.as.lw2, { referralId: created.referralId, notes: ['x'] }),
      ).rejects.toThrow(ForbiddenError);
    });
  });

  describe('contact details and consent', () => {
    it('records an SMS opt-out with its time, and a new mobile number in E.164', async () => {
      const { patientId } = await referral();
      world.clock.advance(1000);

      const optedOut = await setSmsConsent(world.deps, world.as.lw1, { patientId, consent: 'OPTED_OUT' });
      const moved = await updatePatientContact(world.deps, world.as.lw1, { patientId, mobile: '07700 900999' });

      expect(optedOut).toMatchObject({ smsConsent: 'OPTED_OUT', smsConsentChangedAt: world.clock.now().toISOString() });
      expect(moved.mobile).toBe('+447700900999');
    });

    it('throws a ValidationError naming mobile for a landline', async () => {
      const { patientId } = await referral();

      await expect(
        updatePatientContact(world.deps, world.as.lw1, { patientId, mobile: '0161 496 0000' }),
      ).rejects.toMatchObject({ field: 'mobile' });
    });
  });

  describe('erasePatient', () => {
    async function fullRecord() {
      const details = newPatient();
      const { patientId, referral: created } = await referral('lw1', details);
      const { referralId } = created;
      await transitionReferral(world.deps, world.as.lw1, { referralId, to: 'CONTACTED' });
      await recordWhatMatters(world.deps, world.as.lw1, {
        referralId,
        notes: ['Her daughter Jane lives in Leeds'],
        goals: [{ description: 'Go to the Tuesday lunch club', status: 'IN_PROGRESS' }],
      });
      const at = world.clock.now().toISOString();
      await world.linkwork.events.publish({
        type: 'OutcomesMeasured',
        referralId,
        values: { 'ons4.lifeSatisfaction': { value: 6, measuredAt: at } },
        at,
      });
      await transitionReferral(world.deps, world.as.lw1, { referralId, to: 'DECLINED', reason: 'Moving to Leeds' });
      return { details, patientId, referralId };
    }

    it('removes personal data and keeps the anonymised referral skeleton and outcome values', async () => {
      const { details, patientId, referralId } = await fullRecord();

      const result = await erasePatient(world.deps, world.as.admin, { patientId });

      expect(result).toMatchObject({ patientId, referralIds: [referralId] });
      const patient = await world.deps.referrals.getPatient(patientId);
      expect(patient).toMatchObject({
        patientId,
        erasedAt: result.erasedAt,
        practiceId: world.practiceA.organisationId,
      });
      for (const field of ['nhsNumber', 'givenName', 'familyName', 'dateOfBirth', 'mobile', 'sex'] as const) {
        expect(patient![field]).toBeUndefined();
      }
      expect(await world.deps.referrals.findPatientIdByNhsNumber(details.nhsNumber)).toBeUndefined();
      const raw = await world.store.documentClient.send(
        new GetCommand({
          TableName: world.store.tableName,
          Key: { pk: `$linkwork#patientid_${patientId.toLowerCase()}`, sk: '$patient_1' },
        }),
      );
      expect(raw.Item).toBeDefined();
      expect(raw.Item!.gsi5pk).toBeUndefined();

      const record = (await world.deps.referrals.getReferralRecord(referralId))!;
      expect(record.referral).toMatchObject({
        status: 'DECLINED',
        needs: ['LONELINESS_ISOLATION', 'PHYSICAL_INACTIVITY'],
        ageBandAtReferral: '75+',
        snomedCodes: ['871711000000103'],
        latestOutcomes: { 'ons4.lifeSatisfaction': { value: 6 } },
      });
      expect(record.referral.note).toBeUndefined();
      expect(record.events.map((event) => event.reason)).toEqual([undefined, undefined, undefined]);
      expect(record.notes).toEqual([expect.objectContaining({ erasedAt: result.erasedAt })]);
      expect(record.notes[0].text).toBeUndefined();
      expect(record.goals[0]).toMatchObject({ status: 'IN_PROGRESS', erasedAt: result.erasedAt });
      expect(record.goals[0].description).toBeUndefined();
      expect(JSON.stringify(record)).not.toMatch(/Jane|Leeds|Tuesday|gardening|Testperson/);
    });

    it('returns the same result when run again, and frees the NHS number', async () => {
      const { details, patientId } = await fullRecord();
      const first = await erasePatient(world.deps, world.as.admin, { patientId });
      world.clock.advance(60_000);

      const again = await erasePatient(world.deps, world.as.admin, { patientId });

      expect(again).toEqual(first);
      const reRegistered = await referral('lw1', details);
      expect(reRegistered.patientCreated).toBe(true);
    });

    it('throws FORBIDDEN to everyone but an administrator of the patient’s ICB, coordinators included', async () => {
      const { patientId } = await referral();

      for (const who of ['lw1', 'coordA', 'coordB', 'commissioner', 'otherAdmin'] as const) {
        await expect(erasePatient(world.deps, world.as[who], { patientId })).rejects.toThrow(ForbiddenError);
      }
      expect((await world.deps.referrals.getPatient(patientId))?.erasedAt).toBeUndefined();
    });

    it('throws CONFLICT when writing notes for an erased patient', async () => {
      const { patientId, referral: created } = await referral();
      await erasePatient(world.deps, world.as.admin, { patientId });

      await expect(
        recordWhatMatters(world.deps, world.as.lw1, { referralId: created.referralId, notes: ['new'] }),
      ).rejects.toThrow(ConflictError);
    });
  });
});
