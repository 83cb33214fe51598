import { DeleteGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDbIdentityRepository } from '../../../functions/identity/adapters/dynamodb-identity-repository';
import type { Organisation } from '../../../functions/identity/entities/organisation';
import type { SignInAccounts } from '../../../functions/identity/ports';
import type { Principal } from '../../../functions/identity/principal';
import { createStaffUser } from '../../../functions/identity/use-cases/create-staff-user';
import { registerOrganisation } from '../../../functions/identity/use-cases/register-organisation';
import { deactivateStaffUser, reactivateStaffUser } from '../../../functions/identity/use-cases/set-staff-user-active';
import type { StaffAdministrationDeps } from '../../../functions/identity/use-cases/staff-administration';
import { updateStaffUser } from '../../../functions/identity/use-cases/update-staff-user';
import { ManualClock } from '../../../functions/shared/clock';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../../functions/shared/errors';
import { createIdGenerator } from '../../../functions/shared/ids';
import {
  ADAPTERS,
  failNextStaffRecordWrite,
  RecordingLog,
  type SignInHarness,
  signInAs,
  startHarness,
} from './sign-in-harness';

/** The fault failNextStaffRecordWrite raises, as it reaches a use case (ElectroDB wraps SDK errors). */
const injectedFault = /Injected fault/;

describe.each(ADAPTERS)('staff administration (%s sign-in accounts, DynamoDB Local)', (adapter) => {
  let harness: SignInHarness;
  let identity: DynamoDbIdentityRepository;
  let log: RecordingLog;
  let deps: StaffAdministrationDeps;
  let icbA: Organisation;
  let pcnA: Organisation;
  let pcnA2: Organisation;
  let practiceA: Organisation;
  let icbB: Organisation;
  let pcnB: Organisation;
  let national: Principal;
  let adminA: Principal;
  let counter = 0;
  const email = (label = 'staff') => `${label}.${++counter}@example.nhs.uk`;

  beforeAll(async () => {
    harness = await startHarness(adapter);
    identity = new DynamoDbIdentityRepository(harness.store);
    const clock = new ManualClock('2026-03-02T10:00:00Z');
    const orgDeps = { identity, clock, newId: createIdGenerator(clock) };
    icbA = await registerOrganisation(orgDeps, { kind: 'ICB', name: 'NHS North ICB' });
    pcnA = await registerOrganisation(orgDeps, { kind: 'PCN', name: 'Riverside PCN', parentId: icbA.organisationId });
    pcnA2 = await registerOrganisation(orgDeps, { kind: 'PCN', name: 'Hillside PCN', parentId: icbA.organisationId });
    practiceA = await registerOrganisation(orgDeps, {
      kind: 'PRACTICE',
      name: 'Bridge Street Surgery',
      parentId: pcnA.organisationId,
    });
    icbB = await registerOrganisation(orgDeps, { kind: 'ICB', name: 'NHS South ICB' });
    pcnB = await registerOrganisation(orgDeps, { kind: 'PCN', name: 'Seaside PCN', parentId: icbB.organisationId });
    national = { userId: 'admin-national', role: 'ADMIN' };
    adminA = {
      userId: 'admin-north',
      role: 'ADMIN',
      organisationId: icbA.organisationId,
      icbId: icbA.organisationId,
    };
  }, 60_000);
  afterAll(() => harness.stop());

  beforeEach(() => {
    log = new RecordingLog();
    deps = { identity, accounts: harness.accounts, clock: new ManualClock('2026-03-02T11:00:00Z'), log };
  });

  /** Swaps one step of the real adapter for a failure, for faults the emulator cannot be made to produce. */
  function accountsFailing(step: keyof SignInAccounts): SignInAccounts {
    const real = harness.accounts;
    return new Proxy(real, {
      get: (target, property, receiver) =>
        property === step
          ? () => Promise.reject(Object.assign(new Error('Injected fault'), { name: 'ServiceUnavailable' }))
          : Reflect.get(target, property, receiver).bind(target),
    });
  }

  async function linkWorker(principal: Principal = adminA) {
    return createStaffUser(deps, principal, {
      email: email('worker'),
      name: 'Asha Patel',
      role: 'LINK_WORKER',
      organisationId: pcnA.organisationId,
      contactRoute: 'Riverside team 01632 960001',
    });
  }

  async function accountOf(userId: string) {
    const account = await harness.accounts.findAccount(userId);
    if (!account) throw new Error(`no account for ${userId}`);
    return account;
  }

  describe('createStaffUser', () => {
    it('returns a staff user whose new account signs in with the role and scope of the staff record', async () => {
      const address = email('Mixed.Case');

      const user = await createStaffUser(deps, adminA, {
        email: `  ${address.toUpperCase()} `,
        name: ' Asha Patel ',
        role: 'LINK_WORKER',
        organisationId: practiceA.organisationId,
      });

      expect(user).toMatchObject({
        email: address.toLowerCase(),
        name: 'Asha Patel',
        active: true,
        organisationId: practiceA.organisationId,
        icbId: icbA.organisationId,
        pcnId: pcnA.organisationId,
        practiceId: practiceA.organisationId,
      });
      expect(await identity.getStaffUser(user.userId)).toEqual(user);
      const principal = await signInAs(harness.store, await accountOf(user.userId));
      expect(principal).toEqual({
        userId: user.userId,
        role: 'LINK_WORKER',
        organisationId: practiceA.organisationId,
        icbId: icbA.organisationId,
        pcnId: pcnA.organisationId,
        practiceId: practiceA.organisationId,
      });
    });

    it('logs the new user by id and role, never by name or e-mail', async () => {
      const user = await linkWorker();

      expect(log.entries).toEqual([
        {
          level: 'info',
          message: 'Staff user created',
          fields: expect.objectContaining({ actorUserId: adminA.userId, userId: user.userId, role: 'LINK_WORKER' }),
        },
      ]);
      expect(log.text()).not.toContain('Asha');
      expect(log.text()).not.toContain('@example.nhs.uk');
    });

    it('throws naming the field and opens no account when the organisation does not suit the role', async () => {
      const address = email('coordinator');

      const attempt = createStaffUser(deps, adminA, {
        email: address,
        name: 'Sam Jones',
        role: 'COORDINATOR',
        organisationId: practiceA.organisationId,
      });

      await expect(attempt).rejects.toThrow(ValidationError);
      await expect(attempt).rejects.toMatchObject({ field: 'organisationId' });
      expect(await harness.accountEmails()).not.toContain(address);
    });

    it.each([
      ['an e-mail that is not one', { email: 'not-an-email' }, 'email'],
      ['an empty name', { name: '   ' }, 'name'],
      ['a role that does not exist', { role: 'SUPERUSER' }, 'role'],
      ['a contact route over 200 characters', { contactRoute: 'x'.repeat(201) }, 'contactRoute'],
      ['a link worker with no organisation', { organisationId: undefined }, 'organisationId'],
    ])('throws naming the field for %s', async (_case, change, field) => {
      const input = {
        email: email(),
        name: 'Valid Name',
        role: 'LINK_WORKER',
        organisationId: pcnA.organisationId,
        ...change,
      };

      await expect(createStaffUser(deps, adminA, input)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('throws the same error for an organisation in another ICB as for one that does not exist', async () => {
      const foreign = createStaffUser(deps, adminA, {
        email: email(),
        name: 'X',
        role: 'LINK_WORKER',
        organisationId: pcnB.organisationId,
      });
      const missing = createStaffUser(deps, adminA, {
        email: email(),
        name: 'X',
        role: 'LINK_WORKER',
        organisationId: 'NO-SUCH-ORG',
      });

      const [foreignError, missingError] = await Promise.all([foreign.catch((e) => e), missing.catch((e) => e)]);
      expect(foreignError).toBeInstanceOf(ValidationError);
      expect(foreignError.message).toBe(missingError.message);
    });

    it('lets a national administrator create staff in any ICB, and another national administrator', async () => {
      const south = await createStaffUser(deps, national, {
        email: email(),
        name: 'Seaside Lead',
        role: 'COORDINATOR',
        organisationId: pcnB.organisationId,
      });
      const root = await createStaffUser(deps, national, { email: email(), name: 'Root', role: 'ADMIN' });

      expect(south.icbId).toBe(icbB.organisationId);
      expect(await signInAs(harness.store, await accountOf(root.userId))).toEqual({
        userId: root.userId,
        role: 'ADMIN',
      });
    });

    it('throws ForbiddenError when an ICB administrator tries to make a national administrator', async () => {
      await expect(createStaffUser(deps, adminA, { email: email(), name: 'Root', role: 'ADMIN' })).rejects.toThrow(
        ForbiddenError,
      );
    });

    it('throws ForbiddenError when the caller is not an administrator', async () => {
      const coordinator: Principal = { userId: 'coord', role: 'COORDINATOR', pcnId: pcnA.organisationId };

      await expect(linkWorker(coordinator)).rejects.toThrow(ForbiddenError);
    });

    it("throws naming the e-mail when it belongs to a colleague, leaving the colleague's account as it was", async () => {
      const colleague = await linkWorker();

      const attempt = createStaffUser(deps, adminA, {
        email: colleague.email,
        name: 'Impostor',
        role: 'ADMIN',
        organisationId: icbA.organisationId,
      });

      await expect(attempt).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
      expect(await accountOf(colleague.userId)).toMatchObject({
        roles: ['LINK_WORKER'],
        organisationId: pcnA.organisationId,
      });
    });

    it('leaves no account and no staff record when the staff record cannot be written', async () => {
      const address = email('half-way');
      const fault = failNextStaffRecordWrite(harness.store);

      const attempt = createStaffUser(deps, adminA, {
        email: address,
        name: 'Half Way',
        role: 'COORDINATOR',
        organisationId: pcnA2.organisationId,
      });

      await expect(attempt).rejects.toThrow(injectedFault);
      expect(fault.fired()).toBe(true);
      expect(await harness.accountEmails()).not.toContain(address);
      expect(await identity.listStaffByOrganisation(pcnA2.organisationId)).toEqual([]);
      expect(log.entries.map((entry) => entry.message)).toEqual([
        'Sign-in account removed after its staff record could not be written',
      ]);
    });

    it('finishes, on a retry, an account that a create could not clean up after itself', async () => {
      const address = email('retry');
      failNextStaffRecordWrite(harness.store);
      const input = {
        email: address,
        name: 'Re Try',
        role: 'PROVIDER',
        organisationId: undefined as string | undefined,
      };
      const provider = await registerOrganisation(
        { identity, clock: deps.clock, newId: createIdGenerator() },
        { kind: 'PROVIDER', name: 'Walking Group CIC', parentId: icbA.organisationId },
      );
      input.organisationId = provider.organisationId;
      const failing = { ...deps, accounts: accountsFailing('deleteAccount') };

      await expect(createStaffUser(failing, adminA, input)).rejects.toThrow(injectedFault);
      expect(await harness.accountEmails()).toContain(address);
      expect(log.entries.at(-1)).toMatchObject({
        level: 'error',
        fields: { error: 'ElectroError < InternalServerError' },
      });
      const user = await createStaffUser(deps, adminA, input);

      expect(await identity.getStaffUser(user.userId)).toEqual(user);
      expect((await harness.accountEmails()).filter((candidate) => candidate === address)).toHaveLength(1);
      expect(await signInAs(harness.store, await accountOf(user.userId))).toMatchObject({ role: 'PROVIDER' });
    });

    if (adapter === 'cognito') {
      it('leaves no account and no staff record when Cognito refuses the role group', async () => {
        const address = email('refused');
        const { emulator, userPoolId } = harness.cognito!;
        await emulator.client.send(new DeleteGroupCommand({ UserPoolId: userPoolId, GroupName: 'COMMISSIONER' }));

        const attempt = createStaffUser(deps, adminA, {
          email: address,
          name: 'Refused',
          role: 'COMMISSIONER',
          organisationId: icbA.organisationId,
        });

        await expect(attempt).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
        expect(await harness.accountEmails()).not.toContain(address);
        expect((await identity.listStaffByOrganisation(icbA.organisationId)).map((u) => u.role)).not.toContain(
          'COMMISSIONER',
        );
      });
    }
  });

  describe('updateStaffUser', () => {
    it('moves a link worker to another PCN: account claim and staff record together', async () => {
      const worker = await linkWorker();

      const moved = await updateStaffUser(deps, adminA, {
        userId: worker.userId,
        organisationId: pcnA2.organisationId,
      });

      expect(moved).toMatchObject({ pcnId: pcnA2.organisationId, practiceId: undefined, version: 1 });
      expect(await identity.getStaffUser(worker.userId)).toEqual(moved);
      expect(await signInAs(harness.store, await accountOf(worker.userId))).toMatchObject({
        pcnId: pcnA2.organisationId,
      });
      expect((await identity.listStaffByOrganisation(pcnA.organisationId)).map((u) => u.userId)).not.toContain(
        worker.userId,
      );
    });

    it('makes a link worker a coordinator of the same PCN, refusing the token that still says link worker', async () => {
      const worker = await linkWorker();
      const before = await accountOf(worker.userId);

      await updateStaffUser(deps, adminA, { userId: worker.userId, role: 'COORDINATOR' });

      await expect(signInAs(harness.store, before)).rejects.toThrow(UnauthenticatedError);
      expect(await signInAs(harness.store, await accountOf(worker.userId))).toMatchObject({ role: 'COORDINATOR' });
    });

    it('changes the name and clears the contact route without touching the account', async () => {
      const worker = await linkWorker();

      const renamed = await updateStaffUser(deps, adminA, {
        userId: worker.userId,
        name: 'Asha Patel-Jones',
        contactRoute: null,
      });

      expect(await identity.getStaffUser(worker.userId)).toEqual(renamed);
      expect(renamed).toMatchObject({ name: 'Asha Patel-Jones', contactRoute: undefined });
      expect(await accountOf(worker.userId)).toMatchObject({ roles: ['LINK_WORKER'] });
    });

    it('makes an administrator national when a national administrator clears their organisation', async () => {
      const admin = await createStaffUser(deps, national, {
        email: email(),
        name: 'North Admin',
        role: 'ADMIN',
        organisationId: icbA.organisationId,
      });

      const promoted = await updateStaffUser(deps, national, { userId: admin.userId, organisationId: null });

      expect(promoted).toMatchObject({ organisationId: undefined, icbId: undefined });
      expect(await signInAs(harness.store, await accountOf(admin.userId))).toEqual({
        userId: admin.userId,
        role: 'ADMIN',
      });
      expect((await identity.listStaffByOrganisation(icbA.organisationId)).map((u) => u.userId)).not.toContain(
        admin.userId,
      );
    });

    it('throws ForbiddenError for a user in another ICB, and for one that does not exist', async () => {
      const south = await createStaffUser(deps, national, {
        email: email(),
        name: 'South Worker',
        role: 'LINK_WORKER',
        organisationId: pcnB.organisationId,
      });

      await expect(updateStaffUser(deps, adminA, { userId: south.userId, name: 'Renamed' })).rejects.toThrow(
        ForbiddenError,
      );
      await expect(updateStaffUser(deps, adminA, { userId: 'no-such-user', name: 'X' })).rejects.toThrow(
        ForbiddenError,
      );
      expect((await identity.getStaffUser(south.userId))?.name).toBe('South Worker');
    });

    it('throws naming the organisation when an ICB administrator moves someone into another ICB', async () => {
      const worker = await linkWorker();

      await expect(
        updateStaffUser(deps, adminA, { userId: worker.userId, organisationId: pcnB.organisationId }),
      ).rejects.toMatchObject({ field: 'organisationId' });
      expect(await accountOf(worker.userId)).toMatchObject({ organisationId: pcnA.organisationId });
    });

    it('throws ForbiddenError when administrators change their own role', async () => {
      const admin = await createStaffUser(deps, national, {
        email: email(),
        name: 'North Admin',
        role: 'ADMIN',
        organisationId: icbA.organisationId,
      });
      const self: Principal = { ...adminA, userId: admin.userId };

      await expect(updateStaffUser(deps, self, { userId: admin.userId, role: 'COMMISSIONER' })).rejects.toThrow(
        ForbiddenError,
      );
    });

    it('sets the account back to match the staff record when the record cannot be written', async () => {
      const worker = await linkWorker();
      failNextStaffRecordWrite(harness.store);

      const attempt = updateStaffUser(deps, adminA, { userId: worker.userId, role: 'COORDINATOR' });

      await expect(attempt).rejects.toThrow(injectedFault);
      expect(await identity.getStaffUser(worker.userId)).toEqual(worker);
      expect(await signInAs(harness.store, await accountOf(worker.userId))).toMatchObject({ role: 'LINK_WORKER' });
    });

    it('throws a conflict, and keeps the other edit, when the record changed after it was read', async () => {
      const worker = await linkWorker();
      const stale = { ...deps, identity: Object.create(identity) as DynamoDbIdentityRepository };
      stale.identity.getStaffUser = async () => worker;
      await updateStaffUser(deps, adminA, { userId: worker.userId, name: 'First Edit' });

      const attempt = updateStaffUser(stale, adminA, { userId: worker.userId, organisationId: pcnA2.organisationId });

      await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await identity.getStaffUser(worker.userId)).toMatchObject({
        name: 'First Edit',
        pcnId: pcnA.organisationId,
      });
      expect(await signInAs(harness.store, await accountOf(worker.userId))).toMatchObject({
        organisationId: pcnA.organisationId,
      });
    });
  });

  describe('deactivateStaffUser and reactivateStaffUser', () => {
    it('refuses the deactivated user at once, disables the account, and lets them back in on reactivation', async () => {
      const worker = await linkWorker();
      const account = await accountOf(worker.userId);

      const inactive = await deactivateStaffUser(deps, adminA, worker.userId);

      expect(inactive.active).toBe(false);
      expect(await identity.getStaffUser(worker.userId)).toEqual(inactive);
      expect((await accountOf(worker.userId)).enabled).toBe(false);
      await expect(signInAs(harness.store, account)).rejects.toThrow(UnauthenticatedError);

      const active = await reactivateStaffUser(deps, adminA, worker.userId);

      expect(active).toMatchObject({ active: true, role: 'LINK_WORKER', pcnId: pcnA.organisationId });
      expect((await accountOf(worker.userId)).enabled).toBe(true);
      expect(await signInAs(harness.store, account)).toMatchObject({ userId: worker.userId });
    });

    it('keeps the user refused when the account cannot be disabled, and a retry finishes the job', async () => {
      const worker = await linkWorker();
      const account = await accountOf(worker.userId);

      await expect(
        deactivateStaffUser({ ...deps, accounts: accountsFailing('disable') }, adminA, worker.userId),
      ).rejects.toMatchObject({ name: 'ServiceUnavailable' });

      await expect(signInAs(harness.store, account)).rejects.toThrow(UnauthenticatedError);
      expect(log.entries.at(-1)).toMatchObject({ level: 'error', fields: { userId: worker.userId } });
      await deactivateStaffUser(deps, adminA, worker.userId);
      expect((await accountOf(worker.userId)).enabled).toBe(false);
    });

    it('disables the account again when reactivation cannot write the staff record', async () => {
      const worker = await linkWorker();
      await deactivateStaffUser(deps, adminA, worker.userId);
      failNextStaffRecordWrite(harness.store);

      await expect(reactivateStaffUser(deps, adminA, worker.userId)).rejects.toThrow(injectedFault);

      expect((await identity.getStaffUser(worker.userId))?.active).toBe(false);
      expect((await accountOf(worker.userId)).enabled).toBe(false);
    });

    it('throws ForbiddenError when administrators deactivate themselves, or someone outside their ICB', async () => {
      const south = await createStaffUser(deps, national, {
        email: email(),
        name: 'South Worker',
        role: 'LINK_WORKER',
        organisationId: pcnB.organisationId,
      });
      const admin = await createStaffUser(deps, national, {
        email: email(),
        name: 'North Admin',
        role: 'ADMIN',
        organisationId: icbA.organisationId,
      });

      await expect(deactivateStaffUser(deps, { ...adminA, userId: admin.userId }, admin.userId)).rejects.toThrow(
        ForbiddenError,
      );
      await expect(deactivateStaffUser(deps, adminA, south.userId)).rejects.toThrow(ForbiddenError);
      expect((await accountOf(south.userId)).enabled).toBe(true);
    });
  });
});
