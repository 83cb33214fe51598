import { createHarness, type Harness } from '../integration/graphql/harness';
import {
  type InputLeaf,
  inputLeaves,
  listOperations,
  literalDocument,
  operationDocument,
  sameOperation,
  sampleVariables,
  withValueAt,
} from './schema-walk';
import { requestWatcher, Tally } from './tally';

/*
 * Generated from the schema: every ID input of every query and mutation (arguments, nested input fields, list items),
 * sent 3,000 characters long through the Lambda handler, must answer BAD_USER_INPUT naming its path, and nothing but
 * the caller's own staff record may be read on the way (issue 11: 18 of them answered INTERNAL_SERVER_ERROR after
 * reaching DynamoDB).
 */

const LONG_ID = 'A'.repeat(3000);
const idLeaves = inputLeaves().filter((leaf) => leaf.typeName === 'ID');
const operations = listOperations().filter((operation) => idLeaves.some((leaf) => sameOperation(leaf, operation)));

/** The arguments issue 11 found answering INTERNAL_SERVER_ERROR; the generated list must keep covering them. */
const FROM_THE_ISSUE = [
  'activity: id',
  'auditTrail: patientId',
  'caseload: linkWorkerId',
  'caseload: unassignedPcnId',
  'activities: filter.pcnId',
  'activities: filter.providerOrganisationId',
  'outcomeSummary: input.scope.icbId',
  'referralActivity: input.scope.pcnId',
  'createActivity: input.pcnId',
  'updateActivity: input.id',
  'prescribeActivity: input.referralId',
  'scheduleCheckIn: input.referralId',
  'cancelCheckIn: checkInId',
  'recordOutcome: input.referralId',
  'createReferral: input.practiceId',
  'createReferral: input.patientId',
  'createReferral: input.linkWorkerId',
];

describe('every ID input at 3,000 characters (generated from the schema)', () => {
  let h: Harness;
  let requests: ReturnType<typeof requestWatcher>;
  const tally = new Tally('ids at 3,000 characters');

  beforeAll(async () => {
    h = await createHarness();
    requests = requestWatcher(h);
  });
  afterAll(async () => {
    tally.report();
    await h.close();
  });

  it('covers every ID argument issue 11 listed', () => {
    const generated = idLeaves.map((leaf) => `${leaf.operation.name}: ${leaf.path}`);

    expect(generated).toEqual(expect.arrayContaining(FROM_THE_ISSUE));
  });

  async function expectRefused(leaf: InputLeaf, how: string, query: string, variables?: Record<string, unknown>) {
    requests.reset();
    const response = await h.gql(h.staff.ADMIN, query, variables);
    const error = response.json.errors?.[0];
    const held =
      response.status === 400 &&
      response.json.data === undefined &&
      response.json.errors?.length === 1 &&
      error?.extensions?.code === 'BAD_USER_INPUT' &&
      error.extensions.field === leaf.path &&
      !response.raw.includes(LONG_ID.slice(0, 100)) &&
      requests.onlyAuthentication();
    tally.record(
      `${leaf.operation.name} ${leaf.path} (${how}): ${response.status} ${response.raw.slice(0, 200)}`,
      held,
    );
    return held;
  }

  it.each(operations.map((operation) => [operation.name, operation] as const))(
    'answers BAD_USER_INPUT naming each ID input of %s, as a variable and as a literal, before any I/O',
    async (_, operation) => {
      const failures: string[] = [];
      for (const leaf of idLeaves.filter((l) => sameOperation(l, operation))) {
        const variables = withValueAt(operation, sampleVariables(operation), leaf.segments, LONG_ID);
        if (!(await expectRefused(leaf, 'variable', operationDocument(operation, Object.keys(variables)), variables))) {
          failures.push(`${leaf.path} as a variable`);
        }
        if (!(await expectRefused(leaf, 'literal', literalDocument(operation, variables)))) {
          failures.push(`${leaf.path} as a literal`);
        }
      }

      expect(failures).toEqual([]);
    },
  );
});
