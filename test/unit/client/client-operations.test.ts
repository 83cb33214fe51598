import {
  type OperationFile,
  readClientOperations,
  validateClientOperations,
} from '../../../scripts/lib/client-operations';

/*
 * `npm run codegen:check` (run by CI) fails on a client operation that no longer validates against the served
 * schema; these tests hold the check to that and show it catches each kind of break by file and line.
 */

const ME: OperationFile = { file: 'client/operations/me.graphql', source: 'query Me {\n  me {\n    id\n  }\n}\n' };

describe('validateClientOperations', () => {
  it('returns no issues for the operations in client/operations', () => {
    const files = readClientOperations();

    expect(files.length).toBeGreaterThanOrEqual(6);
    expect(validateClientOperations(files)).toEqual([]);
  });

  it('returns an issue naming the file and line of a field the schema no longer has', () => {
    const broken = { file: 'client/operations/x.graphql', source: 'query X {\n  me {\n    favouriteColour\n  }\n}\n' };

    expect(validateClientOperations([ME, broken])).toEqual([
      {
        file: 'client/operations/x.graphql',
        line: 3,
        message: 'Cannot query field "favouriteColour" on type "StaffUser".',
      },
    ]);
  });

  it('returns an issue for a variable of the wrong type and for a syntax error', () => {
    const wrongType = {
      file: 'a.graphql',
      source: 'query A($id: Int!) {\n  referral(id: $id) {\n    id\n  }\n}\n',
    };
    const syntax = { file: 'b.graphql', source: 'query B {\n  me {\n' };

    const issues = validateClientOperations([wrongType, syntax]);

    expect(issues).toEqual([
      expect.objectContaining({ file: 'b.graphql', line: 3, message: expect.stringMatching(/^Syntax Error/) }),
      expect.objectContaining({
        file: 'a.graphql',
        message: 'Variable "$id" of type "Int!" used in position expecting type "ID!".',
      }),
    ]);
  });

  it('returns an issue for a fragment used in one file and defined nowhere, and accepts one from another file', () => {
    const fragment = { file: 'f.graphql', source: 'fragment Who on StaffUser {\n  id\n  name\n}\n' };
    const user = { file: 'u.graphql', source: 'query U {\n  me {\n    ...Who\n  }\n}\n' };
    const missing = { file: 'm.graphql', source: 'query M {\n  me {\n    ...Nobody\n  }\n}\n' };

    expect(validateClientOperations([fragment, user])).toEqual([]);
    expect(validateClientOperations([missing])).toEqual([
      { file: 'm.graphql', line: 3, message: 'Unknown fragment "Nobody".' },
    ]);
  });

  it('returns an issue for an unnamed operation and for a name used twice', () => {
    const anonymous = { file: 'a.graphql', source: '{ me { id } }' };
    const twice = { file: 'b.graphql', source: 'query Me { me { name } }' };

    expect(validateClientOperations([ME, anonymous, twice])).toEqual([
      { file: 'a.graphql', message: 'every operation needs a name (it names the generated document)' },
      { file: 'b.graphql', message: 'operation Me is also defined in client/operations/me.graphql' },
    ]);
  });

  it('returns an issue for an operation wider than the server accepts', () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join('\n');
    const wide = { file: 'w.graphql', source: `query W {\n${aliases}\n}\n` };

    const issues = validateClientOperations([wide]);

    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'w.graphql', message: expect.stringMatching(/alias/i) });
  });
});
