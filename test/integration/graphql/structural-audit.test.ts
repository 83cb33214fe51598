import { createLinkwork } from '../../../functions/app/composition-root';
import { createGraphQLHandler } from '../../../functions/graphql/lambda';
import { graphqlEvent, type HandlerResult, lambdaContext, staffClaims } from '../../support/events';
import { accept, type Data, newReferral, ok, SCHEDULE } from './follow-up-support';
import { createHarness, type Harness, parseResult } from './harness';

/*
 * Auditing is structural: whichever operation produced a response, each patient whose record it shows gets exactly
 * one audit event per request, written before the response leaves; and a response whose audit cannot be written is
 * not served.
 */
describe('structural audit: one event per patient per request', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const trail = async (patientId: string) => (await h.linkwork.audit.listByPatient(patientId, 100)).items;

  it('writes one event for a patient shown through three paths and ten aliases in one request', async () => {
    const { id: referralId, patientId } = await newReferral(h, 801);
    const before = (await trail(patientId)).length;
    const aliases = Array.from({ length: 10 }, (_, i) => `p${i}: patient(id: $patientId) { name }`).join(' ');

    await ok(
      h.gql(
        h.staff.LINK_WORKER,
        `query Many($patientId: ID!, $referralId: ID!) {
          ${aliases}
          referral(id: $referralId) { status patient { nhsNumber dateOfBirth } }
          caseload(first: 5) { edges { node { id patient { mobile } } } }
        }`,
        { patientId, referralId },
      ),
    );

    const events = (await trail(patientId)).slice(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'READ',
      actorUserId: h.staff.LINK_WORKER.userId,
      operation: expect.stringMatching(/^patient,referral,caseload /),
    });
    expect(events[0].entities).toEqual(expect.arrayContaining([`patient:${patientId}`, `referral:${referralId}`]));
  });

  it('audits what a mutation shows of the patient, even one whose use case records nothing (scheduleCheckIn)', async () => {
    const { id: referralId, patientId } = await newReferral(h, 802);
    await accept(h, referralId);
    const before = (await trail(patientId)).length;

    await ok(
      h.gql(
        h.staff.LINK_WORKER,
        SCHEDULE.replace('referral { id nextCheckInAt }', 'referral { id patient { nhsNumber } }'),
        {
          input: { referralId, wave: 'AD_HOC', dueAt: '2026-03-05T10:00:00Z', questions: ['ONS4.happiness'] },
        },
      ),
    );

    const events = (await trail(patientId)).slice(before);
    expect(events.map((event) => [event.action, event.operation.split(' ')[0]])).toEqual([['READ', 'scheduleCheckIn']]);
  });

  it('keeps one event with the strongest action when a mutation changes and shows the patient', async () => {
    const { patientId } = await newReferral(h, 803);
    const before = (await trail(patientId)).length;

    await ok(
      h.gql(
        h.staff.LINK_WORKER,
        `mutation Contact($input: UpdatePatientContactInput!) { updatePatientContact(input: $input) { id name mobile } }`,
        { input: { patientId, preferredName: 'Dot' } },
      ),
    );
    await ok(
      h.gql(
        h.staff.LINK_WORKER,
        `mutation Consent($input: SetSmsConsentInput!) { setSmsConsent(input: $input) { id smsConsent name } }`,
        { input: { patientId, consent: 'GIVEN' } }, // unchanged: still a read of the patient's record
      ),
    );

    const events = (await trail(patientId)).slice(before);
    expect(events.map((event) => event.action)).toEqual(['UPDATE', 'READ']);
  });

  it('writes one event for a read that asks only for the id (the use case audits opening the record)', async () => {
    const { patientId } = await newReferral(h, 804);
    const before = (await trail(patientId)).length;

    await ok(h.gql(h.staff.LINK_WORKER, 'query R($id: ID!) { patient(id: $id) { id } }', { id: patientId }));

    // The use case's own read audit of `patient(id)` counts: one event, not zero and not two.
    expect((await trail(patientId)).slice(before)).toHaveLength(1);
  });

  it('withholds the data with INTERNAL_SERVER_ERROR when the audit cannot be written', async () => {
    const { patientId } = await newReferral(h, 805);
    const linkwork = createLinkwork({ store: h.store, clock: h.clock });
    linkwork.audit.record = async () => {
      throw new Error('audit table unavailable');
    };
    const handler = createGraphQLHandler({ store: h.store, stage: 'test', linkwork });

    const response = parseResult<Data>(
      (await handler(
        graphqlEvent(
          'query P($id: ID!) { patient(id: $id) { name nhsNumber } }',
          { id: patientId },
          {
            claims: staffClaims(h.staff.LINK_WORKER),
          },
        ),
        lambdaContext(),
        () => {},
      )) as HandlerResult,
    );

    expect(response.status).toBe(500);
    expect(response.json.data).toBeUndefined();
    expect(response.json.errors?.map((error) => error.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(response.raw).not.toMatch(/Given805|Example/);
  });

  it('withholds a caseload page when DynamoDB never stores its audit batch (each try left unprocessed)', async () => {
    const { patientId } = await newReferral(h, 806);
    // DynamoDB Local stores nothing of any BatchWriteItem, and answers that all of it is unprocessed, as DynamoDB
    // does for a throttled partition.
    const name = `auditBatchNeverStored${Math.random()}`;
    let tries = 0;
    h.store.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'BatchWriteItemCommand') return next(args);
        tries += 1;
        const { RequestItems } = args.input as { RequestItems: Record<string, unknown[]> };
        return { output: { UnprocessedItems: RequestItems, $metadata: {} }, response: {} };
      },
      { step: 'initialize', name },
    );
    let response: ReturnType<typeof parseResult<Data>>;
    try {
      response = parseResult<Data>(
        (await h.handler(
          graphqlEvent('{ caseload(first: 25) { edges { node { id patient { name } } } } }', undefined, {
            claims: staffClaims(h.staff.LINK_WORKER),
          }),
          lambdaContext(),
          () => {},
        )) as HandlerResult,
      );
    } finally {
      h.store.client.middlewareStack.remove(name);
    }

    expect(tries).toBe(6);
    expect(response.status).toBe(500);
    expect(response.json.data).toBeUndefined();
    expect(response.json.errors?.map((error) => error.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(response.raw).not.toMatch(/Given806|Example/);
    expect((await trail(patientId)).filter((event) => event.operation.startsWith('caseload'))).toEqual([]);
  });
});
