import { fictionalNhsNumber } from '../../../functions/shared/nhs-number';
import { dramaMobile } from '../../../functions/shared/phone';
import { countRequests, type RequestCounts } from '../../../scripts/lib/request-counter';
import { recordWrites, writeCopies } from '../../support/copies';
import { type Data, newReferral, ok, RECORD_OUTCOME, SCHEDULE } from './follow-up-support';
import { createHarness, type Harness } from './harness';

const CASELOAD_PAGE = `query Caseload($first: Int) {
  caseload(first: $first) {
    edges { node {
      id
      patient { name }
      nextCheckIn { dueAt }
      latestOutcomes { key value measuredAt }
    } }
    pageInfo { hasNextPage }
  }
}`;

const REFERRALS = 105;

/** Reads only: the audit trail writes one event per patient on the page, all in one transaction. */
function reads(counts: RequestCounts): Record<string, number> {
  const { TransactWriteItemsCommand: _writes, ...rest } = counts.byCommand;
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
    counter = countRequests(h.store.client);
  }, 120_000);
  afterAll(() => h.close());

  async function page(first: number): Promise<{ rows: Data[]; counts: RequestCounts }> {
    counter.reset();
    const data = await ok(h.gql(h.staff.LINK_WORKER, CASELOAD_PAGE, { first }));
    return { rows: data.caseload.edges.map((edge: Data) => edge.node), counts: counter.reset() };
  }

  it('returns next check-ins and latest outcomes for 10 and for 100 rows with the same reads', async () => {
    const ten = await page(10);
    const hundred = await page(100);

    for (const { rows } of [ten, hundred]) {
      for (const row of rows) {
        expect(row.nextCheckIn?.dueAt).toMatch(/^2026-04-01T10:/);
        expect(row.latestOutcomes).toEqual([expect.objectContaining({ key: 'ONS4.happiness', value: '6' })]);
      }
    }
    expect(ten.rows).toHaveLength(10);
    expect(hundred.rows).toHaveLength(100);
    // Staff user (authentication), the caseload Query, one BatchGetItem each for patients and next check-ins.
    expect(reads(ten.counts)).toEqual({ GetItemCommand: 1, QueryCommand: 1, BatchGetItemCommand: 2 });
    expect(reads(hundred.counts)).toEqual(reads(ten.counts));
    // Audit events (one per patient read) go in one transaction, whatever the page size.
    expect(ten.counts.byCommand.TransactWriteItemsCommand).toBe(1);
    expect(hundred.counts.byCommand.TransactWriteItemsCommand).toBe(1);
    expect([ten.counts.requests, hundred.counts.requests]).toEqual([5, 5]);
  });
});
