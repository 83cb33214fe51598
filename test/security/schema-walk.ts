import {
  buildASTSchema,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
} from 'graphql';
import { sdl } from '../../functions/graphql/generated/schema';

/*
 * The schema as data, for tests generated from it: every query and mutation with its arguments, every input leaf
 * (nested input fields and list items included) with its path, values that pass coercion, and documents that send
 * them as variables or literals. A test built on these covers an operation the day it is added.
 */

export const schema: GraphQLSchema = buildASTSchema(parse(sdl));

export type OperationKind = 'query' | 'mutation';

export interface SchemaOperation {
  kind: OperationKind;
  /** The root field: `createReferral`. */
  name: string;
  args: readonly GraphQLArgument[];
}

/** Every query and mutation, queries first, each in schema order. */
export function listOperations(from: GraphQLSchema = schema): SchemaOperation[] {
  const roots: [OperationKind, ReturnType<GraphQLSchema['getQueryType']>][] = [
    ['query', from.getQueryType()],
    ['mutation', from.getMutationType()],
  ];
  return roots.flatMap(([kind, type]) =>
    Object.values(type?.getFields() ?? {}).map((field) => ({ kind, name: field.name, args: field.args })),
  );
}

export type PathSegment = string | number;

export interface InputLeaf {
  operation: SchemaOperation;
  /** From the argument down: `['input', 'newPatient', 'givenName']`, list items as index 0. */
  segments: readonly PathSegment[];
  /** As errors name it: `input.newPatient.givenName`, `input.notes[0]`. */
  path: string;
  /** The leaf's scalar or enum type, unwrapped: `ID`, `String`, `Sex`. */
  typeName: string;
  isEnum: boolean;
}

/** True when `leaf` is an input of `operation` (operations are compared by kind and name, not identity). */
export function sameOperation(leaf: InputLeaf, operation: SchemaOperation): boolean {
  return leaf.operation.kind === operation.kind && leaf.operation.name === operation.name;
}

export function printPath(segments: readonly PathSegment[]): string {
  return segments.reduce<string>(
    (text, segment, i) =>
      typeof segment === 'number' ? `${text}[${segment}]` : i === 0 ? segment : `${text}.${segment}`,
    '',
  );
}

function leavesBelow(
  operation: SchemaOperation,
  type: GraphQLInputType,
  segments: PathSegment[],
  visiting: Set<string>,
): InputLeaf[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return leavesBelow(operation, inner.ofType, [...segments, 0], visiting);
  if (isInputObjectType(inner)) {
    if (visiting.has(inner.name)) return [];
    const below = new Set(visiting).add(inner.name);
    return Object.values(inner.getFields()).flatMap((field) =>
      leavesBelow(operation, field.type, [...segments, field.name], below),
    );
  }
  return [{ operation, segments, path: printPath(segments), typeName: inner.name, isEnum: isEnumType(inner) }];
}

/** Every scalar and enum input of every operation, however deeply nested. */
export function inputLeaves(from: GraphQLSchema = schema): InputLeaf[] {
  return listOperations(from).flatMap((operation) =>
    operation.args.flatMap((arg) => leavesBelow(operation, arg.type, [arg.name], new Set())),
  );
}

/** Values our scalars accept (fictional: the NHS number and the Ofcom drama-range mobile are test values). */
const SCALAR_SAMPLES: Record<string, unknown> = {
  ID: 'probe-id',
  String: 'probe',
  Int: 1,
  Float: 1,
  Boolean: false,
  Date: '2026-01-01',
  DateTime: '2026-01-01T10:00:00Z',
  NhsNumber: '9434765919',
  PhoneNumber: '07700900123',
};

/** A value of `type` that passes coercion and the edge rules: required fields only, lists of one. */
export function sampleValue(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [sampleValue(inner.ofType)];
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = sampleValue(field.type);
    }
    return value;
  }
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  if (!(inner.name in SCALAR_SAMPLES)) throw new Error(`schema-walk has no sample for scalar ${inner.name}`);
  return SCALAR_SAMPLES[inner.name];
}

/** Variables for every required argument of `operation`. */
export function sampleVariables(operation: SchemaOperation): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const arg of operation.args) {
    if (isNonNullType(arg.type) && arg.defaultValue === undefined) variables[arg.name] = sampleValue(arg.type);
  }
  return variables;
}

/** `variables` with `value` put at `segments`, filling in required siblings along the way. */
export function withValueAt(
  operation: SchemaOperation,
  variables: Record<string, unknown>,
  segments: readonly PathSegment[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(variables) as Record<string, unknown>;
  const [argName, ...rest] = segments as [string, ...PathSegment[]];
  const arg = operation.args.find((a) => a.name === argName);
  if (!arg) throw new Error(`no argument ${argName} on ${operation.name}`);
  if (rest.length === 0) {
    copy[argName] = value;
    return copy;
  }
  copy[argName] ??= sampleValue(arg.type);
  let container = copy[argName] as Record<PathSegment, unknown>;
  let type: GraphQLInputType = arg.type;
  for (const [i, segment] of rest.entries()) {
    type = isNonNullType(type) ? type.ofType : type;
    const childType: GraphQLInputType = isListType(type)
      ? type.ofType
      : isInputObjectType(type)
        ? type.getFields()[segment as string]!.type
        : type;
    if (i === rest.length - 1) {
      container[segment] = value;
    } else {
      container[segment] ??= sampleValue(childType);
      container = container[segment] as Record<PathSegment, unknown>;
    }
    type = childType;
  }
  return copy;
}

/** A document running `operation` once, every argument passed as a variable named after it. */
export function operationDocument(operation: SchemaOperation, argNames?: readonly string[]): string {
  const args = operation.args.filter((arg) => !argNames || argNames.includes(arg.name));
  const definitions = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const call = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const field = schema[operation.kind === 'query' ? 'getQueryType' : 'getMutationType']()!.getFields()[operation.name]!;
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${operation.kind} Probe${definitions ? `(${definitions})` : ''} { ${operation.name}${call ? `(${call})` : ''}${selection} }`;
}

/** `value` as a GraphQL literal; strings under an enum type are written bare when they are names. */
export function printLiteral(value: unknown, type: GraphQLInputType): string {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const item = isListType(inner) ? inner.ofType : inner;
    return `[${value.map((v) => printLiteral(v, item)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const fields = isInputObjectType(inner) ? inner.getFields() : {};
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => `${key}: ${printLiteral(v, fields[key]?.type ?? inner)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'string' && isEnumType(inner) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  return JSON.stringify(value);
}

/** A document running `operation` with every argument written inline as a literal. */
export function literalDocument(operation: SchemaOperation, values: Record<string, unknown>): string {
  const call = operation.args
    .filter((arg) => arg.name in values)
    .map((arg) => `${arg.name}: ${printLiteral(values[arg.name], arg.type)}`)
    .join(', ');
  const field = schema[operation.kind === 'query' ? 'getQueryType' : 'getMutationType']()!.getFields()[operation.name]!;
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${operation.kind} { ${operation.name}${call ? `(${call})` : ''}${selection} }`;
}
