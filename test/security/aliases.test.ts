import { MAX_ALIASES, MAX_ROOT_FIELDS } from '../../functions/graphql/limits';
import { createHarness, type Harness } from '../integration/graphql/harness';
import { requestWatcher, Tally } from './tally';

/*
 * Issue 11: one request with 1,000 aliases of `patient(id:)` ran all 1,000 reads (5–11 s) and wrote 1,000 audit
 * events. Width is refused while the document is validated, so nothing is read or written but the caller's own staff
 * record.
 */

function aliased(count: number, field: string): string {
  return Array.from({ length: count }, (_, i) => `p${i}: ${field}`).join(' ');
}

describe('aliases and root fields per operation (Lambda handler, DynamoDB Local)', () => {
  let h: Harness;
  let requests: ReturnType<typeof requestWatcher>;
  let patientId: string;
  const tally = new Tally('wide operations refused before any read');

  beforeAll(async () => {
    h = await createHarness();
    const created = await h.gql<{ createReferral: { referral: { patient: { id: string } } } }>(
      h.staff.LINK_WORKER,
      `mutation { createReferral(input: {
        practiceId: "${h.orgs.practice.organisationId}", source: GP, needs: [LONELINESS_ISOLATION],
        newPatient: { nhsNumber: "9434765919", givenName: "Ann", familyName: "Example", dateOfBirth: "1950-02-28", sex: FEMALE }
      }) { referral { patient { id } } } }`,
    );
    patientId = created.json.data!.createReferral.referral.patient.id;
    requests = requestWatcher(h);
  });
  afterAll(async () => {
    tally.report();
    await h.close();
  });

  async function expectRefused(query: string, codes: string[]) {
    requests.reset();
    const response = await h.gql(h.staff.LINK_WORKER, query, { id: patientId });
    const held =
      response.status === 400 &&
      response.json.data === undefined &&
      codes.includes(String(response.json.errors?.[0]?.extensions?.code)) &&
      requests.onlyAuthentication();
    tally.record(query.slice(0, 60), held);
    return { response, held };
  }

  it('refuses 1,000 aliases of patient(id:) before reading or auditing anything', async () => {
    const { response, held } = await expectRefused(
      `query Wide($id: ID!) { ${aliased(1000, 'patient(id: $id) { givenName familyName nhsNumber }')} }`,
      ['QUERY_TOO_MANY_ALIASES', 'QUERY_TOO_LONG'],
    );

    expect(response.raw).not.toContain('Ann');
    expect(held).toBe(true);
  });

  it('refuses one alias past the limit with QUERY_TOO_MANY_ALIASES', async () => {
    const { response, held } = await expectRefused(
      `query Wide($id: ID!) { ${aliased(MAX_ALIASES + 1, 'patient(id: $id) { givenName }')} }`,
      ['QUERY_TOO_MANY_ALIASES'],
    );

    expect(response.json.errors?.[0]?.extensions).toEqual({
      code: 'QUERY_TOO_MANY_ALIASES',
      limit: MAX_ALIASES,
      found: MAX_ALIASES + 1,
    });
    expect(held).toBe(true);
  });

  it('refuses more root fields than the limit with QUERY_TOO_MANY_ROOT_FIELDS', async () => {
    // Within the alias limit, plus six distinct root fields without aliases: 21 in all.
    const unaliased = [
      'me { id }',
      'caseload { edges { cursor } }',
      'activities { edges { cursor } }',
      'referral(id: $id) { id }',
      'patient(id: $id) { id }',
      'activity(id: $id) { id }',
    ];
    const query = `query Wide($id: ID!) { ${aliased(MAX_ALIASES, 'patient(id: $id) { id }')} ${unaliased.join(' ')} }`;

    const { response, held } = await expectRefused(query, ['QUERY_TOO_MANY_ROOT_FIELDS']);

    expect(response.json.errors?.[0]?.extensions).toEqual({
      code: 'QUERY_TOO_MANY_ROOT_FIELDS',
      limit: MAX_ROOT_FIELDS,
      found: MAX_ALIASES + 6,
    });
    expect(held).toBe(true);
  });

  it('runs an operation within the limits', async () => {
    const response = await h.gql<Record<string, { givenName: string }>>(
      h.staff.LINK_WORKER,
      `query Narrow($id: ID!) { ${aliased(MAX_ALIASES, 'patient(id: $id) { givenName }')} }`,
      { id: patientId },
    );

    expect(response.json.errors).toBeUndefined();
    expect(Object.values(response.json.data ?? {})).toHaveLength(MAX_ALIASES);
    expect(response.json.data?.p0?.givenName).toBe('Ann');
  });
});
