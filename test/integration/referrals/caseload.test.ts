import {
  createReferral,
  getCaseload,
  type NewPatientInput,
  type Referral,
  transitionReferral,
} from '../../../functions/referrals';
import { ForbiddenError, ValidationError } from '../../../functions/shared/errors';
import { countRequests } from '../../../scripts/lib/request-counter';
import { recordWrites, writeCopies } from '../../support/copies';
import { buildWorld, newPatient, type World } from './world';

const DAY = 86_400_000;

describe('getCaseload (DynamoDB Local)', () => {
  let world: World;
  let requests: ReturnType<typeof countRequests>;

  beforeAll(async () => {
    world = await buildWorld();
    requests = countRequests(world.store.client);
  });
  afterAll(() => world.table.drop());

  const checkInAt = (inDays: number) => new Date(world.clock.now().getTime() + inDays * DAY).toISOString();

  async function referFor(
    linkWorker: 'lw1' | 'lw2',
    nextCheckInInDays?: number,
    patient: NewPatientInput = newPatient(),
  ): Promise<Referral> {
    const { referral } = await createReferral(world.deps, world.as.coordA, {
      practiceId: world.practiceA.organisationId,
      source: 'GP',
      needs: ['LONELINESS_ISOLATION'],
      newPatient: patient,
      linkWorkerId: world.users[linkWorker].userId,
    });
    if (nextCheckInInDays === undefined) return referral;
    const at = checkInAt(nextCheckInInDays);
    // As the follow-up engine announces a scheduled check-in; the referrals context keeps the caseload row.
    await world.linkwork.events.publish({
      type: 'NextCheckInChanged',
      referralId: referral.referralId,
      next: { at, checkInId: world.newId() },
      at: world.clock.now().toISOString(),
    });
    return (await world.deps.referrals.getReferral(referral.referralId))!;
  }

  const key = (referral: Referral) => `${referral.nextCheckInSort}|${referral.referralId}`;

  describe('paging a caseload of 250', () => {
    let original: Referral[];

    beforeAll(async () => {
      // Two in three have a check-in scheduled (1–60 days ahead); the rest sort last. This is about paging, not
      // creating: one referral of each kind goes through the use cases (and the referrals added between pages below),
      // the other 248 are copies of the items those wrote, with their own ids, patient and check-in time.
      const inDays = (i: number) => (i % 3 === 0 ? undefined : 1 + ((i * 7) % 60));
      const template = async (days: number | undefined) => {
        const patient = newPatient();
        return { patient, days, ...(await recordWrites(world.store, () => referFor('lw1', days, patient))) };
      };
      const templates = [await template(inDays(0)), await template(inDays(1))];
      const copies = Array.from({ length: 248 }, (_, i) => {
        const days = inDays(i + 2);
        const from = templates[days === undefined ? 0 : 1]!;
        const patient = newPatient();
        const replacements: Record<string, string> = {
          [from.patient.nhsNumber]: patient.nhsNumber,
          [from.patient.familyName]: patient.familyName,
          [from.patient.mobile!]: patient.mobile!,
        };
        if (from.days !== undefined && days !== undefined) replacements[checkInAt(from.days)] = checkInAt(days);
        return { from, replacements };
      });
      const ids = templates.map(({ result }) => result.referralId);
      for (const from of templates) {
        const mine = copies.filter((copy) => copy.from === from);
        // Ids from the application's generator: referrals added later must sort after these, as in production.
        const renames = await writeCopies(
          world.store,
          from,
          mine.map((copy) => copy.replacements),
          { newId: world.newId },
        );
        ids.push(...renames.map((rename) => rename(from.result.referralId)));
      }
      original = (await world.deps.referrals.getReferrals(ids)).map((referral) => referral!);
      expect(original).toHaveLength(250);
    }, 120_000);

    it.each([10, 100])(
      'returns every referral exactly once in check-in order at page size %i while referrals are added between pages',
      async (first) => {
        const seen: Referral[] = [];
        const added: Referral[] = [];
        let after: string | undefined;
        let hasNextPage = true;
        for (let page = 0; hasNextPage; page++) {
          const result = await getCaseload(world.deps, world.as.lw1, { first, after });
          expect(result.items.length).toBeLessThanOrEqual(first);
          seen.push(...result.items);
          ({ hasNextPage } = result);
          after = result.endCursor;
          // Concurrent inserts: one due before the cursor (must not disturb paging), one due after it, one with none.
          if (page < 4 && hasNextPage)
            added.push(...(await Promise.all([referFor('lw1', 0.5), referFor('lw1', 59.5), referFor('lw1')])));
        }

        const ids = seen.map((referral) => referral.referralId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toEqual(expect.arrayContaining(original.map((referral) => referral.referralId)));
        const keys = seen.map(key);
        expect(keys).toEqual([...keys].sort());
        // Referrals added without a check-in sort after every cursor position, so each must be seen: no gaps.
        const addedLast = added.filter((referral) => referral.nextCheckInSort === '~');
        expect(ids).toEqual(expect.arrayContaining(addedLast.map((referral) => referral.referralId)));
        original.push(...added);
      },
      120_000,
    );

    it('costs the same number of requests for a page of 10 as for a page of 100: one Query, one audit write', async () => {
      const cost = async (first: number) => {
        requests.reset();
        const page = await getCaseload(world.deps, world.as.lw1, { first });
        expect(page.items).toHaveLength(first);
        const { byCommand, requests: total } = requests.counts;
        const auditWrites = (byCommand.TransactWriteItemsCommand ?? 0) + (byCommand.BatchWriteItemCommand ?? 0);
        return { queries: byCommand.QueryCommand ?? 0, reads: total - auditWrites, auditWrites };
      };

      const small = await cost(10);
      const large = await cost(100);

      expect(small.queries).toBe(1);
      expect(large.queries).toBe(1);
      expect(small.reads).toBe(large.reads);
      // The audit trail (one event per patient on the page) is one write request at either size.
      expect(small.auditWrites).toBe(1);
      expect(large.auditWrites).toBe(1);
      process.stdout.write(
        `caseload page request counts: size 10 ${JSON.stringify(small)}, size 100 ${JSON.stringify(large)}\n`,
      );
    });

    it('lets the link worker’s coordinator read it, but not another link worker, another PCN’s coordinator or a commissioner', async () => {
      const linkWorkerId = world.users.lw1.userId;

      await expect(getCaseload(world.deps, world.as.coordA, { linkWorkerId, first: 5 })).resolves.toMatchObject({
        hasNextPage: true,
      });
      for (const who of ['lw2', 'coordB', 'commissioner', 'provider', 'otherAdmin'] as const) {
        await expect(getCaseload(world.deps, world.as[who], { linkWorkerId, first: 5 })).rejects.toThrow(
          ForbiddenError,
        );
      }
    });

    it('throws a ValidationError above 100 per page or for a cursor from elsewhere', async () => {
      await expect(getCaseload(world.deps, world.as.lw1, { first: 101 })).rejects.toMatchObject({ field: 'first' });
      const other = await getCaseload(world.deps, world.as.lw1, { first: 2, sort: 'LAST_CONTACT' });
      await expect(getCaseload(world.deps, world.as.lw1, { first: 2, after: other.endCursor })).rejects.toThrow(
        ValidationError,
      );
      await expect(getCaseload(world.deps, world.as.lw1, { after: 'garbage' })).rejects.toMatchObject({
        field: 'after',
      });
    });
  });

  describe('filters and sorts', () => {
    let r: Record<'received' | 'contacted' | 'accepted' | 'active' | 'declined' | 'concerned', Referral>;

    beforeAll(async () => {
      const step = async (referral: Referral, ...path: Parameters<typeof transitionReferral>[2]['to'][]) => {
        let current = referral;
        for (const to of path) {
          world.clock.advance(60_000);
          current = await transitionReferral(world.deps, world.as.lw2, { referralId: referral.referralId, to });
        }
        return current;
      };
      const received = await referFor('lw2');
      const contacted = await step(await referFor('lw2', 1), 'CONTACTED');
      const accepted = await step(await referFor('lw2', 3), 'CONTACTED', 'ACCEPTED');
      const active = await step(await referFor('lw2', 2), 'CONTACTED', 'ACCEPTED', 'ACTIVE');
      const declined = await step(await referFor('lw2', 4), 'DECLINED');
      const concerned = await referFor('lw2', 5);
      const at = world.clock.now().toISOString();
      for (const { referralId } of [contacted, concerned]) {
        await world.linkwork.events.publish({
          type: 'ConcernRaised',
          referralId,
          reason: 'WORRYING_TEXT',
          text: { threadId: `patient-${referralId}`, at, inboundMessageId: `in-${referralId}` },
          at,
        });
      }
      r = { received, contacted, accepted, active, declined, concerned };
      // Generous: a loaded 2-core machine (CI) can take many times longer than an idle one.
    }, 120_000);

    const ids = (page: { items: Referral[] }) => page.items.map((referral) => referral.referralId);
    const lw2 = () => world.as.lw2;

    it('returns open referrals, soonest check-in first and unscheduled last, by default', async () => {
      const page = await getCaseload(world.deps, lw2());

      expect(ids(page)).toEqual([r.contacted, r.active, r.accepted, r.concerned, r.received].map((x) => x.referralId));
      expect(page.hasNextPage).toBe(false);
    });

    it('returns only the statuses asked for', async () => {
      const page = await getCaseload(world.deps, lw2(), { statuses: ['CONTACTED', 'ACCEPTED'] });

      expect(ids(page)).toEqual([r.contacted.referralId, r.accepted.referralId]);
    });

    it('returns closed referrals from the closed bucket when only closed statuses are asked for', async () => {
      const page = await getCaseload(world.deps, lw2(), { statuses: ['DECLINED', 'CLOSED'] });

      expect(ids(page)).toEqual([r.declined.referralId]);
    });

    it('throws a ValidationError when open and closed statuses are mixed', async () => {
      await expect(getCaseload(world.deps, lw2(), { statuses: ['ACTIVE', 'CLOSED'] })).rejects.toMatchObject({
        field: 'statuses',
      });
    });

    it('returns only open concerns, filling each page across rounds', async () => {
      const first = await getCaseload(world.deps, lw2(), { concernOnly: true, first: 1 });
      const second = await getCaseload(world.deps, lw2(), { concernOnly: true, first: 1, after: first.endCursor });

      expect([ids(first), first.hasNextPage]).toEqual([[r.contacted.referralId], true]);
      expect([ids(second), second.hasNextPage]).toEqual([[r.concerned.referralId], false]);
    });

    it('returns only check-ins due strictly before the time given, in either sort', async () => {
      // The accepted referral's check-in is due exactly then, so it is excluded.
      const due = r.accepted.nextCheckInAt!;

      const byCheckIn = await getCaseload(world.deps, lw2(), { checkInDueBefore: due });
      const byContact = await getCaseload(world.deps, lw2(), { checkInDueBefore: due, sort: 'LAST_CONTACT' });

      expect(ids(byCheckIn)).toEqual([r.contacted.referralId, r.active.referralId]);
      expect(ids(byContact)).toEqual([r.contacted.referralId, r.active.referralId]);
    });

    it('returns least recently contacted first, never-contacted last, when sorted by last contact', async () => {
      const page = await getCaseload(world.deps, lw2(), { sort: 'LAST_CONTACT' });

      expect(ids(page)).toEqual([r.contacted, r.accepted, r.active, r.received, r.concerned].map((x) => x.referralId));
    });
  });
});
