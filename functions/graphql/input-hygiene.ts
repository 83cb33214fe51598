import type { ApolloServerPlugin } from '@apollo/server';
import {
  type ASTNode,
  BREAK,
  coerceInputValue,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInputType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  typeFromAST,
  valueFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { DomainError, ValidationError } from '../shared/errors';
import { idInputProblem } from '../shared/ids';
import { characterCount, EDGE_TEXT_MAX, textProblem } from '../shared/text';
import { ErrorCode } from './errors';
import { annotateValidationErrors, BUILT_IN_SCALAR_REASONS } from './request-errors';

/*
 * Threat model: every argument of every operation is attacker-controlled, and ids go straight into DynamoDB keys and
 * log lines. So once the operation is known, and before anything executes, every input is checked against the
 * schema's own types, nested input objects and lists included, so an operation added tomorrow is covered without a
 * line here:
 * - every `ID` must be 1..64 letters, digits, hyphens or underscores (functions/shared/ids.ts);
 * - every `String` must be text a person could have typed: no control characters other than tab and line breaks, no
 *   bidirectional overrides or isolates, no unpaired surrogates, and at most 10,000 characters
 *   (functions/shared/text.ts). Each context then applies its own, tighter, rules (one-line names, lengths).
 * Variables are coerced here too, structurally, so a bad variable is answered with the path of what was wrong
 * (`input.newPatient.sex`) and a reason, never with the value graphql-js would quote. Failures are BAD_USER_INPUT
 * with `extensions.field`; the first one found is reported.
 */

export interface InputProblem {
  /** Path of the input: `id`, `input.practiceId`, `input.notes[2]`. */
  field: string;
  /** In words fit for a client; never quotes the value. */
  reason: string;
  /** The variable definition or argument it came in, for the error's `locations`. */
  node?: ASTNode;
}

type Path = readonly (string | number)[];

function printPath(root: string, path: Path): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${key}`), root);
}

function nullable(type: GraphQLInputType): GraphQLInputType {
  return isNonNullType(type) ? type.ofType : type;
}

/** The input type at `path` below `type`, as coerceInputValue walks it (a single value stands for a list of one). */
function typeAt(type: GraphQLInputType, path: Path): GraphQLInputType | undefined {
  let current: GraphQLInputType | undefined = type;
  for (const key of path) {
    if (!current) return undefined;
    current = nullable(current);
    while (isListType(current) && typeof key !== 'number') current = nullable(current.ofType);
    if (isListType(current)) current = current.ofType;
    else if (isInputObjectType(current) && typeof key === 'string') current = current.getFields()[key]?.type;
    else return undefined;
  }
  return current;
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why `invalid`, found at `field` where `type` is expected, failed coercion; built from the types, not the value. */
function coercionProblem(
  field: string,
  type: GraphQLInputType | undefined,
  invalid: unknown,
  error: GraphQLError,
  hideSchemaDetails: boolean,
): InputProblem {
  // Our scalars (NhsNumber, PhoneNumber, Date, DateTime) say what is wrong in their own words.
  const scalarError = error.originalError;
  if (scalarError instanceof ValidationError) {
    const prefix = `${scalarError.field}: `;
    const reason = scalarError.message.startsWith(prefix) ? scalarError.message.slice(prefix.length) : 'is not valid';
    return { field, reason };
  }
  if (scalarError instanceof DomainError || !type) return { field, reason: 'is not valid' };
  if (invalid === null) return { field, reason: 'must not be null' };
  let named = nullable(type);
  // A single value stands for a list of one: it is judged as an item.
  while (isListType(named) && !Array.isArray(invalid)) named = nullable(named.ofType);
  if (isInputObjectType(named)) {
    if (!isRecord(invalid)) return { field, reason: 'must be an object' };
    const fields = named.getFields();
    const missing = Object.values(fields).find(
      (f) => isNonNullType(f.type) && f.defaultValue === undefined && invalid[f.name] === undefined,
    );
    if (missing) return { field: `${field}.${missing.name}`, reason: 'is required' };
    const unknown = Object.keys(invalid).find((key) => !(key in fields));
    if (unknown !== undefined) {
      const reason = hideSchemaDetails ? 'is not an accepted field' : `is not a field of ${named.name}`;
      return NAME.test(unknown)
        ? { field: `${field}.${unknown}`, reason }
        : { field, reason: 'has a field that is not accepted' };
    }
    return { field, reason: 'is not valid' };
  }
  if (isEnumType(named)) {
    const values = named.getValues().map((v) => v.name);
    return { field, reason: hideSchemaDetails ? 'is not an accepted value' : `must be one of ${values.join(', ')}` };
  }
  if (isListType(named)) return { field, reason: 'is not valid' };
  return { field, reason: BUILT_IN_SCALAR_REASONS[named.name] ?? `must be a valid ${named.name}` };
}

export type CoercedVariables = { values: Record<string, unknown> } | { problem: InputProblem };

/**
 * The operation's variables, coerced as graphql-js's `getVariableValues` does, or the first problem as a path and a
 * reason (graphql-js would quote the value).
 */
export function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  inputs: Readonly<Record<string, unknown>>,
  hideSchemaDetails: boolean,
): CoercedVariables {
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    if (!type || !isInputType(type)) continue; // validation has refused such an operation already
    if (!Object.hasOwn(inputs, name)) {
      if (definition.defaultValue) values[name] = valueFromAST(definition.defaultValue, type);
      else if (isNonNullType(type)) return { problem: { field: name, reason: 'is required', node: definition } };
      continue;
    }
    const input = inputs[name];
    if (input === null && isNonNullType(type)) {
      return { problem: { field: name, reason: 'must not be null', node: definition } };
    }
    let problem: InputProblem | undefined;
    const coerced = coerceInputValue(input, type, (path, invalid, error) => {
      problem ??= coercionProblem(printPath(name, path), typeAt(type, path), invalid, error, hideSchemaDetails);
    });
    if (problem) return { problem: { ...problem, node: definition } };
    values[name] = coerced;
  }
  return { values };
}

/** The first ID or String inside `value` (a coerced input of `type`, at `field`) that breaks the rules above. */
export function inputValueProblem(value: unknown, type: GraphQLInputType, field: string): InputProblem | undefined {
  if (value === null || value === undefined) return undefined;
  if (isNonNullType(type)) return inputValueProblem(value, type.ofType, field);
  if (isListType(type)) {
    if (!Array.isArray(value)) return inputValueProblem(value, type.ofType, field);
    for (const [index, item] of value.entries()) {
      const problem = inputValueProblem(item, type.ofType, `${field}[${index}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isInputObjectType(type)) {
    if (!isRecord(value)) return undefined;
    for (const child of Object.values(type.getFields())) {
      const problem = inputValueProblem(value[child.name], child.type, `${field}.${child.name}`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (type.name === 'ID') {
    const reason = idInputProblem(value);
    return reason ? { field, reason } : undefined;
  }
  if (type.name === 'String' && typeof value === 'string') {
    const reason =
      textProblem(value, true) ??
      (value.length > EDGE_TEXT_MAX && characterCount(value) > EDGE_TEXT_MAX
        ? `must be at most ${EDGE_TEXT_MAX} characters`
        : undefined);
    return reason ? { field, reason } : undefined;
  }
  return undefined;
}

/** The operation and every fragment it spreads, directly or through other fragments. */
function operationAndFragments(document: DocumentNode, operation: OperationDefinitionNode) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const reached: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
  const seen = new Set<string>();
  for (let i = 0; i < reached.length; i++) {
    visit(reached[i]!, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !seen.has(spread.name.value)) {
          seen.add(spread.name.value);
          reached.push(fragment);
        }
      },
    });
  }
  return reached;
}

/** The first argument value (field or directive argument, literal or variable) that breaks the rules above. */
export function argumentProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): InputProblem | undefined {
  let found: InputProblem | undefined;
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      const argument = typeInfo.getArgument();
      if (!argument) return false;
      // Undefined for a variable left out (its default applies) or a literal graphql-js already refused.
      const value = valueFromAST(node.value, argument.type, variables);
      const problem = value === undefined ? undefined : inputValueProblem(value, argument.type, node.name.value);
      if (!problem) return false;
      found = { ...problem, node };
      return BREAK;
    },
  });
  for (const node of operationAndFragments(document, operation)) {
    visit(node, visitor);
    if (found) return found;
  }
  return undefined;
}

function inputError(problem: InputProblem): GraphQLError {
  const error = new ValidationError(problem.field, problem.reason);
  return new GraphQLError(error.message, {
    ...(problem.node ? { nodes: problem.node } : {}),
    originalError: error,
    extensions: { code: ErrorCode.BAD_USER_INPUT, field: problem.field, http: { status: 400 } },
  });
}

export interface InputHygieneOptions {
  /** Production: enum values and type names are left out of reasons, as schema details. */
  hideSchemaDetails: boolean;
}

/** The Apollo plugin: see the module comment. It also names the input of graphql-js's validation errors. */
export function inputHygienePlugin<TContext extends object>(
  options: InputHygieneOptions,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart({ document }) {
          return async (errors) => {
            if (errors?.length) annotateValidationErrors(document, errors);
          };
        },
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const variables = coerceVariables(schema, operation, request.variables ?? {}, options.hideSchemaDetails);
          if ('problem' in variables) throw inputError(variables.problem);
          const problem = argumentProblem(schema, document, operation, variables.values);
          if (problem) throw inputError(problem);
        },
      };
    },
  };
}
