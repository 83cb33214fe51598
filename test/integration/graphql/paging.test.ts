import { type Data, newReferral, ok } from './follow-up-support';
import { createHarness, type Harness } from './harness';

const CASELOAD = `query Caseload($first: Int, $after: String, $linkWorkerId: ID) {
  caseload(first: $first, after: $after, linkWorkerId: $linkWorkerId, sort: LAST_CONTACT) {
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

const EVENTS = `query Events($id: ID!, $after: String) {
  referral(id: $id) { events(first: 1, after: $after) { edges { cursor node { id kind } } } }
}`;

/*
 * Relay paging through the Lambda handler: every edge carries its own cursor, which resumes right after that edge;
 * cursors are sealed, so a changed one, one from another list, or one from the same list of another record or
 * caseload, is BAD_USER_INPUT naming `after`, never a page of something else.
 */
describe('paging through GraphQL', () => {
  let h: Harness;
  let referralIds: string[];

  beforeAll(async () => {
    h = await createHarness();
    referralIds = [];
    for (const seed of [401, 402, 403, 404, 405]) referralIds.push((await newReferral(h, seed)).id);
    await newReferral(h, 406, h.staff.otherLinkWorker);
  });
  afterAll(() => h.close());

  const caseload = (variables: Record<string, unknown>, user = h.staff.LINK_WORKER) =>
    h.gql<Data>(user, CASELOAD, variables);

  it('returns a cursor on every edge that resumes right after that edge', async () => {
    const page = (await ok(caseload({ first: 4 }))).caseload;
    const ids: string[] = page.edges.map((edge: Data) => edge.node.id);

    const following: string[] = [];
    for (const edge of page.edges) {
      const next = (await ok(caseload({ first: 1, after: edge.cursor }))).caseload;
      following.push(next.edges[0].node.id);
    }

    expect(following).toEqual([...ids.slice(1), expect.any(String)]);
    expect(new Set([...ids, following[3]]).size).toBe(5);
    expect(new Set(page.edges.map((edge: Data) => edge.cursor)).size).toBe(4);
  });

  it('returns pageInfo per the Relay spec', async () => {
    const first = (await ok(caseload({ first: 3 }))).caseload;
    const rest = (await ok(caseload({ first: 3, after: first.pageInfo.endCursor }))).caseload;

    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0].cursor,
      endCursor: first.edges[2].cursor,
    });
    expect(rest.edges).toHaveLength(2);
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true, endCursor: rest.edges[1].cursor });
    expect([...first.edges, ...rest.edges].map((edge: Data) => edge.node.id).sort()).toEqual([...referralIds].sort());
  });

  it('throws BAD_USER_INPUT naming after for a cursor with one character changed', async () => {
    const { endCursor } = (await ok(caseload({ first: 2 }))).caseload.pageInfo;
    const middle = Math.floor(endCursor.length / 2);
    const tampered = endCursor.slice(0, middle) + (endCursor[middle] === 'A' ? 'B' : 'A') + endCursor.slice(middle + 1);

    const response = await caseload({ first: 2, after: tampered });

    expect(response.json.data).toBeNull();
    expect(response.json.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(response.raw).not.toContain(tampered);
  });

  it('throws BAD_USER_INPUT naming after for a cursor given out by another list', async () => {
    const events = await ok(h.gql(h.staff.LINK_WORKER, EVENTS, { id: referralIds[0] }));
    const eventsCursor = events.referral.events.edges[0].cursor;

    const onCaseload = await caseload({ first: 2, after: eventsCursor });
    const onAnotherReferral = await h.gql(h.staff.LINK_WORKER, EVENTS, { id: referralIds[1], after: eventsCursor });

    expect(onCaseload.json.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(onAnotherReferral.json.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it("throws BAD_USER_INPUT naming after for a cursor of another link worker's caseload", async () => {
    const coordinator = h.staff.COORDINATOR;
    const mine = (await ok(caseload({ first: 1, linkWorkerId: h.staff.LINK_WORKER.userId }, coordinator))).caseload;

    const response = await caseload(
      { first: 1, after: mine.pageInfo.endCursor, linkWorkerId: h.staff.otherLinkWorker.userId },
      coordinator,
    );

    expect(response.json.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
