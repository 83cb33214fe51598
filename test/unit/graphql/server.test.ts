import type { ApolloServer } from '@apollo/server';
import type { GraphQLContext } from '../../../functions/graphql/context';
import { INTERNAL_MESSAGE } from '../../../functions/graphql/errors';
import { logger } from '../../../functions/graphql/logger';
import { createApolloServer } from '../../../functions/graphql/server';
import { fakeContext, singleResult } from './support';

const CREATE = `mutation Create($nhs: NhsNumber!, $mobile: PhoneNumber, $dob: Date!) {
  createReferral(input: {
    practiceId: "P1", source: GP, needs: [LONELINESS_ISOLATION],
    newPatient: { nhsNumber: $nhs, givenName: "Ann", familyName: "Example", dateOfBirth: $dob, sex: FEMALE, mobile: $mobile }
  }) { patientCreated }
}`;

describe('createApolloServer (in process)', () => {
  let server: ApolloServer<GraphQLContext>;

  beforeAll(async () => {
    server = createApolloServer({ stage: 'test' });
    await server.start();
  });
  afterAll(() => server.stop());

  async function run(query: string, variables?: Record<string, unknown>, contextValue = fakeContext()) {
    return singleResult(
      await server.executeOperation({ query, ...(variables ? { variables } : {}) }, { contextValue }),
    );
  }

  describe('limits', () => {
    it('throws QUERY_TOO_DEEP when selections nest deeper than 10 levels', async () => {
      const deep =
        '{ caseload { edges { node { patient { referrals { edges { node { events { edges { node { actor { id } } } } } } } } } } } }';

      const result = await run(deep);

      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', depth: 12, limit: 10 });
      expect(result.data).toBeUndefined();
    });

    it('counts depth through fragments', async () => {
      const query = `
        fragment Row on Referral { patient { referrals { edges { node { events { edges { node { id } } } } } } } }
        { caseload { edges { node { ...Row } } } }`;

      const result = await run(query);

      expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    });

    it('throws QUERY_TOO_COMPLEX when nested page sizes multiply past the budget', async () => {
      const query = `query Big($n: Int) { caseload(first: $n) { edges { node {
        events(first: $n) { edges { node { id actor { name } } } }
        goals(first: $n) { edges { node { id } } } } } } }`;

      const result = await run(query, { n: 100 });

      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 10_000 });
    });

    it('throws BAD_USER_INPUT naming first when a page is larger than 100', async () => {
      const result = await run('query Q($n: Int) { activities(first: $n) { edges { node { id } } } }', { n: 101 });

      expect(result.errors).toEqual([
        { message: 'first: must be between 1 and 100', extensions: { code: 'BAD_USER_INPUT', field: 'first' } },
      ]);
    });

    it('checks first on nested connections too', async () => {
      const result = await run('{ caseload(first: 5) { edges { node { events(first: 500) { edges { cursor } } } } } }');

      expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    });
  });

  describe('scalars', () => {
    const valid = { nhs: '943 476 5919', dob: '1950-02-28' };

    it('throws BAD_USER_INPUT with a clear message for an NHS number with a wrong check digit', async () => {
      const result = await run(CREATE, { ...valid, nhs: '943 476 5918' });

      expect(result.errors).toEqual([
        {
          message: 'nhs: NHS number is not valid: its check digit does not match (is it mistyped?)',
          locations: expect.any(Array),
          extensions: { code: 'BAD_USER_INPUT', field: 'nhs' },
        },
      ]);
      expect(JSON.stringify(result)).not.toContain('4765918');
    });

    it('throws BAD_USER_INPUT for an NHS number written inline in the query', async () => {
      const inline = CREATE.replace('$nhs: NhsNumber!, ', '').replace('nhsNumber: $nhs', 'nhsNumber: "123"');

      const result = await run(inline, { dob: valid.dob });

      expect(result.errors?.[0]).toMatchObject({
        message: 'input.newPatient.nhsNumber: NHS number must have 10 digits, but has 3',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.newPatient.nhsNumber' },
      });
    });

    it('throws BAD_USER_INPUT for a landline given as a mobile', async () => {
      const result = await run(CREATE, { ...valid, mobile: '0113 496 0000' });

      expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'mobile' });
      expect(result.errors?.[0]?.message).toMatch(/^mobile: mobile number must be a UK mobile starting 07/);
    });

    it('throws BAD_USER_INPUT for a date that is not on the calendar', async () => {
      const result = await run(CREATE, { ...valid, dob: '2025-02-29' });

      expect(result.errors?.[0]).toMatchObject({
        message: 'dob: is not a calendar date',
        extensions: { code: 'BAD_USER_INPUT', field: 'dob' },
      });
    });

    it('throws BAD_USER_INPUT naming the nested input field', async () => {
      const query = `mutation M($input: CreateReferralInput!) { createReferral(input: $input) { patientCreated } }`;
      const input = {
        practiceId: 'P1',
        source: 'GP',
        needs: ['HOUSING'],
        newPatient: { nhsNumber: '12345', givenName: 'A', familyName: 'B', dateOfBirth: '1950-01-01', sex: 'MALE' },
      };

      const result = await run(query, { input });

      expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.newPatient.nhsNumber' });
    });

    it('throws BAD_USER_INPUT for a date-time without an offset', async () => {
      const query = 'query Q($t: DateTime) { caseload(filter: { checkInDueBefore: $t }) { edges { cursor } } }';

      const result = await run(query, { t: '2026-03-02T10:00:00' });

      expect(result.errors?.[0]?.message).toMatch(/^t: a date-time must be ISO-8601 with an offset/);
    });
  });

  describe('errors', () => {
    it('returns INTERNAL_SERVER_ERROR with a generic message, and logs no message text, for an unexpected error', async () => {
      const log = jest.spyOn(logger, 'error').mockImplementation(() => {});
      const context = fakeContext({
        loaders: {
          staffUsers: {
            load: async () => {
              throw new Error('ConditionalCheckFailed for patient Ann Example 9434765919');
            },
          },
        },
      });

      const result = await run('{ me { id } }', undefined, context);

      expect(result.errors).toEqual([
        {
          message: INTERNAL_MESSAGE,
          locations: expect.any(Array),
          path: ['me'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect(log).toHaveBeenCalledTimes(1);
      expect(JSON.stringify(log.mock.calls)).not.toContain('9434765919');
      expect(JSON.stringify(log.mock.calls)).not.toContain('Ann Example');
      log.mockRestore();
    });

    it('returns FORBIDDEN from a domain error', async () => {
      const { ForbiddenError } = await import('../../../functions/shared/errors');
      const context = fakeContext({
        loaders: {
          staffUsers: {
            load: async () => {
              throw new ForbiddenError();
            },
          },
        },
      });

      const result = await run('{ me { id } }', undefined, context);

      expect(result.errors?.[0]).toMatchObject({
        message: 'You do not have access to this',
        extensions: { code: 'FORBIDDEN' },
      });
    });
  });
});

describe('createApolloServer in production', () => {
  it('turns introspection off and hides schema hints', async () => {
    const server = createApolloServer({ stage: 'prod' });
    await server.start();
    try {
      const introspection = singleResult(
        await server.executeOperation({ query: '{ __schema { types { name } } }' }, { contextValue: fakeContext() }),
      );
      const typo = singleResult(
        await server.executeOperation({ query: '{ mee { id } }' }, { contextValue: fakeContext() }),
      );

      expect(introspection.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
    } finally {
      await server.stop();
    }
  });
});

describe('createApolloServer with an APOLLO_KEY in its environment', () => {
  const saved = { key: process.env.APOLLO_KEY, ref: process.env.APOLLO_GRAPH_REF };
  afterEach(() => {
    for (const [name, value] of [
      ['APOLLO_KEY', saved.key],
      ['APOLLO_GRAPH_REF', saved.ref],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    jest.restoreAllMocks();
  });

  it('starts no usage or schema reporting to Apollo’s cloud, which would name our operations and quote errors', async () => {
    process.env.APOLLO_KEY = 'service:linkwork:set-by-mistake';
    process.env.APOLLO_GRAPH_REF = 'linkwork@current';
    const said: string[] = [];
    for (const level of ['debug', 'info', 'warn', 'error'] as const) {
      jest.spyOn(logger, level).mockImplementation((...args: unknown[]) => {
        said.push(String(args[0]));
      });
    }
    const server = createApolloServer({ stage: 'prod' });
    await server.start();
    await server.executeOperation({ query: '{ __typename }' }, { contextValue: fakeContext() });
    await server.stop();

    expect(said.filter((line) => /usage reporting|schema reporting|apollographql\.com/i.test(line))).toEqual([]);
  });
});
