import { dispatchDueCheckIns } from '../../../functions/checkins/use-cases/dispatch-due-check-ins';
import { scheduleCheckIn } from '../../../functions/checkins/use-cases/schedule-check-in';
import { DynamoDbIdentityRepository } from '../../../functions/identity/adapters/dynamodb-identity-repository';
import { registerOrganisation } from '../../../functions/identity/use-cases/register-organisation';
import { addPatientWithReferral, createWorld, type World } from './fixtures';

/*
 * Bank holidays by the practice's nation: the ICB carries the nation, its PCNs and practices inherit it, and each
 * check-in copies it when scheduled. St Andrew's Day (Monday 30 November 2026) is a bank holiday in Scotland only.
 */
describe('the practice nation in the sending window', () => {
  let world: World;
  afterEach(() => world.close());

  async function registerScottishPractice() {
    const deps = { identity: new DynamoDbIdentityRepository(world.store), clock: world.clock, newId: world.ids };
    const icb = await registerOrganisation(deps, { kind: 'ICB', name: 'NHS Example Board', nation: 'SCT' });
    const pcn = await registerOrganisation(deps, { kind: 'PCN', name: 'Glen PCN', parentId: icb.organisationId });
    const practice = await registerOrganisation(deps, {
      kind: 'PRACTICE',
      name: 'Glen Surgery',
      parentId: pcn.organisationId,
    });
    return { icb, pcn, practice, deps };
  }

  it('returns organisations that inherit their ICB nation, and England for an ICB registered without one', async () => {
    world = await createWorld();
    const { pcn, practice, deps } = await registerScottishPractice();
    const english = await registerOrganisation(deps, { kind: 'ICB', name: 'NHS Other ICB' });

    expect([pcn.nation, practice.nation, english.nation]).toEqual(['SCT', 'SCT', 'ENG']);
  });

  it('throws a ValidationError naming nation when a practice is given another nation than its ICB', async () => {
    world = await createWorld();
    const { pcn, deps } = await registerScottishPractice();

    await expect(
      registerOrganisation(deps, { kind: 'PRACTICE', name: 'Border', parentId: pcn.organisationId, nation: 'ENG' }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'nation' });
  });

  it('defers a Scottish check-in on St Andrew’s Day to Tuesday 09:00 while an English one goes', async () => {
    world = await createWorld('2026-11-30T10:00:00.000Z');
    const { icb, pcn, practice } = await registerScottishPractice();
    const scottish = await addPatientWithReferral(world, {
      scope: { icbId: icb.organisationId, pcnId: pcn.organisationId, practiceId: practice.organisationId },
      linkWorkerId: 'LW-SCT',
    });
    const english = await addPatientWithReferral(world);
    const schedule = (referralId: string, principal = world.linkWorker) =>
      scheduleCheckIn(world.deps, { principal, referralId, wave: 'AD_HOC', dueAt: world.clock.now().toISOString() });
    const scottishCheckIn = await schedule(scottish.referralId, {
      userId: 'LW-SCT',
      role: 'LINK_WORKER',
      icbId: icb.organisationId,
      pcnId: pcn.organisationId,
    });
    await schedule(english.referralId);

    const report = await dispatchDueCheckIns(world.deps, world.dispatch);

    expect(scottishCheckIn.nation).toBe('SCT');
    expect(report).toMatchObject({ sent: 1, deferred: 1 });
    expect(world.sns.published.map((text) => text.phoneNumber)).toEqual([english.mobile]);
    expect((await world.deps.checkIns.get(scottishCheckIn.checkInId))?.dueAt).toBe('2026-12-01T09:00:00.000Z');
  });
});
