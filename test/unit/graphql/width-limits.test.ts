import type { ApolloServer } from '@apollo/server';
import type { GraphQLContext } from '../../../functions/graphql/context';
import { MAX_ALIASES, MAX_DIRECTIVES, MAX_ROOT_FIELDS, MAX_TOKENS } from '../../../functions/graphql/limits';
import { createApolloServer } from '../../../functions/graphql/server';
import { fakeContext, singleResult } from './support';

/**
 * A context that counts every use of a loader or a service (each then fails, as no store is behind it): a refused
 * request must not reach one. Resolvers differ in what they reach for, so anything counts.
 */
function countingContext() {
  let touches = 0;
  const touch = new Proxy(
    {},
    {
      get: () => {
        touches += 1;
        throw new Error('no store in this test');
      },
    },
  );
  const context = {
    ...fakeContext(),
    loaders: touch,
    linkwork: touch,
    referrals: touch,
    activities: touch,
    checkIns: touch,
  } as unknown as GraphQLContext;
  return { context, touches: () => touches };
}

const LIMIT_CODES = [
  'QUERY_TOO_MANY_ALIASES',
  'QUERY_TOO_MANY_ROOT_FIELDS',
  'QUERY_TOO_MANY_DIRECTIVES',
  'QUERY_TOO_LONG',
];

function limitCodes(errors: { extensions?: Record<string, unknown> }[] | undefined): unknown[] {
  return (errors ?? []).map((e) => e.extensions?.code).filter((code) => LIMIT_CODES.includes(code as string));
}

function aliases(count: number, field = 'me { id }'): string {
  return Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ');
}

describe('operation width limits (in process)', () => {
  let server: ApolloServer<GraphQLContext>;
  beforeAll(async () => {
    server = createApolloServer({ stage: 'test' });
    await server.start();
  });
  afterAll(() => server.stop());

  async function run(query: string, contextValue = fakeContext(), variables?: Record<string, unknown>) {
    return singleResult(
      await server.executeOperation({ query, ...(variables ? { variables } : {}) }, { contextValue }),
    );
  }

  it('runs an operation with as many aliases as allowed', async () => {
    const { context, touches } = countingContext();

    const result = await run(`{ ${aliases(MAX_ALIASES, 'activity(id: "A1") { id }')} }`, context);

    expect(limitCodes(result.errors)).toEqual([]);
    expect(touches()).toBeGreaterThanOrEqual(MAX_ALIASES);
  });

  it('throws QUERY_TOO_MANY_ALIASES one alias past the limit, before anything runs', async () => {
    const { context, touches } = countingContext();

    const result = await run(`{ ${aliases(MAX_ALIASES + 1, 'activity(id: "A1") { id }')} }`, context);

    expect(result.errors).toEqual([
      {
        message: `An operation may use at most ${MAX_ALIASES} aliases`,
        extensions: { code: 'QUERY_TOO_MANY_ALIASES', limit: MAX_ALIASES, found: MAX_ALIASES + 1 },
      },
    ]);
    expect(result.data).toBeUndefined();
    expect(touches()).toBe(0);
  });

  it('counts aliases inside fragments and nested selections', async () => {
    const query = `{ ...F me { ${aliases(8, 'id')} } } fragment F on Query { ${aliases(8)} }`;

    const result = await run(query);

    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_MANY_ALIASES', found: 16 });
  });

  it('refuses 1,000 aliases of patient(id:) before anything runs', async () => {
    const { context, touches } = countingContext();
    const query = `query P($id: ID!) { ${aliases(1000, 'patient(id: $id) { id givenName }')} }`;

    const result = await run(query, context, { id: '01J0000000000000000000000A' });

    expect(result.errors).toHaveLength(1);
    expect(['QUERY_TOO_MANY_ALIASES', 'QUERY_TOO_LONG']).toContain(result.errors?.[0]?.extensions?.code);
    expect(result.data).toBeUndefined();
    expect(touches()).toBe(0);
  });

  it('throws QUERY_TOO_MANY_ROOT_FIELDS past the limit of distinct root fields', async () => {
    // Aliases within their limit plus distinct root fields without aliases add up past 20.
    const roots = [
      'me { id }',
      'caseload { edges { cursor } }',
      'activities { edges { cursor } }',
      'activity(id: "A") { id }',
      'patient(id: "A") { id }',
      'referral(id: "A") { id }',
    ];
    const query = `{ ${aliases(MAX_ALIASES)} ${roots.join(' ')} }`;

    const result = await run(query);

    expect(result.errors).toEqual([
      {
        message: `An operation may ask for at most ${MAX_ROOT_FIELDS} root fields`,
        extensions: { code: 'QUERY_TOO_MANY_ROOT_FIELDS', limit: MAX_ROOT_FIELDS, found: 21 },
      },
    ]);
  });

  it('counts a repeated root field once, since graphql-js merges it', async () => {
    const { context, touches } = countingContext();

    const result = await run(`{ ${Array.from({ length: 30 }, () => 'me { id }').join(' ')} }`, context);

    expect(limitCodes(result.errors)).toEqual([]);
    expect(touches()).toBe(1);
  });

  it('throws QUERY_TOO_MANY_DIRECTIVES past the limit', async () => {
    const query = `query Q($y: Boolean!) { me { ${Array.from({ length: MAX_DIRECTIVES + 1 }, () => 'id @include(if: $y)').join(' ')} } }`;

    const result = await run(query, fakeContext(), { y: true });

    expect(result.errors?.[0]?.extensions).toEqual({
      code: 'QUERY_TOO_MANY_DIRECTIVES',
      limit: MAX_DIRECTIVES,
      found: MAX_DIRECTIVES + 1,
    });
  });

  it('throws QUERY_TOO_LONG for a document of more tokens than the parser takes', async () => {
    const query = `{ me { ${Array.from({ length: MAX_TOKENS }, () => 'id').join(' ')} } }`;

    const result = await run(query);

    expect(result.errors).toEqual([
      {
        message: `A document may have at most ${MAX_TOKENS} tokens`,
        extensions: { code: 'QUERY_TOO_LONG', limit: MAX_TOKENS },
      },
    ]);
  });
});
