import { buildASTSchema, buildSchema, parse } from 'graphql';
import { sdl } from '../../../functions/graphql/generated/schema';
import { describeCoverage, formatCounts } from '../../../scripts/schema-descriptions-check';

describe('describeCoverage', () => {
  it('returns no undescribed element and no unexplained deprecation in the schema the server serves', () => {
    const served = buildASTSchema(parse(sdl));

    const report = describeCoverage(served);

    expect(report.missing).toEqual([]);
    expect(report.deprecatedWithoutReason).toEqual([]);
  });

  it('lists every undescribed type, field, argument, enum value, input field, scalar and directive by coordinate', () => {
    const schema = buildSchema(`
      "Described."
      type Query {
        "Described."
        described("Described." a: Int): Int
        bare(b: Int, "Described." c: Int): Shape
      }
      type Shape { x: Int }
      "Described."
      enum Colour { RED "Described." GREEN }
      input Filter { colour: Colour "Described." size: Int }
      scalar Postcode
      interface Node { id: ID! }
      union Thing = Shape
      directive @tag(name: String) on FIELD_DEFINITION
    `);

    const report = describeCoverage(schema);

    expect(report.missing).toEqual([
      'Colour.RED',
      'Filter',
      'Filter.colour',
      'Node',
      'Node.id',
      'Postcode',
      'Query.bare',
      'Query.bare(b:)',
      'Shape',
      'Shape.x',
      'Thing',
      '@tag',
      '@tag(name:)',
    ]);
  });

  it('returns a blank description as missing', () => {
    const schema = buildSchema(`
      "   "
      type Query {
        ""
        a: Int
      }
    `);

    expect(describeCoverage(schema).missing).toEqual(['Query', 'Query.a']);
  });

  it('lists a deprecation that gives no reason, and passes one that does', () => {
    const schema = buildSchema(`
      "Described."
      type Query {
        "Described."
        old: Int @deprecated
        "Described."
        older: Int @deprecated(reason: "Use \`newer\`.")
        "Described."
        newer: Int
      }
    `);

    expect(describeCoverage(schema).deprecatedWithoutReason).toEqual(['Query.old']);
  });

  it('returns described and total counts per kind, leaving out built-in scalars and directives', () => {
    const schema = buildSchema(`
      "Described."
      type Query {
        "Described."
        a(x: String): Boolean
        b: ID
      }
      enum E { "Described." ONE TWO }
    `);

    const { counts } = describeCoverage(schema);

    expect(counts).toEqual({
      type: { described: 1, total: 2 },
      field: { described: 1, total: 2 },
      argument: { described: 0, total: 1 },
      'enum value': { described: 1, total: 2 },
      'input field': { described: 0, total: 0 },
      directive: { described: 0, total: 0 },
    });
    expect(formatCounts(counts)).toBe('types 1/2, fields 1/2, arguments 0/1, enum values 1/2');
  });
});
