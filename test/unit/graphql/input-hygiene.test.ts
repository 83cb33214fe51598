import { ApolloServer } from '@apollo/server';
import { createErrorFormatter } from '../../../functions/graphql/errors';
import { inputHygienePlugin } from '../../../functions/graphql/input-hygiene';
import { HOSTILE_IN_ANY_TEXT } from '../../security/hostile-input';
import { singleResult } from './support';

/*
 * The plugin on a schema of its own: it knows nothing of Linkwork's operations, so what holds here holds for any
 * operation added later. `echo` counts its calls, to show a refused request never runs.
 */
const typeDefs = `
  enum Colour { RED GREEN }
  input Inner { ids: [ID!], note: String, colour: Colour }
  input Outer { id: ID!, name: String, inner: Inner, inners: [Inner!] }
  type Query {
    echo(id: ID, text: String, input: Outer, ids: [ID!]): String
    other(flag: Boolean): String
  }
`;

let calls = 0;
const resolvers = {
  Query: {
    echo: () => {
      calls += 1;
      return 'ran';
    },
    other: () => 'other',
  },
};

function serverFor(stage: 'dev' | 'prod') {
  const hide = stage === 'prod';
  return new ApolloServer({
    typeDefs,
    resolvers,
    formatError: createErrorFormatter({ hideSchemaDetails: hide }),
    hideSchemaDetailsFromClientErrors: hide,
    plugins: [inputHygienePlugin({ hideSchemaDetails: hide })],
  });
}

describe('inputHygienePlugin', () => {
  const server = serverFor('dev');
  const prod = serverFor('prod');
  beforeAll(async () => {
    await server.start();
    await prod.start();
  });
  afterAll(async () => {
    await server.stop();
    await prod.stop();
  });
  beforeEach(() => {
    calls = 0;
  });

  async function run(query: string, variables?: Record<string, unknown>, on = server) {
    return singleResult(await on.executeOperation({ query, ...(variables ? { variables } : {}) }));
  }

  it('returns the result for ids and text that keep the rules', async () => {
    const result = await run('query Q($i: Outer) { echo(id: "01J0ABCDEF", text: "Line one\\nline two", input: $i) }', {
      i: { id: 'lw-asha', name: 'Zoë', inner: { ids: ['a_b', 'c-d'], note: 'tab\there' } },
    });

    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ echo: 'ran' });
  });

  it('throws BAD_USER_INPUT naming the argument for a 3,000-character id literal, and runs nothing', async () => {
    const result = await run(`{ echo(id: "${'A'.repeat(3000)}") }`);

    expect(result.errors).toEqual([
      {
        message: 'id: must be an id: 1 to 64 letters, digits, hyphens or underscores',
        locations: [{ line: 1, column: 8 }],
        extensions: { code: 'BAD_USER_INPUT', field: 'id' },
      },
    ]);
    expect(calls).toBe(0);
  });

  it.each([
    ['a nested id', { i: { id: 'ok', inner: { ids: ['ok', 'no#pe'] } } }, 'input.inner.ids[1]'],
    [
      'an id in a list of objects',
      { i: { id: 'ok', inners: [{}, { ids: ['x'.repeat(65)] }] } },
      'input.inners[1].ids[0]',
    ],
    ['the top-level id of an input', { i: { id: '' } }, 'input.id'],
    ['an id given as a number', { i: { id: 1.5 } }, 'i.id'],
  ])('throws BAD_USER_INPUT naming the path of %s', async (_, variables, field) => {
    const result = await run('query Q($i: Outer) { echo(input: $i) }', variables);

    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(calls).toBe(0);
  });

  it('names the argument path for a bad value inside an input literal that holds a variable', async () => {
    const result = await run('query Q($x: ID!) { echo(input: { id: "ok", inner: { ids: [$x] } }) }', { x: 'a b' });

    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.inner.ids[0]' });
  });

  it('checks arguments of fields reached through fragments', async () => {
    const result = await run('query Q($t: String) { ...F } fragment F on Query { echo(text: $t) }', {
      t: 'a\u202eb',
    });

    expect(result.errors?.[0]).toMatchObject({
      message: 'text: must not contain bidirectional override or isolate characters',
      extensions: { code: 'BAD_USER_INPUT', field: 'text' },
    });
  });

  it.each(HOSTILE_IN_ANY_TEXT)('throws BAD_USER_INPUT for text with a %s, without echoing it', async (_, bad) => {
    const result = await run('query Q($i: Outer) { echo(input: $i) }', {
      i: { id: 'ok', inner: { note: `SECRET${bad}SECRET` } },
    });

    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.inner.note' });
    expect(JSON.stringify(result)).not.toContain('SECRET');
  });

  it('throws BAD_USER_INPUT for text over 10,000 characters', async () => {
    const result = await run('query Q($t: String) { echo(text: $t) }', { t: 'é'.repeat(10_001) });

    expect(result.errors?.[0]).toMatchObject({
      message: 'text: must be at most 10000 characters',
      extensions: { code: 'BAD_USER_INPUT', field: 'text' },
    });
  });

  describe('variables', () => {
    const query = 'query Q($i: Outer!) { echo(input: $i) }';

    it.each([
      ['a missing variable', {}, 'i', 'is required'],
      ['a null variable', { i: null }, 'i', 'must not be null'],
      ['a missing required field', { i: { name: 'SECRET' } }, 'i.id', 'is required'],
      ['an unknown field', { i: { id: 'a', nmae: 'SECRET' } }, 'i.nmae', 'is not a field of Outer'],
      [
        'an unknown field that is no name',
        { i: { id: 'a', 'SECRET key': 1 } },
        'i',
        'has a field that is not accepted',
      ],
      [
        'an enum value that does not exist',
        { i: { id: 'a', inner: { colour: 'SECRET' } } },
        'i.inner.colour',
        'must be one of RED, GREEN',
      ],
      ['a string where an object goes', { i: 'SECRET' }, 'i', 'must be an object'],
      ['an object where a string goes', { i: { id: 'a', name: { SECRET: 'SECRET' } } }, 'i.name', 'must be a string'],
      [
        'a list item of the wrong type',
        { i: { id: 'a', inner: { ids: ['x', true] } } },
        'i.inner.ids[1]',
        'must be an id',
      ],
    ])('throws BAD_USER_INPUT naming the path, without the value, for %s', async (_, variables, field, reason) => {
      const result = await run(query, variables);

      expect(result.errors).toEqual([
        {
          message: `${field}: ${reason}`,
          locations: [{ line: 1, column: 9 }],
          extensions: { code: 'BAD_USER_INPUT', field },
        },
      ]);
      expect(JSON.stringify(result)).not.toContain('SECRET');
      expect(calls).toBe(0);
    });

    it('leaves out enum values and type names in production', async () => {
      const unknownEnum = await run(query, { i: { id: 'a', inner: { colour: 'REDD' } } }, prod);
      const unknownField = await run(query, { i: { id: 'a', nmae: 'x' } }, prod);

      expect(unknownEnum.errors?.[0]?.message).toBe('i.inner.colour: is not an accepted value');
      expect(unknownField.errors?.[0]?.message).toBe('i.nmae: is not an accepted field');
    });
  });

  describe('literals', () => {
    it.each([
      [
        'an enum value that does not exist',
        '{ echo(input: { id: "a", inner: { colour: REDD } }) }',
        'input.inner.colour',
      ],
      ['a string for an enum', '{ echo(input: { id: "a", inner: { colour: "SECRET" } }) }', 'input.inner.colour'],
      ['a boolean for a string', '{ echo(input: { id: "a", name: true }) }', 'input.name'],
      ['a missing required field', '{ echo(input: { name: "SECRET" }) }', 'input.id'],
      ['an unknown field', '{ echo(input: { id: "a", nmae: "SECRET" }) }', 'input.nmae'],
      ['a string for a boolean', '{ other(flag: "SECRET") }', 'flag'],
    ])('names the argument path, without the value, for %s', async (_, query, field) => {
      const result = await run(query);

      expect(result.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', field });
      expect(result.errors?.[0]?.message.startsWith(`${field}: `)).toBe(true);
      expect(JSON.stringify(result)).not.toContain('SECRET');
    });

    it('keeps suggestions in development and drops them in production', async () => {
      const query = '{ echo(input: { id: "a", inner: { colour: REDD } }) }';

      const dev = await run(query);
      const production = await run(query, undefined, prod);

      expect(dev.errors?.[0]?.message).toMatch(/did you mean the enum value "RED"/);
      expect(production.errors?.[0]?.message).toBe('input.inner.colour: is not an accepted value');
    });
  });
});
