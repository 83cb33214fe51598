import { fictionalNhsNumber } from '../../../functions/shared/nhs-number';
import { dramaMobile } from '../../../functions/shared/phone';
import { countRequests, type RequestCounts } from '../../../scripts/lib/request-counter';
import { recordWrites, writeCopies } from '../../support/copies';
import {
  accept,
  createWalk,
  type Data,
  newReferral,
  ok,
  PRESCRIBE,
  RECORD_OUTCOME,
  SCHEDULE,
} from './follow-up-support';
import { createHarness, type Harness } from './harness';

/** What a frontend shows on a caseload row: all of it travels on the referral item (its caseload projection). */
const CASELOAD_PAGE = `query Caseload($first: Int) {
  caseload(first: $first) {
    edges { node {
      id
      status
      concernOpen
      patient { id name }
      nextCheckIn { id scheduledFor status dueAt wave }
      latestOutcomes { key value measuredAt }
      activeActivities(first: 3) { edges { node { id name } } }
    } }
    pageInfo { hasNextPage }
  }
}`;

/** The same rows with one field more of each related record than the row holds: those are read from their items. */
const CASELOAD_PAGE_IN_FULL = `query CaseloadInFull($first: Int) {
  caseload(first: $first) {
    edges { node {
      id
      status
      concernOpen
      patient { id name ... on Patient { familyName } }
      nextCheckIn { id scheduledFor status dueAt wave questionIndex }
      latestOutcomes { key value measuredAt }
      activeActivities(first: 3) { edges { node { id name category } } }
    } }
    pageInfo { hasNextPage }
  }
}`;

const UPDATE_CONTACT = `mutation Contact($input: UpdatePatientContactInput!) {
  updatePatientContact(input: $input) { id name }
}`;

const RENAME_ACTIVITY = `mutation Rename($input: UpdateActivityInput!) { updateActivity(input: $input) { id name } }`;

const REFERRALS = 105;

/**
 * Reads only: the audit trail writes one event per patient on the page, all in one request (a BatchWriteItem for up
 * to 25, a transaction above that).
 */
function reads(counts: RequestCounts): Record<string, number> {
  const { TransactWriteItemsCommand: _transaction, BatchWriteItemCommand: _batch, ...rest } = counts.byCommand;
  return rest;
}

describe('caseload page cost (DynamoDB Local, counted through SDK middleware)', () => {
  let h: Harness;
  let counter: ReturnType<typeof countRequests>;

  async function referralWithCheckInAndOutcome(seed: number): Promise<void> {
    const { id: referralId } = await newReferral(h, seed);
    await ok(
      h.gql(h.staff.LINK_WORKER, SCHEDULE, {
        input: { referralId, wave: 'AD_HOC', dueAt: `2026-04-01T10:${String(seed % 60).padStart(2, '0')}:00Z` },
      }),
    );
    await ok(
      h.gql(h.staff.LINK_WORKER, RECORD_OUTCOME, {
        input: { referralId, wave: 'AD_HOC', answers: [{ instrument: 'ONS4', item: 'happiness', value: 6 }] },
      }),
    );
  }

  beforeAll(async () => {
    h = await createHarness();
    // 105 referrals on one caseload, each with a check-in scheduled and an outcome recorded. This is about what a page
    // costs, not about making them: the first goes through GraphQL, the other 104 are copies of the items it wrote
    // (test/support/copies.ts), each with its own ids, patient and mobile.
    const template = await recordWrites(h.store, () => referralWithCheckInAndOutcome(200));
    const patientOf = (seed: number) => ({
      nhsNumber: fictionalNhsNumber(seed),
      givenName: `Given${seed}`,
      mobile: dramaMobile(seed),
    });
    const copies = Array.from({ length: REFERRALS - 1 }, (_, i) => {
      const [from, to] = [patientOf(200), patientOf(201 + i)];
      return { [from.nhsNumber]: to.nhsNumber, [from.givenName]: to.givenName, [from.mobile]: to.mobile };
    });
    await writeCopies(h.store, template, copies);
    // A few rows with an activity prescribed, so the row's activity names are exercised too.
    walkId = await createWalk(h);
    const data = await ok(h.gql(h.staff.LINK_WORKER, CASELOAD_PAGE, { first: 5 }));
    for (const edge of data.caseload.edges as Data[]) {
      await accept(h, edge.node.id);
      await ok(
        h.gql(h.staff.LINK_WORKER, PRESCRIBE, {
          input: { referralId: edge.node.id, activityId: walkId, startDate: '2026-03-10' },
        }),
      );
    }
    counter = countRequests(h.store.client);
  }, 120_000);
  afterAll(() => h.close());

  let walkId: string;

  async function page(first: number, query = CASELOAD_PAGE): Promise<{ rows: Data[]; counts: RequestCounts }> {
    counter.reset();
    const data = await ok(h.gql(h.staff.LINK_WORKER, query, { first }));
    return { rows: data.caseload.edges.map((edge: Data) => edge.node), counts: counter.reset() };
  }

  /** A row as the projection answers it, from a row of the in-full page. */
  function asRow(full: Data): Data {
    return {
      ...full,
      patient: { id: full.patient.id, name: full.patient.name },
      nextCheckIn: full.nextCheckIn && {
        id: full.nextCheckIn.id,
        scheduledFor: full.nextCheckIn.scheduledFor,
        status: full.nextCheckIn.status,
        dueAt: full.nextCheckIn.dueAt,
        wave: full.nextCheckIn.wave,
      },
      activeActivities: {
        edges: full.activeActivities.edges.map((edge: Data) => ({ node: { id: edge.node.id, name: edge.node.name } })),
      },
    };
  }

  it('returns every row field for 10 and for 100 rows in one Query, the caller and the audit write', async () => {
    const ten = await page(10);
    const hundred = await page(100);

    for (const { rows } of [ten, hundred]) {
      for (const row of rows) {
        expect(row.patient.name).toMatch(/^Given\d+ Example$/);
        expect(row.nextCheckIn).toEqual(
          expect.objectContaining({ status: 'WAITING', scheduledFor: expect.any(String) }),
        );
        expect(row.latestOutcomes).toEqual([expect.objectContaining({ key: 'ONS4.happiness', value: '6' })]);
      }
    }
    expect(hundred.rows.filter((row) => row.activeActivities.edges.length > 0)).toHaveLength(5);
    expect(ten.rows).toHaveLength(10);
    expect(hundred.rows).toHaveLength(100);
    // Staff user (authentication) and the caseload Query; nothing per row, nothing per related record.
    expect(reads(ten.counts)).toEqual({ GetItemCommand: 1, QueryCommand: 1 });
    expect(reads(hundred.counts)).toEqual(reads(ten.counts));
    // Audit events (one per patient read) go in one write request, whatever the page size: a BatchWriteItem while
    // they fit one (25), a transaction above that.
    expect(ten.counts.byCommand).toMatchObject({ BatchWriteItemCommand: 1 });
    expect(ten.counts.byCommand.TransactWriteItemsCommand).toBeUndefined();
    expect(hundred.counts.byCommand).toMatchObject({ TransactWriteItemsCommand: 1 });
    expect(hundred.counts.byCommand.BatchWriteItemCommand).toBeUndefined();
    expect([ten.counts.requests, hundred.counts.requests]).toEqual([3, 3]);
  });

  it('returns the same rows from the projection as from the records themselves', async () => {
    const projected = await page(100);
    const inFull = await page(100, CASELOAD_PAGE_IN_FULL);

    expect(projected.rows).toEqual(inFull.rows.map(asRow));
    // Asking for more than a row holds reads the patients, check-ins and activities (one BatchGetItem each).
    expect(reads(inFull.counts)).toEqual({ GetItemCommand: 1, QueryCommand: 1, BatchGetItemCommand: 3 });
    // Either way, one audit write for the page.
    expect(inFull.counts.byCommand.TransactWriteItemsCommand).toBe(1);
  });

  it('returns the new name on every caseload row after the person or the activity is renamed', async () => {
    const before = (await page(100)).rows;
    const prescribed = before.find((row) => row.activeActivities.edges.length > 0)!;
    await ok(
      h.gql(h.staff.LINK_WORKER, UPDATE_CONTACT, {
        input: { patientId: prescribed.patient.id, preferredName: 'Bobbie' },
      }),
    );
    await ok(h.gql(h.staff.COORDINATOR, RENAME_ACTIVITY, { input: { id: walkId, name: 'Riverside Stroll' } }));

    const after = await page(100);
    const renamed = after.rows.find((row) => row.id === prescribed.id)!;
    expect(renamed.patient.name).toBe('Bobbie Example');
    for (const row of after.rows.filter((r) => r.activeActivities.edges.length > 0)) {
      expect(row.activeActivities.edges).toEqual([{ node: { id: walkId, name: 'Riverside Stroll' } }]);
    }
    expect(after.rows).toEqual((await page(100, CASELOAD_PAGE_IN_FULL)).rows.map(asRow));
  });
});
