import { buildSchema, type GraphQLResolveInfo, graphql } from 'graphql';
import { projectionCovers, selectedFieldsAt } from '../../../functions/graphql/projection';

/*
 * The selection check runs inside graphql-js's real execution: the resolver of `row` sees the client's query as
 * graphql-js hands it over (aliases, fragments, directives), and records what the check made of it.
 */
const schema = buildSchema(`
  type Person { id: ID! name: String nhsNumber: String }
  type PersonEdge { cursor: String! node: Person! }
  type PersonConnection { edges: [PersonEdge!]! }
  type Query { row: Person people: PersonConnection }
`);

const HELD = new Set(['id', 'name']);

async function check(query: string, field: 'row' | 'people', path: string[] = []) {
  let seen: { covered: boolean; selected: string[] | undefined } | undefined;
  const record = (info: GraphQLResolveInfo) => {
    seen = {
      covered: projectionCovers(info, path, HELD),
      selected: selectedFieldsAt(info, path) && [...(selectedFieldsAt(info, path) ?? [])].sort(),
    };
  };
  const rootValue = {
    row: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
      if (field === 'row') record(info);
      return { id: '1', name: 'A' };
    },
    people: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
      if (field === 'people') record(info);
      return { edges: [] };
    },
  };
  const result = await graphql({ schema, source: query, rootValue });
  expect(result.errors).toBeUndefined();
  return seen!;
}

describe('projectionCovers', () => {
  it('returns true when only held fields and __typename are asked for, aliased or not', async () => {
    expect(await check('{ row { id shown: name __typename } }', 'row')).toEqual({
      covered: true,
      selected: ['__typename', 'id', 'name'],
    });
  });

  it('returns false when a named fragment asks for a field the projection does not hold', async () => {
    const query = 'query { row { id ...More } } fragment More on Person { name nhsNumber }';
    expect(await check(query, 'row')).toEqual({ covered: false, selected: ['id', 'name', 'nhsNumber'] });
  });

  it('returns false for a field under @include, even when the condition is false', async () => {
    const query = '{ row { id nhsNumber @include(if: false) } }';
    expect((await check(query, 'row')).covered).toBe(false);
  });

  it('returns the fields of a connection node through edges, and false once the node asks for more', async () => {
    expect(await check('{ people { edges { cursor node { id name } } } }', 'people', ['edges', 'node'])).toEqual({
      covered: true,
      selected: ['id', 'name'],
    });
    const inline = '{ people { edges { node { id ... on Person { nhsNumber } } } } }';
    expect((await check(inline, 'people', ['edges', 'node'])).covered).toBe(false);
  });

  it('returns true with nothing selected when the path is not asked for at all', async () => {
    expect(await check('{ people { __typename } }', 'people', ['edges', 'node'])).toEqual({
      covered: true,
      selected: undefined,
    });
  });
});
