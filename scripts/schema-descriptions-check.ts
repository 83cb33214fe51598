/**
 * Fails when any element of the GraphQL schema has no description, listing each one by its schema coordinate:
 *
 *   npm run schema:descriptions        (also part of `npm run lint`)
 *
 * The schema is the frontend team's documentation: every type, field, argument, enum value, input field, scalar and
 * custom directive must say what it is, its units or format, when it is null, and who may call it. A blank description
 * counts as missing. A deprecation must give its reason (`@deprecated(reason: "…")`), since graphql-js otherwise
 * fills in "No longer supported", which tells a client nothing about what to use instead.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  buildASTSchema,
  concatAST,
  type DirectiveNode,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  parse,
} from 'graphql';
import { schemaFiles } from '../codegen';

/** The kinds of element counted, in the order the summary prints them. */
export const ELEMENT_KINDS = ['type', 'field', 'argument', 'enum value', 'input field', 'directive'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

export interface SchemaElement {
  kind: ElementKind;
  /** Schema coordinate: `Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`, `Input.field`, `@directive(arg:)`. */
  coordinate: string;
  described: boolean;
  /** Set for a deprecated element whose `@deprecated` names no reason. */
  deprecatedWithoutReason?: boolean;
}

interface Describable {
  description?: string | null;
  deprecationReason?: string | null;
  astNode?: { directives?: readonly DirectiveNode[] } | null;
}

function hasText(description: string | null | undefined): boolean {
  return typeof description === 'string' && description.trim().length > 0;
}

/** A deprecation written without `reason:` (graphql-js then supplies its default, which we refuse). */
function deprecatedWithoutReason(element: Describable): boolean {
  const deprecated = element.astNode?.directives?.find((directive) => directive.name.value === 'deprecated');
  return deprecated !== undefined && !deprecated.arguments?.some((argument) => argument.name.value === 'reason');
}

function element(kind: ElementKind, coordinate: string, describable: Describable): SchemaElement {
  return {
    kind,
    coordinate,
    described: hasText(describable.description),
    ...(deprecatedWithoutReason(describable) ? { deprecatedWithoutReason: true } : {}),
  };
}

/** Every element of the schema we own (not introspection types, built-in scalars or built-in directives). */
export function schemaElements(schema: GraphQLSchema): SchemaElement[] {
  const elements: SchemaElement[] = [];
  for (const type of Object.values(schema.getTypeMap()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    elements.push(element('type', type.name, type));
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        elements.push(element('field', `${type.name}.${field.name}`, field));
        for (const arg of field.args) {
          elements.push(element('argument', `${type.name}.${field.name}(${arg.name}:)`, arg));
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        elements.push(element('input field', `${type.name}.${field.name}`, field));
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) elements.push(element('enum value', `${type.name}.${value.name}`, value));
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    elements.push(element('directive', `@${directive.name}`, directive));
    for (const arg of directive.args) {
      elements.push(element('argument', `@${directive.name}(${arg.name}:)`, arg));
    }
  }
  return elements;
}

export interface DescriptionReport {
  /** Coordinates of undescribed elements, in schema order. */
  missing: string[];
  /** Coordinates of deprecated elements with no `reason:`. */
  deprecatedWithoutReason: string[];
  /** Described and total elements of each kind. */
  counts: Record<ElementKind, { described: number; total: number }>;
}

export function describeCoverage(schema: GraphQLSchema): DescriptionReport {
  const elements = schemaElements(schema);
  const counts = Object.fromEntries(ELEMENT_KINDS.map((kind) => [kind, { described: 0, total: 0 }])) as Record<
    ElementKind,
    { described: number; total: number }
  >;
  for (const { kind, described } of elements) {
    counts[kind].total += 1;
    if (described) counts[kind].described += 1;
  }
  return {
    missing: elements.filter((e) => !e.described).map((e) => e.coordinate),
    deprecatedWithoutReason: elements.filter((e) => e.deprecatedWithoutReason).map((e) => e.coordinate),
    counts,
  };
}

/** The schema as written in schema/*.graphql (the source, so the check runs before `npm run codegen`). */
export function loadSourceSchema(root = resolve(__dirname, '..')): GraphQLSchema {
  const documents = schemaFiles().map((file) => parse(readFileSync(join(root, 'schema', file), 'utf8')));
  return buildASTSchema(concatAST(documents));
}

export function formatCounts(counts: DescriptionReport['counts']): string {
  return ELEMENT_KINDS.filter((kind) => counts[kind].total > 0)
    .map((kind) => `${kind}s ${counts[kind].described}/${counts[kind].total}`)
    .join(', ');
}

function main(): void {
  const report = describeCoverage(loadSourceSchema());
  const summary = `schema descriptions: ${formatCounts(report.counts)}`;
  if (report.missing.length === 0 && report.deprecatedWithoutReason.length === 0) {
    process.stdout.write(`${summary}\n`);
    return;
  }
  process.stderr.write(`${summary}\n`);
  for (const coordinate of report.missing) process.stderr.write(`no description: ${coordinate}\n`);
  for (const coordinate of report.deprecatedWithoutReason) {
    process.stderr.write(`@deprecated without reason: ${coordinate}\n`);
  }
  process.stderr.write(
    '\nDescribe each element in schema/*.graphql ("what it is, its format, when it is null, who may call it, which error codes"), then run `npm run codegen`.\n',
  );
  process.exitCode = 1;
}

if (require.main === module) main();
