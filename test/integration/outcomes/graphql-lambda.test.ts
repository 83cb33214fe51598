import { createHarness, type Harness } from '../graphql/harness';

/*
 * Commissioners' figures through the deployed entry point: the GraphQL Lambda handler with real API Gateway v2
 * events and the real authorizer claims, on DynamoDB Local.
 */

const SUMMARY = /* GraphQL */ `
  query Summary($input: OutcomeSummaryInput!) {
    outcomeSummary(input: $input) {
      disclosureControl
      scope { kind name odsCode }
      period { id }
      total { referralsReceived { value suppressed } }
      groups { group label odsCode }
      months { month }
    }
  }
`;

describe('outcome figures through the GraphQL Lambda handler', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  }, 60_000);
  afterAll(() => h.close());

  it('returns a released month of the commissioner’s own ICB with its PCNs, names and ODS codes', async () => {
    const response = await h.gql(h.staff.COMMISSIONER, SUMMARY, {
      input: { scope: { icbId: h.orgs.icb.organisationId }, period: '2026-01', groupBy: ['PCN'] },
    });

    expect(response.status).toBe(200);
    expect(response.json.errors).toBeUndefined();
    expect(response.json.data?.outcomeSummary).toEqual({
      disclosureControl: 'CONTROLLED',
      scope: { kind: 'ICB', name: 'NHS Example ICB', odsCode: 'QXX' },
      period: { id: '2026-01' },
      total: { referralsReceived: { value: null, suppressed: true } },
      groups: [
        { group: h.orgs.otherPcn.organisationId, label: 'Hillside PCN', odsCode: null },
        { group: h.orgs.pcn.organisationId, label: 'Riverside PCN', odsCode: null },
      ],
      months: [{ month: '2026-01' }],
    });
  });

  it('returns BAD_USER_INPUT on the period for the current month, and FORBIDDEN to a link worker', async () => {
    const input = { scope: { icbId: h.orgs.icb.organisationId }, period: '2026-03' };

    const early = await h.gql(h.staff.COMMISSIONER, SUMMARY, { input });
    const linkWorker = await h.gql(h.staff.LINK_WORKER, SUMMARY, { input: { ...input, period: '2026-01' } });

    expect(early.json.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
      ['BAD_USER_INPUT', 'period'],
    ]);
    expect(linkWorker.json.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
