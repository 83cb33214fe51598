import { dramaMobile } from '../../../functions/shared/phone';
import { type Data, newReferral, ok } from './follow-up-support';
import { createHarness, type GraphQLResponse, type Harness } from './harness';
import { type Texting, texting } from './sms-support';

const CONCERN = `id status reasons raisedAt lastRaisedAt raisedCount acknowledgedAt acknowledgedBy { id }
  resolvedAt resolvedBy { id } action note texts { direction kind body }
  referral { id concernOpen concernRaisedAt openConcern { id } }`;

const OPEN_CONCERNS = `query Open($icbId: ID) {
  openConcerns(icbId: $icbId, first: 50) { edges { node { ${CONCERN} } } }
}`;
const ACKNOWLEDGE = `mutation Ack($id: ID!) { acknowledgeConcern(concernId: $id) { ${CONCERN} } }`;
const RESOLVE = `mutation Resolve($input: ResolveConcernInput!) { resolveConcern(input: $input) { ${CONCERN} } }`;
const REFERRAL_CONCERNS = `query R($id: ID!) {
  referral(id: $id) { concernOpen concernRaisedAt openConcern { id } concerns(first: 10) { edges { node {
    id status action note resolvedBy { id }
  } } } }
}`;
const AUDIT = `query Trail($patientId: ID!) {
  auditTrail(patientId: $patientId, first: 100) { edges { node { operation entities action } } }
}`;

const errorOf = (response: GraphQLResponse) => response.json.errors?.[0]?.extensions;

/*
 * The concern lifecycle through GraphQL, raised by worrying texts through the inbound Lambda handler with AWS's SNS
 * event shape: raised, joined, acknowledged, raised anew, resolved with the action and a note; scoped; audited.
 */
describe('concerns (GraphQL and the inbound SMS handler)', () => {
  let h: Harness;
  let engine: Texting;
  beforeAll(async () => {
    h = await createHarness();
    engine = texting(h);
  });
  afterAll(() => h.close());

  const open = async (as = h.staff.LINK_WORKER, icbId?: string): Promise<Data[]> =>
    (await ok(h.gql(as, OPEN_CONCERNS, icbId ? { icbId } : {}))).openConcerns.edges.map((edge: Data) => edge.node);

  it('returns the concern a worrying text raised, with later texts joined, until someone acknowledges it', async () => {
    const { id: referralId, patientId } = await newReferral(h, 501);
    const mobile = dramaMobile(501);

    expect(await engine.text(mobile, 'I feel like I want to end it all')).toBe('concern');
    h.clock.advance(60_000);
    expect(await engine.text(mobile, 'please call me')).toBe('concern');

    const [concern, ...others] = await open();
    expect(others).toEqual([]);
    expect(concern).toMatchObject({
      status: 'OPEN',
      reasons: ['WORRYING_TEXT'],
      raisedCount: 2,
      raisedAt: '2026-03-02T10:00:00.000Z',
      lastRaisedAt: '2026-03-02T10:01:00.000Z',
      acknowledgedBy: null,
      texts: [
        { direction: 'IN', kind: 'REPLY', body: 'I feel like I want to end it all' },
        { direction: 'IN', kind: 'REPLY', body: 'please call me' },
      ],
      referral: {
        id: referralId,
        concernOpen: true,
        concernRaisedAt: concern.raisedAt,
        openConcern: { id: concern.id },
      },
    });
    expect(engine.sms.to(mobile).filter((body) => body.includes('Samaritans'))).toHaveLength(2);

    // Acknowledged: then a new worrying text is news the link worker has not seen, so it is a concern of its own.
    const acknowledged = (await ok(h.gql(h.staff.LINK_WORKER, ACKNOWLEDGE, { id: concern.id }))).acknowledgeConcern;
    expect(acknowledged).toMatchObject({
      status: 'ACKNOWLEDGED',
      acknowledgedAt: '2026-03-02T10:01:00.000Z',
      acknowledgedBy: { id: h.staff.LINK_WORKER.userId },
    });
    expect(errorOf(await h.gql(h.staff.LINK_WORKER, ACKNOWLEDGE, { id: concern.id }))).toMatchObject({
      code: 'CONFLICT',
    });
    h.clock.advance(60 * 60_000);
    await engine.text(mobile, 'I cannot cope any more');
    const [first, second] = await open();
    expect([first.id, first.status, second.status, second.raisedCount]).toEqual([
      concern.id,
      'ACKNOWLEDGED',
      'OPEN',
      1,
    ]);

    // Resolving needs the action, and a note for OTHER; the row then shows the concern still open.
    const missingNote = await h.gql(h.staff.LINK_WORKER, RESOLVE, { input: { concernId: first.id, action: 'OTHER' } });
    expect(errorOf(missingNote)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const resolved = (
      await ok(
        h.gql(h.staff.LINK_WORKER, RESOLVE, {
          input: {
            concernId: first.id,
            action: 'CONTACTED_PERSON',
            note: 'Called her: safe, staying with her sister.',
          },
        }),
      )
    ).resolveConcern;
    expect(resolved).toMatchObject({
      status: 'RESOLVED',
      action: 'CONTACTED_PERSON',
      resolvedBy: { id: h.staff.LINK_WORKER.userId },
      referral: { concernOpen: true, concernRaisedAt: second.raisedAt, openConcern: { id: second.id } },
    });

    // Resolving an OPEN concern acknowledges it too; the caseload row is then clear.
    const last = (
      await ok(
        h.gql(h.staff.COORDINATOR, RESOLVE, {
          input: { concernId: second.id, action: 'INFORMED_GP', note: 'GP will call today.' },
        }),
      )
    ).resolveConcern;
    expect(last).toMatchObject({
      status: 'RESOLVED',
      acknowledgedBy: { id: h.staff.COORDINATOR.userId },
      referral: { concernOpen: false, concernRaisedAt: null, openConcern: null },
    });
    expect(await open()).toEqual([]);
    const history = (await ok(h.gql(h.staff.LINK_WORKER, REFERRAL_CONCERNS, { id: referralId }))).referral;
    expect(history.concerns.edges.map((edge: Data) => [edge.node.status, edge.node.action])).toEqual([
      ['RESOLVED', 'CONTACTED_PERSON'],
      ['RESOLVED', 'INFORMED_GP'],
    ]);

    // Each acknowledgement and resolution is on the patient's audit trail, naming the concern.
    const trail = (await ok(h.gql(h.staff.ADMIN, AUDIT, { patientId }))).auditTrail.edges.map(
      (edge: Data) => edge.node,
    );
    for (const [operation, id] of [
      ['acknowledgeConcern', concern.id],
      ['resolveConcern', first.id],
      ['resolveConcern', second.id],
    ]) {
      expect(trail).toContainEqual(
        expect.objectContaining({
          action: 'UPDATE',
          operation: expect.stringContaining(operation),
          entities: expect.arrayContaining([`concern:${id}`]),
        }),
      );
    }
  });

  it('returns concerns only in the caller’s scope, and moves them with a reassigned referral', async () => {
    const { id: referralId } = await newReferral(h, 502);
    await engine.text(dramaMobile(502), 'help me');
    const [concern] = await open();

    expect((await open(h.staff.COORDINATOR)).map((c) => c.id)).toEqual([concern.id]);
    expect((await open(h.staff.ADMIN)).map((c) => c.id)).toEqual([concern.id]);
    expect(await open(h.staff.otherLinkWorker)).toEqual([]);
    expect(await open(h.staff.otherPcnLinkWorker)).toEqual([]);
    for (const outsider of [h.staff.otherLinkWorker, h.staff.otherPcnLinkWorker, h.staff.COMMISSIONER]) {
      expect(errorOf(await h.gql(outsider, ACKNOWLEDGE, { id: concern.id }))).toMatchObject({ code: 'FORBIDDEN' });
    }
    const otherIcb = await h.gql(h.staff.ADMIN, OPEN_CONCERNS, { icbId: 'ICB-OTHER' });
    expect(errorOf(otherIcb)).toMatchObject({ code: 'FORBIDDEN', field: 'icbId' });

    await ok(
      h.gql(h.staff.COORDINATOR, 'mutation A($input: AssignReferralInput!) { assignReferral(input: $input) { id } }', {
        input: { referralId, linkWorkerId: h.staff.otherLinkWorker.userId },
      }),
    );

    expect((await open(h.staff.otherLinkWorker)).map((c) => c.id)).toEqual([concern.id]);
    expect(await open()).toEqual([]);
    await ok(h.gql(h.staff.otherLinkWorker, ACKNOWLEDGE, { id: concern.id }));
  });
});

describe('the unacknowledged-concern metric (dispatcher run)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('returns the working hours the oldest unacknowledged concern has waited, and 0 once acknowledged', async () => {
    const engine = texting(h);
    await newReferral(h, 503);
    await engine.text(dramaMobile(503), 'I want to die'); // Monday 10:00 GMT

    h.clock.set('2026-03-03T10:00:00Z'); // Tuesday 10:00: 8 working hours on Monday, 1 on Tuesday
    const waiting = await engine.dispatch();
    const [concern] = (await ok(h.gql(h.staff.LINK_WORKER, OPEN_CONCERNS))).openConcerns.edges;
    await ok(h.gql(h.staff.LINK_WORKER, ACKNOWLEDGE, { id: concern.node.id }));
    const acknowledged = await engine.dispatch();

    expect(waiting.oldestUnacknowledgedConcernWorkingHours).toBe(9);
    expect(acknowledged.oldestUnacknowledgedConcernWorkingHours).toBe(0);
  });
});
