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

  /** Records `count` READ events for one patient in the same tick, as a caseload page does. */
  const recordTogether = (log: DynamoDbAuditLog, patientId: string, count: number) =>
    Promise.all(
      Array.from({ length: count }, (_, i) =>
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

  async function storedEntityIds(log: DynamoDbAuditLog, patientId: string): Promise<string[]> {
    const first = await log.listByPatient(patientId, 100);
    const rest = first.hasNextPage ? (await log.listByPatient(patientId, 100, first.endCursor)).items : [];
    return [...first.items, ...rest].map((event) => event.entityId);
  }

  it.each([
    // Up to 25 fit one BatchWriteItem.
    {
      path: 'up to 25 in one BatchWriteItem',
      patientId: 'PATIENT-SMALL-PAGE',
      count: 25,
      requests: { BatchWriteItemCommand: 1 },
    },
    // 100 in one transaction, then the 30 left over: more than one BatchWriteItem holds, so a transaction too.
    {
      path: 'more than 25 in transactions of up to 100',
      patientId: 'PATIENT-BATCH',
      count: 130,
      requests: { TransactWriteItemsCommand: 2 },
    },
  ])(
    'writes records made in the same tick $path, each resolved once written',
    async ({ patientId, count, requests: expected }) => {
      const log = new DynamoDbAuditLog(world.store, world.newId);
      requests.reset();

      await recordTogether(log, patientId, count);

      expect(requests.counts.byCommand).toEqual(expected);
      const entityIds = await storedEntityIds(log, patientId);
      expect(entityIds.sort()).toEqual(Array.from({ length: count }, (_, i) => `R${i}`).sort());
    },
  );

  it('sends again what DynamoDB leaves unprocessed, until every record is stored', async () => {
    const log = new DynamoDbAuditLog(world.store, world.newId);
    // The first two BatchWriteItems reach DynamoDB Local with only their first put; the rest come back unprocessed,
    // as DynamoDB returns them when a partition is throttled.
    let cut = 2;
    const name = `auditUnprocessed${Math.random()}`;
    world.store.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'BatchWriteItemCommand' || cut === 0) return next(args);
        cut -= 1;
        const input = args.input as { RequestItems: Record<string, unknown[]> };
        const [table, puts] = Object.entries(input.RequestItems)[0]!;
        const result = await next({ ...args, input: { ...input, RequestItems: { [table]: puts.slice(0, 1) } } });
        (result.output as { UnprocessedItems?: unknown }).UnprocessedItems = { [table]: puts.slice(1) };
        return result;
      },
      { step: 'initialize', name },
    );
    requests.reset();
    try {
      await recordTogether(log, 'PATIENT-UNPROCESSED', 5);
    } finally {
      world.store.client.middlewareStack.remove(name);
    }

    expect(requests.counts.byCommand).toEqual({ BatchWriteItemCommand: 3 });
    expect((await storedEntityIds(log, 'PATIENT-UNPROCESSED')).sort()).toEqual(['R0', 'R1', 'R2', 'R3', 'R4']);
  });

  describe('when DynamoDB refuses a write', () => {
    /** Makes the next `failures.length` requests of this command fail with these errors before reaching DynamoDB Local. */
    function injectFailures(commandName: string, failures: Error[]) {
      const name = `auditFault${Math.random()}`;
      world.store.client.middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName === commandName && failures.length > 0) throw failures.shift();
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
    const recordAll = (log: DynamoDbAuditLog, patientId: string, count: number) =>
      Promise.allSettled(Array.from({ length: count }, (_, i) => log.record(event(patientId, `R${i}`))));
    const expected = (count: number) => Array.from({ length: count }, (_, i) => `R${i}`).sort();

    describe.each([
      {
        path: 'a batch (up to 25 records)',
        count: 2,
        command: 'BatchWriteItemCommand',
        transient: [error('ProvisionedThroughputExceededException'), error('ThrottlingException')],
      },
      {
        path: 'a transaction (more than 25 records)',
        count: 30,
        command: 'TransactWriteItemsCommand',
        transient: [
          error('TransactionCanceledException', {
            CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }],
          }),
          error('ProvisionedThroughputExceededException'),
          error('TransactionCanceledException', { CancellationReasons: [{ Code: 'TransactionConflict' }] }),
        ],
      },
    ])('in $path', ({ count, command, transient }) => {
      it('retries throttling and conflicts, and writes each event once', async () => {
        const log = new DynamoDbAuditLog(world.store, world.newId);
        const patientId = `PATIENT-RETRY-${count}`;
        const remove = injectFailures(command, [...transient]);
        try {
          const results = await recordAll(log, patientId, count);
          expect(results.every((result) => result.status === 'fulfilled')).toBe(true);
        } finally {
          remove();
        }

        expect((await storedEntityIds(log, patientId)).sort()).toEqual(expected(count));
      });

      it('rejects every caller of the batch, writing nothing, on an error that retrying cannot fix', async () => {
        const log = new DynamoDbAuditLog(world.store, world.newId);
        const patientId = `PATIENT-REFUSED-${count}`;
        const remove = injectFailures(command, [error('ValidationException')]);
        try {
          const results = await recordAll(log, patientId, count);
          expect(results.map((result) => result.status)).toEqual(Array(count).fill('rejected'));
        } finally {
          remove();
        }

        expect(await storedEntityIds(log, patientId)).toEqual([]);
      });
    });

    it('rejects every caller when DynamoDB never processes part of a batch, so no response leaves unaudited', async () => {
      const log = new DynamoDbAuditLog(world.store, world.newId);
      const sent: number[] = [];
      const name = `auditNeverProcessed${Math.random()}`;
      world.store.client.middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName !== 'BatchWriteItemCommand') return next(args);
          const input = args.input as { RequestItems: Record<string, unknown[]> };
          const [table, puts] = Object.entries(input.RequestItems)[0]!;
          sent.push(puts.length);
          // The first request stores its first put; after that DynamoDB processes nothing.
          if (sent.length > 1) return { output: { UnprocessedItems: { [table]: puts }, $metadata: {} }, response: {} };
          const result = await next({ ...args, input: { ...input, RequestItems: { [table]: puts.slice(0, 1) } } });
          (result.output as { UnprocessedItems?: unknown }).UnprocessedItems = { [table]: puts.slice(1) };
          return result;
        },
        { step: 'initialize', name },
      );
      try {
        const results = await recordAll(log, 'PATIENT-NEVER', 3);
        expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
      } finally {
        world.store.client.middlewareStack.remove(name);
      }
      // Six tries, the first with all three puts and every later one with the two left; one of three was stored.
      expect(sent).toEqual([3, 2, 2, 2, 2, 2]);
      expect(await storedEntityIds(log, 'PATIENT-NEVER')).toEqual(['R0']);
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
