import { type GraphQLInputType, isInputObjectType, isListType, isNonNullType } from 'graphql';
import { createHarness, type Harness } from '../integration/graphql/harness';
import {
  type InputLeaf,
  inputLeaves,
  listOperations,
  literalDocument,
  operationDocument,
  type SchemaOperation,
  sameOperation,
  sampleValue,
  sampleVariables,
  withValueAt,
} from './schema-walk';
import { Tally } from './tally';

/*
 * Generated from the schema: for every operation, invalid inputs that carry a marker (in every scalar and enum input,
 * as a variable and as a literal; as the other fields of an input object missing a required one; as an unknown field;
 * as a whole argument of the wrong shape) must be refused without the marker appearing anywhere in the response.
 * Issue 11: a `newPatient` missing `sex` answered `Variable "$i" got invalid value { nhsNumber: "…", givenName: "…",
 * mobile: "…" }`.
 */

const MARKER = 'Zqx7Marker';
/** Markers for scalars that only take digits or dates, each invalid for its scalar: they must not come back either. */
const SCALAR_MARKERS: Record<string, string> = {
  NhsNumber: '9434765918',
  PhoneNumber: '0113 496 0999',
  Date: '2025-02-29',
  DateTime: '2026-02-30T10:00:00Z',
};

/** An invalid value for `leaf` that carries a marker, and the text that must not come back. */
function invalidValueFor(leaf: InputLeaf): { value: unknown; marker: string }[] {
  if (leaf.typeName in SCALAR_MARKERS) {
    const marker = SCALAR_MARKERS[leaf.typeName]!;
    return [
      { value: marker, marker },
      { value: MARKER, marker: MARKER },
    ];
  }
  switch (leaf.typeName) {
    case 'ID':
      return [{ value: `${MARKER} with spaces`, marker: MARKER }];
    case 'String':
      return [{ value: `${MARKER}\u0000`, marker: MARKER }];
    default:
      // Int, Float, Boolean and enums: a string that is none of them.
      return [{ value: MARKER, marker: MARKER }];
  }
}

/** A valid value of `type` whose every text and id is the marker (so a refusal elsewhere must not quote it). */
function markedValue(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [markedValue(inner.ofType)];
  if (isInputObjectType(inner)) {
    return Object.fromEntries(Object.values(inner.getFields()).map((f) => [f.name, markedValue(f.type)]));
  }
  if (inner.name === 'String' || inner.name === 'ID') return MARKER;
  return sampleValue(inner);
}

interface Attempt {
  label: string;
  query: string;
  variables?: Record<string, unknown>;
  marker: string;
}

function attemptsFor(operation: SchemaOperation, leaves: InputLeaf[]): Attempt[] {
  const attempts: Attempt[] = [];
  for (const leaf of leaves) {
    for (const { value, marker } of invalidValueFor(leaf)) {
      const variables = withValueAt(operation, sampleVariables(operation), leaf.segments, value);
      attempts.push({
        label: `${leaf.path} = invalid ${leaf.typeName} (variable)`,
        query: operationDocument(operation, Object.keys(variables)),
        variables,
        marker,
      });
      attempts.push({
        label: `${leaf.path} = invalid ${leaf.typeName} (literal)`,
        query: literalDocument(operation, variables),
        marker,
      });
    }
  }
  for (const arg of operation.args) {
    const inner = isNonNullType(arg.type) ? arg.type.ofType : arg.type;
    const others = sampleVariables(operation);
    const query = operationDocument(operation, [...new Set([...Object.keys(others), arg.name])]);
    if (isInputObjectType(inner)) {
      const marked = markedValue(arg.type) as Record<string, unknown>;
      for (const field of Object.values(inner.getFields())) {
        if (!isNonNullType(field.type)) continue;
        const { [field.name]: _missing, ...rest } = marked;
        attempts.push({
          label: `${arg.name} without ${field.name}, the rest marked`,
          query,
          variables: { ...others, [arg.name]: rest },
          marker: MARKER,
        });
      }
      attempts.push({
        label: `${arg.name} with an unknown field`,
        query,
        variables: { ...others, [arg.name]: { ...marked, zzUnknown: MARKER } },
        marker: MARKER,
      });
      attempts.push({
        label: `${arg.name} as a string`,
        query,
        variables: { ...others, [arg.name]: MARKER },
        marker: MARKER,
      });
    } else {
      attempts.push({
        label: `${arg.name} as an object`,
        query,
        variables: { ...others, [arg.name]: { [MARKER]: MARKER } },
        marker: MARKER,
      });
    }
  }
  return attempts;
}

const leaves = inputLeaves();
const operations = listOperations().filter((operation) => operation.args.length > 0);

describe('errors never echo a submitted value (generated from the schema)', () => {
  let h: Harness;
  const tally = new Tally('invalid inputs carrying a marker, marker never echoed');

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    tally.report();
    await h.close();
  });

  it.each(operations.map((operation) => [operation.name, operation] as const))(
    'refuses invalid inputs of %s without repeating them',
    async (_, operation) => {
      const failures: string[] = [];
      for (const attempt of attemptsFor(
        operation,
        leaves.filter((leaf) => sameOperation(leaf, operation)),
      )) {
        const response = await h.gql(h.staff.ADMIN, attempt.query, attempt.variables);
        const errors = response.json.errors ?? [];
        const held =
          errors.length > 0 &&
          response.json.data == null &&
          !response.raw.includes(attempt.marker) &&
          errors.every((e) => typeof e.extensions?.code === 'string');
        tally.record(`${operation.name}: ${attempt.label}`, held);
        if (!held) failures.push(`${attempt.label}: ${response.raw.slice(0, 300)}`);
      }

      expect(failures).toEqual([]);
    },
  );
});
