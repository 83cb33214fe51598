import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import {
  type FragmentDefinitionNode,
  GraphQLError,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { ValidationError } from '../shared/errors';
import { ErrorCode } from './errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

/*
 * A caseload page may fan out into patients, activities and check-ins; one request must not be able to ask for
 * millions of rows. Three checks run once the operation is known and before anything executes (so no partial
 * writes): nesting depth, estimated cost (page sizes multiply), and page size (`first` ≤ 100). They live in
 * `didResolveOperation`, not in validation rules, because cost depends on variables.
 *
 * Width is limited before that, while the document is parsed and validated: aliases let one request run the same
 * root field hundreds of times (1,000 `patient(id:)` reads, each audited, in one request), so an operation may have at
 * most 15 aliases (graphql-armor's rule), 20 root fields and 20 directives, and a document at most 5,000 tokens
 * (graphql-js's own parser limit). Validation errors all get GRAPHQL_VALIDATION_FAILED from Apollo; errors.ts gives
 * these back their own codes.
 */

export const MAX_DEPTH = 10;
export const MAX_COMPLEXITY = 10_000;
export const MAX_ALIASES = 15;
export const MAX_ROOT_FIELDS = 20;
export const MAX_DIRECTIVES = 20;
/** The parser stops after this many tokens; the largest operation our clients send has a few hundred. */
export const MAX_TOKENS = 5_000;

function limitError(code: ErrorCode, message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400 } } });
}

/** Deepest field nesting below `selectionSet`, following fragments; introspection fields are not counted. */
export function selectionDepth(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visiting: Set<string> = new Set(),
): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      depth = 1 + selectionDepth(selection.selectionSet, fragments, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = selectionDepth(selection.selectionSet, fragments, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || visiting.has(name)) continue;
      visiting.add(name);
      depth = selectionDepth(fragment.selectionSet, fragments, visiting);
      visiting.delete(name);
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

export function operationDepth(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>) {
  return selectionDepth(operation.selectionSet, fragments);
}

export interface LimitsOptions {
  maxDepth?: number;
  maxComplexity?: number;
}

export function queryLimitsPlugin<TContext extends object>(options: LimitsOptions = {}): ApolloServerPlugin<TContext> {
  const maxDepth = options.maxDepth ?? MAX_DEPTH;
  const maxComplexity = options.maxComplexity ?? MAX_COMPLEXITY;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, operationName, request, schema }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const depth = operationDepth(operation, fragments);
          if (depth > maxDepth) {
            throw limitError(
              ErrorCode.QUERY_TOO_DEEP,
              `Query is nested ${depth} levels deep; the limit is ${maxDepth}`,
              {
                depth,
                limit: maxDepth,
              },
            );
          }

          // Bad variables are reported by execution with their usual BAD_USER_INPUT error; don't pre-empt it.
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return;

          const oversized: number[] = [];
          const pageAware: ComplexityEstimator = ({ field, args, childComplexity }) => {
            if (!field.args.some((arg) => arg.name === 'first')) return 1 + childComplexity;
            const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
            if (first > MAX_PAGE_SIZE) oversized.push(first);
            return 1 + Math.max(1, Math.min(first, MAX_PAGE_SIZE)) * childComplexity;
          };
          const complexity = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            estimators: [pageAware],
            ...(operationName ? { operationName } : {}),
          });
          if (oversized.length > 0) {
            const error = new ValidationError('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
            throw new GraphQLError(error.message, {
              originalError: error,
              extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'first', http: { status: 400 } },
            });
          }
          if (complexity > maxComplexity) {
            throw limitError(
              ErrorCode.QUERY_TOO_COMPLEX,
              `Query is too expensive (estimated cost ${complexity}; the limit is ${maxComplexity}). Ask for smaller pages.`,
              { complexity, limit: maxComplexity },
            );
          }
        },
      };
    },
  };
}

/** Reports an armor rule's rejection as our limit error, with the count armor found when it says so. */
function reportLimit(code: ErrorCode, message: string, limit: number): GraphQLArmorRejectCallback {
  return (context, rejection) => {
    const found = /found (\d+)/.exec(rejection.message)?.[1];
    context?.reportError(limitError(code, message, { limit, ...(found ? { found: Number(found) } : {}) }));
  };
}

/** The response keys (alias or name) an operation asks for at its root, through fragments; `__typename` is free. */
function rootResponseKeys(
  selectionSet: SelectionSetNode,
  context: ValidationContext,
  keys: Set<string>,
  visiting: Set<string>,
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') keys.add(selection.alias?.value ?? selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      rootResponseKeys(selection.selectionSet, context, keys, visiting);
    } else if (!visiting.has(selection.name.value)) {
      const fragment = context.getFragment(selection.name.value);
      if (!fragment) continue;
      visiting.add(selection.name.value);
      rootResponseKeys(fragment.selectionSet, context, keys, visiting);
    }
  }
  return keys;
}

/**
 * At most `limit` root fields per operation. Fields with the same response key are merged by graphql-js and run
 * once, so distinct keys are what is counted.
 */
export function maxRootFieldsRule(limit: number = MAX_ROOT_FIELDS): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const keys = rootResponseKeys(operation.selectionSet, context, new Set(), new Set());
      if (keys.size > limit) {
        context.reportError(
          limitError(ErrorCode.QUERY_TOO_MANY_ROOT_FIELDS, `An operation may ask for at most ${limit} root fields`, {
            limit,
            found: keys.size,
          }),
        );
      }
    },
  });
}

/** Validation rules for the width of an operation: aliases, root fields, directives. */
export function operationWidthRules(): ValidationRule[] {
  return [
    maxAliasesRule({
      n: MAX_ALIASES,
      propagateOnRejection: false,
      onReject: [
        reportLimit(
          ErrorCode.QUERY_TOO_MANY_ALIASES,
          `An operation may use at most ${MAX_ALIASES} aliases`,
          MAX_ALIASES,
        ),
      ],
    }),
    maxRootFieldsRule(),
    maxDirectivesRule({
      n: MAX_DIRECTIVES,
      propagateOnRejection: false,
      onReject: [
        reportLimit(
          ErrorCode.QUERY_TOO_MANY_DIRECTIVES,
          `An operation may use at most ${MAX_DIRECTIVES} directives`,
          MAX_DIRECTIVES,
        ),
      ],
    }),
  ] as ValidationRule[];
}
