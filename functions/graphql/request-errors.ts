import { type ASTNode, BREAK, type DocumentNode, GraphQLError, Kind, type ValueNode, visit } from 'graphql';

/*
 * graphql-js writes its request errors for developers: they quote the value that was wrong (`Expected value of type
 * "Sex!", found "…"`, `Variable "$i" got invalid value { nhsNumber: "…", givenName: "…" }`, `Syntax Error: Unexpected
 * String "…"`) and suggest schema names (`Did you mean …`). A quoted value can be an NHS number or a name, and
 * responses end up in browser consoles, proxies and bug reports. So each such message is rebuilt here from the path of
 * the input it is about (`input.newPatient.sex`, never the value) and a reason in our words; suggestions stay in
 * development only. The path comes from the document (`annotateValidationErrors`, run while validating), or for
 * variables from the structural coercion in input-hygiene.ts, which answers before graphql-js would.
 */

/** Names are GraphQL Names (the lexer checks them), shown only while short. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

function childPath(path: string, name: string): string {
  return NAME.test(name) ? `${path}.${name}` : path;
}

/** The path of `target` inside `value`, which sits at `path`, or undefined when it is not there. */
function pathWithin(value: ValueNode, path: string, target: ASTNode): string | undefined {
  if (value === target) return path;
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const fieldPath = childPath(path, field.name.value);
      if (field === target) return fieldPath;
      const found = pathWithin(field.value, fieldPath, target);
      if (found) return found;
    }
  } else if (value.kind === Kind.LIST) {
    for (const [index, item] of value.values.entries()) {
      const found = pathWithin(item, `${path}[${index}]`, target);
      if (found) return found;
    }
  }
  return undefined;
}

/** Where in the operation's inputs `target` (a value or an object field) is: `input.newPatient.sex`. */
export function inputPathOf(document: DocumentNode, target: ASTNode): string | undefined {
  if (target.kind !== Kind.OBJECT_FIELD && !isValueNode(target)) return undefined;
  let found: string | undefined;
  visit(document, {
    Argument(argument) {
      found = pathWithin(argument.value, argument.name.value, target);
      return found ? BREAK : false;
    },
    VariableDefinition(definition) {
      if (definition.defaultValue) found = pathWithin(definition.defaultValue, definition.variable.name.value, target);
      return found ? BREAK : false;
    },
  });
  return found;
}

function isValueNode(node: ASTNode): node is ValueNode {
  switch (node.kind) {
    case Kind.VARIABLE:
    case Kind.INT:
    case Kind.FLOAT:
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.NULL:
    case Kind.ENUM:
    case Kind.LIST:
    case Kind.OBJECT:
      return true;
    default:
      return false;
  }
}

const REQUIRED_FIELD_MISSING = /^Field "(?:\w+\.)?(\w+)" of required type "[^"]*" was not provided\.$/;
const ARGUMENT_NAMED = /^(?:Field "\w+" argument|Unknown argument|Argument) "(\w+)"/;
const VARIABLE_NAMED = /^Variable "\$(\w+)"/;

/** The input a validation error is about, as a path, from the document; undefined for errors about selections. */
export function inputFieldOf(document: DocumentNode, error: GraphQLError): string | undefined {
  const node = error.nodes?.[0];
  const path = node ? inputPathOf(document, node) : undefined;
  if (path) {
    // "required field missing" points at the object that lacks it: name the missing field.
    const missing = REQUIRED_FIELD_MISSING.exec(error.message)?.[1];
    return missing && node?.kind === Kind.OBJECT ? childPath(path, missing) : path;
  }
  const named = ARGUMENT_NAMED.exec(error.message)?.[1] ?? VARIABLE_NAMED.exec(error.message)?.[1];
  return named && NAME.test(named) ? named : undefined;
}

/** Adds `extensions.field` to validation errors about inputs, before Apollo wraps them (see the module comment). */
export function annotateValidationErrors(document: DocumentNode, errors: readonly Error[]): void {
  for (const error of errors) {
    if (!(error instanceof GraphQLError)) continue;
    const field = inputFieldOf(document, error);
    if (field) (error as { extensions: Record<string, unknown> }).extensions = { ...error.extensions, field };
  }
}

const SUGGESTION = /\s*Did you mean [\s\S]*$/;

/** A message with any `Did you mean …?` suggestion removed. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

function suggestionOf(message: string, hideSchemaDetails: boolean): string {
  if (hideSchemaDetails) return '';
  const suggestion = SUGGESTION.exec(message)?.[0]?.trim();
  return suggestion ? ` (${suggestion.charAt(0).toLowerCase()}${suggestion.slice(1)})` : '';
}

/** What a value of a built-in scalar must be, for messages that would otherwise quote the value. */
export const BUILT_IN_SCALAR_REASONS: Readonly<Record<string, string>> = {
  String: 'must be a string',
  ID: 'must be an id',
  Int: 'must be a whole number between -2147483648 and 2147483647',
  Float: 'must be a number',
  Boolean: 'must be true or false',
};

interface Rewrite {
  pattern: RegExp;
  /** The field to name when the error carries none. */
  field?: (match: RegExpExecArray) => string;
  reason: (match: RegExpExecArray, hideSchemaDetails: boolean, message: string) => string;
}

/** graphql-js request messages that quote a submitted value or a schema suggestion, and what we say instead. */
const REWRITES: Rewrite[] = [
  { pattern: /^Expected value of type "[^"]*", found null\.$/, reason: () => 'must not be null' },
  {
    pattern: /^Expected value of type "([^"]*)", found /,
    reason: (m, hide, message) =>
      hide ? 'is not a valid value' : `must be a value of type ${m[1]}${suggestionOf(message, hide)}`,
  },
  {
    pattern: /^(?:Value "[\s\S]*" does not exist in "(\w+)" enum\.|Enum "(\w+)" cannot represent )/,
    reason: (m, hide, message) =>
      hide ? 'is not an accepted value' : `is not a value of ${m[1] ?? m[2]}${suggestionOf(message, hide)}`,
  },
  {
    pattern: /^(String|ID|Int|Float|Boolean) cannot represent /,
    reason: (m) => BUILT_IN_SCALAR_REASONS[m[1]!] ?? 'is not valid',
  },
  { pattern: REQUIRED_FIELD_MISSING, reason: () => 'is required' },
  {
    pattern: /^Field "[\s\S]*" is not defined by type "(\w+)"\./,
    reason: (m, hide, message) =>
      hide ? 'is not an accepted field' : `is not a field of ${m[1]}${suggestionOf(message, hide)}`,
  },
  {
    pattern: /^Variable "\$(\w+)" of required type "[^"]*" was not provided\.$/,
    field: (m) => m[1]!,
    reason: () => 'is required',
  },
  {
    pattern: /^Variable "\$(\w+)" of non-null type "[^"]*" must not be null\.$/,
    field: (m) => m[1]!,
    reason: () => 'must not be null',
  },
  { pattern: /^Variable "\$(\w+)" got invalid value /, field: (m) => m[1]!, reason: () => 'is not valid' },
  { pattern: /^Argument "(\w+)" has invalid value /, field: (m) => m[1]!, reason: () => 'is not valid' },
  {
    pattern: /^Unknown operation named "/,
    field: () => 'operationName',
    reason: () => 'names no operation in the document',
  },
];

const TOKEN_QUOTED =
  /^(Syntax Error: (?:Expected [^\n]+?, found|Unexpected)) (String|BlockString|Int|Float|Name) "[\s\S]*"\.$/;

/**
 * A request error's message that quotes nothing that was sent: the field path and our reason for messages that would
 * (see REWRITES), the message itself otherwise. In production (`hideSchemaDetails`) suggestions are dropped too.
 */
export function safeRequestMessage(message: string, field: string | undefined, hideSchemaDetails: boolean): string {
  const token = TOKEN_QUOTED.exec(message);
  if (token) return `${token[1]} ${token[2]}.`;
  for (const rewrite of REWRITES) {
    const match = rewrite.pattern.exec(message);
    if (!match) continue;
    const named = field ?? rewrite.field?.(match) ?? 'input';
    return `${named}: ${rewrite.reason(match, hideSchemaDetails, message)}`;
  }
  return hideSchemaDetails ? withoutSuggestions(message) : message;
}

/** The field a rewritten message names when the error carried none (`$i` → `i`), so it goes in `extensions.field`. */
export function fieldOfMessage(message: string): string | undefined {
  for (const rewrite of REWRITES) {
    const match = rewrite.pattern.exec(message);
    if (match) return rewrite.field?.(match);
  }
  return undefined;
}
