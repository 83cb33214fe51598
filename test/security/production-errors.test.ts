import { isEnumType, isInputObjectType, isNonNullType } from 'graphql';
import { createGraphQLHandler } from '../../functions/graphql/lambda';
import { createIdGenerator } from '../../functions/shared/ids';
import { createHarness, type Harness, parseResult } from '../integration/graphql/harness';
import { graphqlEvent, type HandlerResult, lambdaContext, staffClaims } from '../support/events';
import {
  inputLeaves,
  listOperations,
  literalDocument,
  operationDocument,
  sampleValue,
  sampleVariables,
  schema,
  withValueAt,
} from './schema-walk';
import { Tally } from './tally';

/*
 * In production (STAGE=prod) errors carry no schema hints: no `Did you mean …` for a misspelt field, argument, enum
 * value or input field, whether sent as a literal or in variables (issue 11: variable and enum errors still suggested),
 * and no introspection. Generated from the schema: a near miss (the real name less its last character) for every root
 * field, every enum input and every input object field.
 */

const SUGGESTION = /did you mean/i;

describe('production errors give no schema hints (generated from the schema)', () => {
  let h: Harness;
  let prod: (query: string, variables?: Record<string, unknown>) => Promise<ReturnType<typeof parseResult>>;
  const tally = new Tally('near misses in production, no suggestion given');

  beforeAll(async () => {
    h = await createHarness();
    const handler = createGraphQLHandler({
      store: h.store,
      stage: 'prod',
      clock: h.clock,
      newId: createIdGenerator(h.clock),
    });
    prod = async (query, variables) =>
      parseResult(
        (await handler(
          graphqlEvent(query, variables, { claims: staffClaims(h.staff.ADMIN) }),
          lambdaContext(),
          () => {},
        )) as HandlerResult,
      );
  });
  afterAll(async () => {
    tally.report();
    await h.close();
  });

  async function expectNoHint(label: string, query: string, variables?: Record<string, unknown>) {
    const response = await prod(query, variables);
    const held = (response.json.errors?.length ?? 0) > 0 && !SUGGESTION.test(response.raw);
    tally.record(label, held);
    return held ? undefined : `${label}: ${response.raw.slice(0, 300)}`;
  }

  it('refuses introspection', async () => {
    const schemaQuery = await prod('{ __schema { types { name } } }');
    const typeQuery = await prod('{ __type(name: "Patient") { fields { name } } }');

    expect(schemaQuery.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typeQuery.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('suggests no root field for a misspelt one', async () => {
    const failures: string[] = [];
    for (const operation of listOperations()) {
      const misspelt = operation.name.slice(0, -1);
      const failure = await expectNoHint(`${operation.name} as ${misspelt}`, `${operation.kind} { ${misspelt} }`);
      if (failure) failures.push(failure);
    }

    expect(failures).toEqual([]);
  });

  it('suggests no enum value for a near miss, in variables and literals', async () => {
    const failures: string[] = [];
    for (const leaf of inputLeaves().filter((l) => l.isEnum)) {
      const enumType = schema.getType(leaf.typeName);
      if (!isEnumType(enumType)) throw new Error(`${leaf.typeName} is not an enum`);
      const nearMiss = enumType.getValues()[0]!.name;
      const variables = withValueAt(
        leaf.operation,
        sampleVariables(leaf.operation),
        leaf.segments,
        nearMiss.slice(0, -1),
      );
      const label = `${leaf.operation.name} ${leaf.path}`;
      for (const failure of [
        await expectNoHint(`${label} (variable)`, operationDocument(leaf.operation, Object.keys(variables)), variables),
        await expectNoHint(`${label} (literal)`, literalDocument(leaf.operation, variables)),
      ]) {
        if (failure) failures.push(failure);
      }
    }

    expect(failures).toEqual([]);
  });

  it('suggests no argument or input field for a misspelt one, in variables and literals', async () => {
    const failures: string[] = [];
    for (const operation of listOperations().filter((o) => o.args.length > 0)) {
      const [first] = operation.args;
      // The misspelt argument must be in the document even when it is optional (`pcns(icbId:)`).
      const variables = { ...sampleVariables(operation), [first!.name]: sampleValue(first!.type) };
      const misspeltArgument = operationDocument(operation, Object.keys(variables)).replace(
        new RegExp(`\\b${first!.name}: \\$`),
        `${first!.name.slice(0, -1)}: $`,
      );
      const failure = await expectNoHint(
        `${operation.name}(${first!.name.slice(0, -1)}:)`,
        misspeltArgument,
        variables,
      );
      if (failure) failures.push(failure);

      for (const arg of operation.args) {
        const type = isNonNullType(arg.type) ? arg.type.ofType : arg.type;
        if (!isInputObjectType(type)) continue;
        const fields = type.getFields();
        for (const field of Object.values(fields).filter((f) => !(f.name.slice(0, -1) in fields))) {
          const value = { ...((variables[arg.name] as object | undefined) ?? {}), [field.name.slice(0, -1)]: 1 };
          const withMisspelt = { ...variables, [arg.name]: value };
          const label = `${operation.name} ${arg.name}.${field.name.slice(0, -1)}`;
          for (const result of [
            await expectNoHint(
              `${label} (variable)`,
              operationDocument(operation, Object.keys(withMisspelt)),
              withMisspelt,
            ),
            await expectNoHint(`${label} (literal)`, literalDocument(operation, withMisspelt)),
          ]) {
            if (result) failures.push(result);
          }
        }
      }
    }

    expect(failures).toEqual([]);
  });
});
