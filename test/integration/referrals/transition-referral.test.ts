import { assignReferral, createReferral, getReferral, transitionReferral } from '../../../functions/referrals';
import type { ReferralStatus } from '../../../functions/referrals/vocabulary';
import { ConflictError, ForbiddenError } from '../../../functions/shared/errors';
import { buildWorld, newPatient, type World } from './world';

describe('transitionReferral and assignReferral (DynamoDB Local)', () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld();
  });
  afterAll(() => world.table.drop());

  async function assignedReferral() {
    const { referral } = await createReferral(world.deps, world.as.coordA, {
      practiceId: world.practiceA.organisationId,
      source: 'GP',
      needs: ['LOW_MOOD_ANXIETY'],
      newPatient: newPatient(),
      linkWorkerId: world.users.lw1.userId,
    });
    return referral;
  }

  async function walk(path: ReferralStatus[]) {
    const referral = await assignedReferral();
    let current = referral;
    for (const to of path) {
      world.clock.advance(60_000);
      current = await transitionReferral(world.deps, world.as.lw1, { referralId: referral.referralId, to });
    }
    return current;
  }

  it.each([
    [['CONTACTED', 'ACCEPTED', 'ACTIVE', 'CLOSED']],
    [['CONTACTED', 'ACCEPTED', 'CLOSED']],
    [['CONTACTED', 'ACCEPTED', 'DECLINED']],
    [['CONTACTED', 'DECLINED']],
    [['CONTACTED', 'UNABLE_TO_CONTACT']],
    [['UNABLE_TO_CONTACT']],
    [['DECLINED']],
  ] as ReferralStatus[][][])('returns the referral moved along %j, closed at the end', async (path) => {
    const result = await walk(path);

    expect(result).toMatchObject({ status: path.at(-1), caseState: 'CLOSED', version: path.length + 1 });
    expect(result.closedAt).toBe(world.clock.now().toISOString());
    const { events } = await getReferral(world.deps, world.as.lw1, { referralId: result.referralId });
    expect(events.map((event) => event.toStatus)).toEqual(['RECEIVED', ...path]);
  });

  it('returns an open referral with the contact time recorded when moving to CONTACTED', async () => {
    const result = await walk(['CONTACTED']);

    expect(result).toMatchObject({
      status: 'CONTACTED',
      caseState: 'OPEN',
      lastContactAt: world.clock.now().toISOString(),
    });
    expect(result.lastContactSort).toBe(result.lastContactAt);
    expect(result.closedAt).toBeUndefined();
  });

  it('records the SNOMED CT concepts on the accepting and declining events and on the referral', async () => {
    const accepted = await walk(['CONTACTED', 'ACCEPTED', 'DECLINED']);

    const { events } = await getReferral(world.deps, world.as.lw1, { referralId: accepted.referralId });

    expect(events.map((event) => [event.toStatus, event.snomedCode])).toEqual([
      ['RECEIVED', undefined],
      ['CONTACTED', undefined],
      ['ACCEPTED', '871731000000106'],
      ['DECLINED', '871711000000103'],
    ]);
    expect(accepted.snomedCodes).toEqual(['871731000000106', '871711000000103']);
  });

  it.each([
    [[], 'ACTIVE'],
    [[], 'CLOSED'],
    [['CONTACTED', 'ACCEPTED', 'ACTIVE'], 'DECLINED'],
    [['DECLINED'], 'CONTACTED'],
    [['CONTACTED', 'ACCEPTED', 'ACTIVE', 'CLOSED'], 'ACTIVE'],
  ] as [ReferralStatus[], ReferralStatus][])('throws CONFLICT naming both statuses after %j → %s', async (path, to) => {
    const current = await walk(path);

    const attempt = transitionReferral(world.deps, world.as.lw1, { referralId: current.referralId, to });

    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow(`from ${current.status} to ${to}`);
  });

  it('lets exactly one of two concurrent transitions win and the other get a version CONFLICT', async () => {
    const referral = await assignedReferral();
    // Both callers read before either writes: a barrier holds each read until the other has read too.
    let arrived = 0;
    let release: () => void = () => {};
    const bothRead = new Promise<void>((resolve) => {
      release = resolve;
    });
    const repository = world.deps.referrals;
    const racing = Object.create(repository) as typeof repository;
    racing.getReferral = async (referralId) => {
      const read = await repository.getReferral(referralId);
      if (++arrived === 2) release();
      await bothRead;
      return read;
    };
    const deps = { ...world.deps, referrals: racing };

    const results = await Promise.allSettled([
      transitionReferral(deps, world.as.lw1, { referralId: referral.referralId, to: 'CONTACTED' }),
      transitionReferral(deps, world.as.coordA, { referralId: referral.referralId, to: 'UNABLE_TO_CONTACT' }),
    ]);

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = results.filter((result) => result.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((rejected as PromiseRejectedResult).reason.message).toMatch(/changed by someone else/);
    const { referral: stored, events } = await getReferral(world.deps, world.as.lw1, {
      referralId: referral.referralId,
    });
    expect(stored.version).toBe(2);
    expect(events).toHaveLength(2);
  });

  it('throws CONFLICT when the version the caller saw is stale', async () => {
    const referral = await assignedReferral();
    await transitionReferral(world.deps, world.as.lw1, { referralId: referral.referralId, to: 'CONTACTED' });

    await expect(
      transitionReferral(world.deps, world.as.lw1, {
        referralId: referral.referralId,
        to: 'ACCEPTED',
        expectedVersion: 1,
      }),
    ).rejects.toThrow(ConflictError);
  });

  it('throws FORBIDDEN when a link worker moves another link worker’s referral, as for an unknown id', async () => {
    const referral = await assignedReferral();

    await expect(
      transitionReferral(world.deps, world.as.lw2, { referralId: referral.referralId, to: 'CONTACTED' }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      transitionReferral(world.deps, world.as.lw2, { referralId: '01JNOTAREFERRAL0000000000', to: 'CONTACTED' }),
    ).rejects.toThrow(ForbiddenError);
  });

  describe('assignReferral', () => {
    async function unassigned() {
      const { referral } = await createReferral(world.deps, world.as.coordA, {
        practiceId: world.practiceA.organisationId,
        source: 'SELF',
        needs: ['BEREAVEMENT'],
        newPatient: newPatient(),
      });
      return referral;
    }

    it('returns the referral moved to the chosen link worker’s caseload with an ASSIGNED event', async () => {
      const referral = await unassigned();

      const result = await assignReferral(world.deps, world.as.coordA, {
        referralId: referral.referralId,
        linkWorkerId: world.users.lw2.userId,
      });

      expect(result).toMatchObject({
        linkWorkerId: world.users.lw2.userId,
        caseloadOwner: world.users.lw2.userId,
        version: 2,
      });
      const { events } = await getReferral(world.deps, world.as.lw2, { referralId: referral.referralId });
      expect(events.at(-1)).toMatchObject({ kind: 'ASSIGNED', toLinkWorkerId: world.users.lw2.userId });
    });

    it('lets a link worker pick up an unassigned referral of their PCN for themselves only', async () => {
      const referral = await unassigned();

      await expect(
        assignReferral(world.deps, world.as.lw1, {
          referralId: referral.referralId,
          linkWorkerId: world.users.lw2.userId,
        }),
      ).rejects.toThrow(ForbiddenError);
      const mine = await assignReferral(world.deps, world.as.lw1, {
        referralId: referral.referralId,
        linkWorkerId: world.users.lw1.userId,
      });

      expect(mine.caseloadOwner).toBe(world.users.lw1.userId);
      await expect(
        assignReferral(world.deps, world.as.lw2, {
          referralId: referral.referralId,
          linkWorkerId: world.users.lw2.userId,
        }),
      ).rejects.toThrow(ForbiddenError);
    });

    it('throws a ValidationError when the target is not a link worker of the referral’s PCN', async () => {
      const referral = await unassigned();

      await expect(
        assignReferral(world.deps, world.as.coordA, {
          referralId: referral.referralId,
          linkWorkerId: world.users.lwB.userId,
        }),
      ).rejects.toMatchObject({ field: 'linkWorkerId' });
      await expect(
        assignReferral(world.deps, world.as.coordA, {
          referralId: referral.referralId,
          linkWorkerId: world.users.coordA.userId,
        }),
      ).rejects.toMatchObject({ field: 'linkWorkerId' });
    });

    it('throws FORBIDDEN when a coordinator of another PCN assigns', async () => {
      const referral = await unassigned();

      await expect(
        assignReferral(world.deps, world.as.coordB, {
          referralId: referral.referralId,
          linkWorkerId: world.users.lwB.userId,
        }),
      ).rejects.toThrow(ForbiddenError);
    });
  });
});
