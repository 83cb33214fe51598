import { createHarness, type Harness } from '../integration/graphql/harness';
import { HOSTILE_CHARACTERS, HOSTILE_IN_ANY_TEXT } from './hostile-input';
import {
  inputLeaves,
  listOperations,
  operationDocument,
  sameOperation,
  sampleVariables,
  withValueAt,
} from './schema-walk';
import { requestWatcher, Tally } from './tally';

/*
 * Generated from the schema: every String input of every query and mutation, nested ones included, carrying each
 * character no text may hold (control characters other than line breaks and tabs, bidi overrides and isolates, lone
 * surrogates) or more than 10,000 characters, must answer BAD_USER_INPUT naming its path, without echoing the text and
 * before any I/O. Names are one line besides (issue 11: a null byte, ESC, CR LF, U+202E and lone surrogates in names
 * were stored and returned as sent).
 */

const MARKER = 'Zqx7Marker';
const textLeaves = inputLeaves().filter((leaf) => leaf.typeName === 'String');
const operations = listOperations().filter((operation) => textLeaves.some((leaf) => sameOperation(leaf, operation)));
const LINE_BREAKS = HOSTILE_CHARACTERS.filter(([label]) => !HOSTILE_IN_ANY_TEXT.some(([other]) => other === label));

describe('every String input with hostile text (generated from the schema)', () => {
  let h: Harness;
  let requests: ReturnType<typeof requestWatcher>;
  const tally = new Tally('hostile text in every String input');
  const names = new Tally('line breaks in patient names');

  beforeAll(async () => {
    h = await createHarness();
    requests = requestWatcher(h);
  });
  afterAll(async () => {
    tally.report();
    names.report();
    await h.close();
  });

  it.each(operations.map((operation) => [operation.name, operation] as const))(
    'answers BAD_USER_INPUT naming each String input of %s, for every hostile character and for 10,001 characters',
    async (_, operation) => {
      const attempts: [string, string][] = [
        ...HOSTILE_IN_ANY_TEXT.map(([label, bad]) => [label, `${MARKER}${bad}${MARKER}`] as [string, string]),
        ['10,001 characters', `${MARKER}${'x'.repeat(10_001)}`],
      ];
      const failures: string[] = [];
      for (const leaf of textLeaves.filter((l) => sameOperation(l, operation))) {
        for (const [label, text] of attempts) {
          const variables = withValueAt(operation, sampleVariables(operation), leaf.segments, text);
          requests.reset();
          const response = await h.gql(h.staff.ADMIN, operationDocument(operation, Object.keys(variables)), variables);
          const error = response.json.errors?.[0];
          const held =
            response.status === 400 &&
            response.json.errors?.length === 1 &&
            error?.extensions?.code === 'BAD_USER_INPUT' &&
            error.extensions.field === leaf.path &&
            !response.raw.includes(MARKER) &&
            requests.onlyAuthentication();
          tally.record(`${operation.name} ${leaf.path} ${label}`, held);
          if (!held) failures.push(`${leaf.path} with ${label}: ${response.raw.slice(0, 200)}`);
        }
      }

      expect(failures).toEqual([]);
    },
  );

  const NEW_PATIENT = {
    nhsNumber: '9434765919',
    givenName: 'Ann',
    familyName: 'Example',
    dateOfBirth: '1950-02-28',
    sex: 'FEMALE',
  };
  const CREATE = `mutation Create($input: CreateReferralInput!) { createReferral(input: $input) { patientCreated } }`;
  const UPDATE = `mutation Update($input: UpdatePatientContactInput!) { updatePatientContact(input: $input) { id } }`;

  it.each(LINE_BREAKS)('refuses a patient name with a %s, writing nothing', async (label, bad) => {
    const cases: [string, string, Record<string, unknown>][] = [
      ...(['givenName', 'familyName', 'preferredName'] as const).map(
        (name) =>
          [
            name,
            CREATE,
            {
              input: {
                practiceId: h.orgs.practice.organisationId,
                source: 'GP',
                needs: ['LONELINESS_ISOLATION'],
                newPatient: { ...NEW_PATIENT, [name]: `${MARKER}${bad}${MARKER}` },
              },
            },
          ] as [string, string, Record<string, unknown>],
      ),
      ['preferredName', UPDATE, { input: { patientId: 'any-patient', preferredName: `${MARKER}${bad}${MARKER}` } }],
    ];
    const failures: string[] = [];
    for (const [name, query, variables] of cases) {
      requests.reset();
      const response = await h.gql(h.staff.LINK_WORKER, query, variables);
      const error = response.json.errors?.[0];
      const held =
        error?.extensions?.code === 'BAD_USER_INPUT' &&
        String(error.extensions.field).endsWith(name) &&
        !response.raw.includes(MARKER) &&
        requests.onlyAuthentication();
      names.record(`${name} with ${label}`, held);
      if (!held) failures.push(`${name}: ${response.raw.slice(0, 200)}`);
    }

    expect(failures).toEqual([]);
  });
});
