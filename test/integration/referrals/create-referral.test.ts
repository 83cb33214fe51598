import {
  createReferral,
  getPatient,
  getReferral,
  movePatient,
  updatePatientContact,
} from '../../../functions/referrals';
import { PatientRegisteredElsewhereError } from '../../../functions/referrals/errors';
import { ForbiddenError, ValidationError } from '../../../functions/shared/errors';
import { formatNhsNumber } from '../../../functions/shared/nhs-number';
import { buildWorld, newPatient, type World } from './world';

describe('createReferral (DynamoDB Local)', () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld();
  });
  afterAll(() => world.table.drop());

  const base = () => ({
    practiceId: world.practiceA.organisationId,
    source: 'GP' as const,
    needs: ['LONELINESS_ISOLATION' as const],
  });

  it('returns a RECEIVED referral with a new patient, claim and first event written together', async () => {
    const input = newPatient({ nhsNumber: formatNhsNumber(newPatient().nhsNumber), mobile: '07700 900123' });

    const result = await createReferral(world.deps, world.as.lw1, {
      ...base(),
      newPatient: input,
      note: 'Recently widowed',
    });

    expect(result.patientCreated).toBe(true);
    expect(result.referral).toMatchObject({
      status: 'RECEIVED',
      caseState: 'OPEN',
      caseloadOwner: `unassigned-${world.pcnA.organisationId}`,
      pcnId: world.pcnA.organisationId,
      icbId: world.icb.organisationId,
      ageBandAtReferral: '75+',
      version: 1,
    });
    const patient = await world.deps.referrals.getPatient(result.patientId);
    expect(patient).toMatchObject({ nhsNumber: input.nhsNumber.replace(/\s/g, ''), mobile: '+447700900123' });
    expect(await world.deps.referrals.findPatientIdByNhsNumber(patient!.nhsNumber!)).toBe(result.patientId);
    const record = await getReferral(world.deps, world.as.lw1, { referralId: result.referral.referralId });
    expect(record.events).toEqual([
      expect.objectContaining({ kind: 'RECEIVED', toStatus: 'RECEIVED', actorUserId: world.users.lw1.userId }),
    ]);
  });

  it('returns a referral for an existing patient given by id, creating no second patient', async () => {
    const first = await createReferral(world.deps, world.as.coordA, { ...base(), newPatient: newPatient() });

    const second = await createReferral(world.deps, world.as.coordA, {
      ...base(),
      patientId: first.patientId,
      needs: ['HOUSING'],
      linkWorkerId: world.users.lw2.userId,
    });

    expect(second).toMatchObject({ patientId: first.patientId, patientCreated: false });
    expect(second.referral.caseloadOwner).toBe(world.users.lw2.userId);
    expect((await world.deps.referrals.listPatientReferrals(first.patientId)).map((r) => r.referralId)).toEqual([
      first.referral.referralId,
      second.referral.referralId,
    ]);
  });

  it('returns the new name on every referral when the preferred name changes while a referral is being written', async () => {
    const first = await createReferral(world.deps, world.as.coordA, { ...base(), newPatient: newPatient() });
    const repository = world.deps.referrals;
    let renamed = false;
    // The rename lands between this createReferral's read of the patient and its write.
    const racing = new Proxy(repository, {
      get(target, property) {
        if (property === 'getPatient') {
          return async (...args: Parameters<typeof repository.getPatient>) => {
            const read = await target.getPatient(...args);
            if (!renamed) {
              renamed = true;
              await updatePatientContact(world.deps, world.as.coordA, {
                patientId: first.patientId,
                preferredName: 'Bobbie',
              });
            }
            return read;
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });

    const second = await createReferral({ ...world.deps, referrals: racing }, world.as.coordA, {
      ...base(),
      patientId: first.patientId,
    });

    expect(renamed).toBe(true);
    const referrals = await repository.listPatientReferrals(first.patientId);
    expect(referrals.map((referral) => referral.referralId).sort()).toEqual(
      [first.referral.referralId, second.referral.referralId].sort(),
    );
    const family = (await repository.getPatient(first.patientId))?.familyName;
    for (const referral of referrals) expect(referral.patientName).toBe(`Bobbie ${family}`);
  });

  it('reuses the patient when a new patient is given with an NHS number already registered', async () => {
    const details = newPatient();
    const first = await createReferral(world.deps, world.as.lw1, { ...base(), newPatient: details });

    const again = await createReferral(world.deps, world.as.lw1, {
      ...base(),
      newPatient: { ...details, givenName: 'Someone', familyName: 'Else' },
    });

    expect(again).toMatchObject({ patientId: first.patientId, patientCreated: false });
    expect((await world.deps.referrals.getPatient(first.patientId))?.givenName).toBe('Ada');
  });

  it('creates one patient when the same NHS number is registered concurrently', async () => {
    const details = newPatient();

    const results = await Promise.all(
      Array.from({ length: 5 }, () => createReferral(world.deps, world.as.coordA, { ...base(), newPatient: details })),
    );

    const patientIds = new Set(results.map((result) => result.patientId));
    expect(patientIds.size).toBe(1);
    expect(results.filter((result) => result.patientCreated)).toHaveLength(1);
    expect(await world.deps.referrals.listPatientReferrals([...patientIds][0])).toHaveLength(5);
  });

  it.each([
    ['newPatient.nhsNumber', { nhsNumber: '943 476 5918' }],
    ['newPatient.mobile', { mobile: '020 7946 0000' }],
    ['newPatient.dateOfBirth', { dateOfBirth: '1950-02-30' }],
    ['newPatient.sex', { sex: 'UNKNOWN' as never }],
  ])('throws a ValidationError naming %s and writes nothing', async (field, override) => {
    const details = newPatient(override);
    const practiceQueue = () =>
      world.deps.referrals.queryCaseload({
        caseloadOwner: `unassigned-${world.pcnB.organisationId}`,
        caseState: 'OPEN',
        sort: 'NEXT_CHECK_IN',
        first: 100,
      });
    const before = (await practiceQueue()).items.length;

    const attempt = createReferral(world.deps, world.as.coordB, {
      ...base(),
      practiceId: world.practiceB.organisationId,
      newPatient: details,
    });

    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toMatchObject({ field });
    expect((await practiceQueue()).items).toHaveLength(before);
    if (field !== 'newPatient.nhsNumber') {
      expect(await world.deps.referrals.findPatientIdByNhsNumber(details.nhsNumber)).toBeUndefined();
    }
  });

  it('throws a ValidationError naming needs when none is given', async () => {
    await expect(
      createReferral(world.deps, world.as.lw1, { ...base(), needs: [], newPatient: newPatient() }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'needs' });
  });

  it('throws a ValidationError when the note is longer than 2000 characters', async () => {
    await expect(
      createReferral(world.deps, world.as.lw1, { ...base(), note: 'x'.repeat(2001), newPatient: newPatient() }),
    ).rejects.toMatchObject({ field: 'note' });
  });

  it.each(['commissioner', 'provider'] as const)('throws FORBIDDEN for a %s', async (who) => {
    await expect(createReferral(world.deps, world.as[who], { ...base(), newPatient: newPatient() })).rejects.toThrow(
      ForbiddenError,
    );
  });

  it('throws FORBIDDEN when a coordinator refers into a practice of another PCN', async () => {
    await expect(createReferral(world.deps, world.as.coordB, { ...base(), newPatient: newPatient() })).rejects.toThrow(
      ForbiddenError,
    );
  });

  it('throws a ValidationError when the link worker named belongs to another PCN', async () => {
    await expect(
      createReferral(world.deps, world.as.coordA, {
        ...base(),
        newPatient: newPatient(),
        linkWorkerId: world.users.lwB.userId,
      }),
    ).rejects.toMatchObject({ field: 'linkWorkerId' });
  });

  describe('an NHS number registered in another PCN', () => {
    async function patientOfPcnB() {
      const details = newPatient();
      const created = await createReferral(world.deps, world.as.coordB, {
        ...base(),
        practiceId: world.practiceB.organisationId,
        newPatient: details,
      });
      return { details, patientId: created.patientId };
    }

    it.each(['lw1', 'coordA'] as const)(
      'throws FORBIDDEN naming newPatient.nhsNumber to a %s, and returns or changes nothing of that patient',
      async (who) => {
        const { details, patientId } = await patientOfPcnB();
        const before = await world.deps.referrals.getPatient(patientId);

        const attempt = createReferral(world.deps, world.as[who], {
          ...base(),
          newPatient: { ...details, givenName: 'Mallory', mobile: '07700 900666' },
        });

        await expect(attempt).rejects.toThrow(PatientRegisteredElsewhereError);
        await expect(attempt).rejects.toMatchObject({ code: 'FORBIDDEN', field: 'newPatient.nhsNumber' });
        await expect(attempt).rejects.not.toThrow(new RegExp(`${before!.givenName}|${before!.familyName}`));
        expect(await world.deps.referrals.getPatient(patientId)).toEqual(before);
        expect(await world.deps.referrals.listPatientReferrals(patientId)).toHaveLength(1);
        // No referral of theirs came of it, so the patient stays out of reach.
        await expect(getPatient(world.deps, world.as[who], { patientId })).rejects.toThrow(ForbiddenError);
        await expect(
          updatePatientContact(world.deps, world.as[who], { patientId, mobile: '07700 900666' }),
        ).rejects.toThrow(ForbiddenError);
      },
    );

    it('lets an administrator of the ICB refer them, and a move makes them the new PCN’s patient', async () => {
      const { details, patientId } = await patientOfPcnB();

      const byAdmin = await createReferral(world.deps, world.as.admin, { ...base(), newPatient: details });
      expect(byAdmin).toMatchObject({ patientId, patientCreated: false });

      const moved = await movePatient(world.deps, world.as.admin, {
        patientId,
        practiceId: world.practiceA.organisationId,
      });
      expect(moved).toMatchObject({ practiceId: world.practiceA.organisationId, pcnId: world.pcnA.organisationId });
      await expect(createReferral(world.deps, world.as.lw1, { ...base(), newPatient: details })).resolves.toMatchObject(
        { patientId, patientCreated: false },
      );
    });

    it('refuses a move by a coordinator out of their PCN, or into a PCN not theirs', async () => {
      const { patientId } = await patientOfPcnB();

      await expect(
        movePatient(world.deps, world.as.coordA, { patientId, practiceId: world.practiceA.organisationId }),
      ).rejects.toThrow(ForbiddenError);
      await expect(
        movePatient(world.deps, world.as.coordB, { patientId, practiceId: world.practiceA.organisationId }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN', field: 'practiceId' });
      await expect(
        movePatient(world.deps, world.as.lwB, { patientId, practiceId: world.practiceB.organisationId }),
      ).rejects.toThrow(ForbiddenError);
      expect(await world.deps.referrals.getPatient(patientId)).toMatchObject({
        practiceId: world.practiceB.organisationId,
      });
    });
  });

  it('lets the creating link worker read the new patient once the referral is theirs', async () => {
    const { patientId } = await createReferral(world.deps, world.as.lw1, {
      ...base(),
      newPatient: newPatient(),
      linkWorkerId: world.users.lw1.userId,
    });

    await expect(getPatient(world.deps, world.as.lw1, { patientId })).resolves.toMatchObject({ patientId });
    await expect(getPatient(world.deps, world.as.lw2, { patientId })).rejects.toThrow(ForbiddenError);
  });
});
