import { fictionalNhsNumber } from '../../../functions/shared/nhs-number';
import { dramaMobile } from '../../../functions/shared/phone';
import { CREATE_REFERRAL, type Data, newReferral, ok, SCHEDULE } from './follow-up-support';
import { createHarness, type GraphQLResponse, type Harness } from './harness';
import { type Texting, texting } from './sms-support';

const INBOX = `query Inbox($linkWorkerId: ID, $unassignedPcnId: ID, $handled: Boolean) {
  inbox(linkWorkerId: $linkWorkerId, unassignedPcnId: $unassignedPcnId, handled: $handled, first: 50) {
    edges { node { id reason body receivedAt handled handledAt handledBy { id } patient { id } referral { id } } }
  }
}`;
const MARK = `mutation Mark($id: ID!) {
  markInboxMessageHandled(inboxMessageId: $id) { id handled handledAt handledBy { id } }
}`;
const AUDIT = `query Trail($patientId: ID!) {
  auditTrail(patientId: $patientId, first: 100) { edges { node { operation entities action } } }
}`;

const errorOf = (response: GraphQLResponse) => response.json.errors?.[0]?.extensions;

/*
 * The inbox where no text is lost: texts through the inbound Lambda handler (AWS's SNS event shape) that no check-in
 * took as an answer, read and marked handled through GraphQL.
 */
describe('inbox (GraphQL and the inbound SMS handler)', () => {
  let h: Harness;
  let engine: Texting;
  beforeAll(async () => {
    h = await createHarness();
    engine = texting(h);
  });
  afterAll(() => h.close());

  const inbox = async (as = h.staff.LINK_WORKER, variables: Record<string, unknown> = {}): Promise<Data[]> =>
    (await ok(h.gql(as, INBOX, variables))).inbox.edges.map((edge: Data) => edge.node);

  it('returns a text sent outside any check-in to the link worker, until someone marks it handled', async () => {
    const { id: referralId, patientId } = await newReferral(h, 511);

    expect(await engine.text(dramaMobile(511), 'Thank you for the leaflet about the choir')).toBe('inbox');

    const [waiting, ...more] = await inbox();
    expect(more).toEqual([]);
    expect(waiting).toMatchObject({
      reason: 'OUTSIDE_CHECK_IN',
      body: 'Thank you for the leaflet about the choir',
      receivedAt: '2026-03-02T10:00:00.000Z',
      handled: false,
      patient: { id: patientId },
      referral: { id: referralId },
    });
    expect(engine.sms.to(dramaMobile(511))).toEqual([]);
    expect(await inbox(h.staff.otherLinkWorker)).toEqual([]);
    expect(errorOf(await h.gql(h.staff.otherLinkWorker, MARK, { id: waiting.id }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      errorOf(await h.gql(h.staff.otherLinkWorker, INBOX, { linkWorkerId: h.staff.LINK_WORKER.userId })),
    ).toMatchObject({ code: 'FORBIDDEN' });

    h.clock.advance(5 * 60_000);
    const handled = (await ok(h.gql(h.staff.LINK_WORKER, MARK, { id: waiting.id }))).markInboxMessageHandled;

    expect(handled).toEqual({
      id: waiting.id,
      handled: true,
      handledAt: '2026-03-02T10:05:00.000Z',
      handledBy: { id: h.staff.LINK_WORKER.userId },
    });
    expect(await inbox()).toEqual([]);
    expect((await inbox(h.staff.LINK_WORKER, { handled: true })).map((m) => m.id)).toEqual([waiting.id]);
    expect(errorOf(await h.gql(h.staff.LINK_WORKER, MARK, { id: waiting.id }))).toMatchObject({ code: 'CONFLICT' });
    const trail = (await ok(h.gql(h.staff.ADMIN, AUDIT, { patientId }))).auditTrail.edges.map((e: Data) => e.node);
    expect(trail).toContainEqual(
      expect.objectContaining({
        action: 'UPDATE',
        operation: expect.stringContaining('markInboxMessageHandled'),
        entities: expect.arrayContaining([`inboxMessage:${waiting.id}`]),
      }),
    );
  });

  it('returns an answer still unreadable after the re-ask, and a late answer after the check-in closed', async () => {
    const { id: referralId } = await newReferral(h, 512);
    const mobile = dramaMobile(512);
    await ok(
      h.gql(h.staff.LINK_WORKER, SCHEDULE, {
        input: { referralId, wave: 'AD_HOC', dueAt: h.clock.now().toISOString(), questions: ['ONS4.happiness'] },
      }),
    );
    await engine.dispatch();

    expect(await engine.text(mobile, 'no idea')).toBe('reasked');
    expect(await inbox()).toEqual([]);
    expect(await engine.text(mobile, 'dunno really')).toBe('completed');
    expect(await engine.text(mobile, '7 sorry for the delay')).toBe('inbox');

    expect((await inbox()).map((m) => [m.reason, m.body])).toEqual([
      ['UNREADABLE', 'dunno really'],
      ['AFTER_CHECK_IN', '7 sorry for the delay'],
    ]);
  });

  it('returns a text from a patient nobody is assigned to in the PCN’s queue, for coordinators and link workers', async () => {
    await ok(
      h.gql(h.staff.COORDINATOR, CREATE_REFERRAL, {
        input: {
          practiceId: h.orgs.practice.organisationId,
          source: 'GP',
          needs: ['LONELINESS_ISOLATION'],
          newPatient: {
            nhsNumber: fictionalNhsNumber(513),
            givenName: 'Una',
            familyName: 'Assigned',
            dateOfBirth: '1950-01-01',
            sex: 'FEMALE',
            mobile: dramaMobile(513),
            smsConsent: 'GIVEN',
          },
        },
      }),
    );

    await engine.text(dramaMobile(513), 'Who is my link worker?');

    const queue = await inbox(h.staff.COORDINATOR);
    expect(queue.map((m) => m.body)).toEqual(['Who is my link worker?']);
    const pcnQueue = await inbox(h.staff.LINK_WORKER, { unassignedPcnId: h.orgs.pcn.organisationId });
    expect(pcnQueue.map((m) => m.id)).toEqual(queue.map((m) => m.id));
    expect((await inbox()).some((m) => m.body === 'Who is my link worker?')).toBe(false);
    expect(errorOf(await h.gql(h.staff.ADMIN, INBOX))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'linkWorkerId' });
  });
});
