import { DynamoDbAuditLog, getAuditTrail } from '../../../functions/audit';
import { createReferral, getCaseload, getPatient, getReferral } from '../../../functions/referrals';
import { ForbiddenError } from '../../../functions/shared/errors';
import { countRequests } from '../../../scripts/lib/request-counter';
import { buildWorld, newPatient, type World } from '../referrals/world';

describe('audit log (DynamoDB Local)', () => {
  let world: World;
  let requests: ReturnType<typeof countRequests>;

  beforeAll(async () => {
    world = await buildWorld();
    requests = countRequests(world.store.client);
  });
  afterAll(() => world.table.drop());

  async function referral() {
    const details = newPatient();
    const created = await createReferral(world.deps, world.as.lw1, {
      practiceId: world.practiceA.organisationId,
      source: 'GP',
      needs: ['MONEY_DEBT'],
      note: 'Worried about rent arrears',
      newPatient: details,
      linkWorkerId: world.users.lw1.userId,
    });
    return { ...created, details };
  }

  const trail = (patientId: string, first = 100, after?: string) =>
    getAuditTrail({ auditTrail: world.linkwork.audit, patients: world.deps.referrals }, world.as.admin, {
      patientId,
      first,
      after,
    });

  it('returns a READ event for each read of a patient or referral, after a CREATE', async () => {
    const { patientId, referral: created } = await referral();

    await getPatient(world.deps, world.as.lw1, { patientId });
    await getReferral(world.deps, world.as.coordA, { referralId: created.referralId });

    const { items } = await trail(patientId);
    expect(items.map((event) => [event.action, event.entityType, event.operation, event.actorUserId])).toEqual([
      ['CREATE', 'patient', 'createReferral', world.users.lw1.userId],
      ['CREATE', 'referral', 'createReferral', world.users.lw1.userId],
      ['READ', 'patient', 'getPatient', world.users.lw1.userId],
      ['READ', 'referral', 'getReferral', world.users.coordA.userId],
    ]);
  });

  it('holds ids only: no name, NHS number, phone number or note', async () => {
    const { patientId, details } = await referral();
    await getPatient(world.deps, world.as.lw1, { patientId });

    const text = JSON.stringify((await trail(patientId)).items);

    for (const secret of [details.givenName, details.familyName, details.nhsNumber, details.mobile!, 'rent arrears']) {
      expect(text).not.toContain(secret);
    }
  });

  it('records one event per patient on a caseload page, before the page is returned', async () => {
    const made = await Promise.all(Array.from({ length: 3 }, () => referral()));

    const page = await getCaseload(world.deps, world.as.lw1, { first: 100 });

    expect(page.items.length).toBeGreaterThanOrEqual(3);
    for (const { patientId } of made) {
      const { items } = await trail(patientId);
      expect(items.filter((event) => event.operation === 'getCaseload')).toHaveLength(1);
    }
  });

  it('writes records made in the same tick in one transaction of up to 100 events, each resolved once written', async () => {
    const log = new DynamoDbAuditLog(world.store, world.newId);
    const patientId = 'PATIENT-BATCH';
    requests.reset();

    await Promise.all(
      Array.from({ length: 130 }, (_, i) =>
        log.record({
          actorUserId: world.users.lw1.userId,
          actorRole: 'LINK_WORKER',
          action: 'READ',
          entityType: 'referral',
          entityId: `R${i}`,
          operation: 'test',
          patientId,
          at: world.clock.now().toISOString(),
        }),
      ),
    );

    expect(requests.counts.byCommand).toEqual({ TransactWriteItemsCommand: 2 });
    const first = await log.listByPatient(patientId, 100);
    const rest = await log.listByPatient(patientId, 100, first.endCursor);
    const entityIds = [...first.items, ...rest.items].map((event) => event.entityId);
    expect(new Set(entityIds)).toEqual(new Set(Array.from({ length: 130 }, (_, i) => `R${i}`)));
    expect(entityIds).toHaveLength(130);
  });

  describe('when DynamoDB refuses a transaction', () => {
    /** Makes the next `failures.length` TransactWriteItems fail with these errors before reaching DynamoDB Local. */
    function injectFailures(failures: Error[]) {
      const name = `auditFault${Math.random()}`;
      world.store.client.middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName === 'TransactWriteItemsCommand' && failures.length > 0) throw failures.shift();
          return next(args);
        },
        { step: 'initialize', name },
      );
      return () => world.store.client.middlewareStack.remove(name);
    }
    const error = (name: string, extra: object = {}) => Object.assign(new Error(name), { name, ...extra });
    const event = (patientId: string, entityId: string) => ({
      actorUserId: world.users.lw1.userId,
      actorRole: 'LINK_WORKER' as const,
      action: 'READ' as const,
      entityType: 'referral',
      entityId,
      operation: 'test',
      patientId,
      at: world.clock.now().toISOString(),
    });

    it('retries throttling and transaction conflicts, and writes each event once', async () => {
      const log = new DynamoDbAuditLog(world.store, world.newId);
      const remove = injectFailures([
        error('TransactionCanceledException', { CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }] }),
        error('ProvisionedThroughputExceededException'),
        error('TransactionCanceledException', { CancellationReasons: [{ Code: 'TransactionConflict' }] }),
      ]);
      try {
        await Promise.all([log.record(event('PATIENT-RETRY', 'R1')), log.record(event('PATIENT-RETRY', 'R2'))]);
      } finally {
        remove();
      }

      const { items } = await log.listByPatient('PATIENT-RETRY', 100);
      expect(items.map((item) => item.entityId).sort()).toEqual(['R1', 'R2']);
    });

    it('rejects every caller of the batch, writing nothing, on an error that retrying cannot fix', async () => {
      const log = new DynamoDbAuditLog(world.store, world.newId);
      const remove = injectFailures([error('ValidationException')]);
      try {
        const results = await Promise.allSettled([
          log.record(event('PATIENT-REFUSED', 'R1')),
          log.record(event('PATIENT-REFUSED', 'R2')),
        ]);
        expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
      } finally {
        remove();
      }

      expect((await log.listByPatient('PATIENT-REFUSED', 100)).items).toEqual([]);
    });
  });

  it('returns the trail a page at a time with no repeats', async () => {
    const { patientId } = await referral();
    for (let i = 0; i < 5; i++) await getPatient(world.deps, world.as.lw1, { patientId });

    const first = await trail(patientId, 4);
    const second = await trail(patientId, 4, first.endCursor);

    expect(first).toMatchObject({ hasNextPage: true });
    expect(second).toMatchObject({ hasNextPage: false });
    const ids = [...first.items, ...second.items].map((event) => event.auditId);
    expect(new Set(ids).size).toBe(7);
  });

  it('throws FORBIDDEN to anyone but an administrator of the patient’s ICB', async () => {
    const { patientId } = await referral();

    for (const who of ['lw1', 'coordA', 'commissioner', 'otherAdmin'] as const) {
      await expect(
        getAuditTrail({ auditTrail: world.linkwork.audit, patients: world.deps.referrals }, world.as[who], {
          patientId,
        }),
      ).rejects.toThrow(ForbiddenError);
    }
  });
});
