import {
  buildASTSchema,
  findBreakingChanges,
  findDangerousChanges,
  type GraphQLScalarType,
  type GraphQLSchema,
  isObjectType,
  parse,
  visit,
} from 'graphql';
import { sdl, sdlWithoutDescriptions } from '../../../functions/graphql/generated/schema';
import { resolvers } from '../../../functions/graphql/resolvers';
import { DateTimeScalar } from '../../../functions/graphql/scalars';
import { executableSchema } from '../../../functions/graphql/schema';

describe('schema', () => {
  const schema = buildASTSchema(parse(sdl));
  const resolverMap = resolvers as Record<string, Record<string, unknown> | undefined>;

  it('exposes the contracted operation names', () => {
    const queries = Object.keys(schema.getQueryType()!.getFields()).sort();
    const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();

    expect(queries).toEqual(
      expect.arrayContaining(['me', 'caseload', 'referral', 'patient', 'activities', 'activity', 'auditTrail']),
    );
    expect(mutations).toEqual(
      expect.arrayContaining([
        'createReferral',
        'assignReferral',
        'transitionReferral',
        'recordWhatMatters',
        'createActivity',
        'updateActivity',
        'prescribeActivity',
        'recordAttendance',
        'setSmsConsent',
        'erasePatient',
      ]),
    );
  });

  it('has a resolver for every query and mutation (no field is left to return null)', () => {
    const missing = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => typeof resolverMap[type.name]?.[field.name] !== 'function')
        .map((field) => `${type.name}.${field.name}`),
    );

    expect(missing).toEqual([]);
  });

  // Lists whose length an argument bounds and whose members are not stored records: paging them would add nothing.
  const BOUNDED_LISTS = new Set([
    // The release calendar: at most 36 catalogue periods (`last` is 1–36), computed from the date, never stored.
    'Query.releasedOutcomePeriods',
  ]);

  it('returns every list of records as a Relay connection with edges and pageInfo', () => {
    const offenders: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const named = field.type.toString();
        const element = schema.getType(named.replace(/[[\]!]/g, ''));
        // Lists of records (types with an id) must be connections; small value lists (outcome answers) may not be.
        if (
          named.startsWith('[') &&
          !type.name.endsWith('Connection') &&
          isObjectType(element) &&
          element.getFields().id &&
          !BOUNDED_LISTS.has(`${type.name}.${field.name}`)
        ) {
          offenders.push(`${type.name}.${field.name}: ${named}`);
        }
      }
      if (type.name.endsWith('Connection')) {
        expect(Object.keys(type.getFields()).sort()).toEqual(['edges', 'pageInfo']);
      }
    }

    expect(offenders).toEqual([]);
  });

  it('returns the same types, fields, arguments and directives without descriptions (what production serves)', () => {
    const bare = buildASTSchema(parse(sdlWithoutDescriptions));
    const changes = (from: GraphQLSchema, to: GraphQLSchema) => [
      ...findBreakingChanges(from, to),
      ...findDangerousChanges(from, to),
    ];

    expect(changes(schema, bare)).toEqual([]);
    expect(changes(bare, schema)).toEqual([]);
    let descriptions = 0;
    visit(parse(sdlWithoutDescriptions), {
      enter: (node) => {
        if ('description' in node && node.description) descriptions++;
      },
    });
    expect(descriptions).toBe(0);
  });
});

describe('executableSchema', () => {
  const saved = process.env.LINKWORK_SCHEMA_DESCRIPTIONS;
  afterEach(() => {
    if (saved === undefined) delete process.env.LINKWORK_SCHEMA_DESCRIPTIONS;
    else process.env.LINKWORK_SCHEMA_DESCRIPTIONS = saved;
  });

  it('returns the schema with its descriptions and every resolver attached', () => {
    delete process.env.LINKWORK_SCHEMA_DESCRIPTIONS;

    const served = executableSchema();

    expect(served.getQueryType()?.getFields().caseload?.description).toEqual(expect.any(String));
    // graphql-tools binds each resolver it attaches: the field has one, where an unresolved field has none.
    expect(served.getQueryType()?.getFields().caseload?.resolve).toEqual(expect.any(Function));
    expect((served.getType('DateTime') as GraphQLScalarType).serialize).toBe(DateTimeScalar.serialize);
  });

  it('returns the schema without descriptions when the bundle says to omit them', () => {
    process.env.LINKWORK_SCHEMA_DESCRIPTIONS = 'omit';

    const served = executableSchema();

    expect(served.getQueryType()?.getFields().caseload?.description).toBeUndefined();
    // graphql-tools binds each resolver it attaches: the field has one, where an unresolved field has none.
    expect(served.getQueryType()?.getFields().caseload?.resolve).toEqual(expect.any(Function));
  });
});
