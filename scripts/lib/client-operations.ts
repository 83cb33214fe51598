import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  buildASTSchema,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
  Kind,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { sdl } from '../../functions/graphql/generated/schema';
import { operationWidthRules } from '../../functions/graphql/limits';

/*
 * The operations in client/operations/*.graphql are what Linkwork's own frontends (and the portal) send. They must
 * validate against the schema served today, and within the width limits the server enforces, or a frontend breaks on
 * deploy. GraphQL Code Generator refuses to generate from an invalid document too; this check runs first in
 * `npm run codegen:check` so CI names each broken operation by file, line and reason.
 */

const root = resolve(__dirname, '..', '..');
export const CLIENT_OPERATIONS_DIR = join(root, 'client', 'operations');

export interface OperationFile {
  /** Path relative to the repository root, for messages. */
  file: string;
  source: string;
}

export interface OperationIssue {
  file: string;
  line?: number;
  message: string;
}

/** Every `.graphql` file under client/operations, in name order. */
export function readClientOperations(dir: string = CLIENT_OPERATIONS_DIR): OperationFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => ({ file: relative(root, join(dir, name)), source: readFileSync(join(dir, name), 'utf8') }));
}

export function servedSchema(): GraphQLSchema {
  return buildASTSchema(parse(sdl));
}

/**
 * Problems with the operations, each naming its file: syntax errors, fields or arguments the schema lacks, wrong
 * variable types, duplicate operation or fragment names, and operations wider than the server accepts. Fragments may be
 * shared between files (client-preset resolves them the same way), so each file is validated with every fragment.
 */
export function validateClientOperations(
  files: readonly OperationFile[],
  schema: GraphQLSchema = servedSchema(),
): OperationIssue[] {
  const issues: OperationIssue[] = [];
  const parsed: { file: string; document: DocumentNode }[] = [];
  for (const { file, source } of files) {
    try {
      parsed.push({ file, document: parse(source) });
    } catch (error) {
      const line = (error as { locations?: { line: number }[] }).locations?.[0]?.line;
      issues.push({ file, ...(line ? { line } : {}), message: (error as Error).message });
    }
  }

  const fragments = new Map<string, { file: string; definition: DefinitionNode }>();
  const operations = new Map<string, string>();
  for (const { file, document } of parsed) {
    for (const definition of document.definitions) {
      const name = 'name' in definition ? definition.name?.value : undefined;
      if (definition.kind === Kind.FRAGMENT_DEFINITION && name) {
        const other = fragments.get(name);
        if (other) issues.push({ file, message: `fragment ${name} is also defined in ${other.file}` });
        else fragments.set(name, { file, definition });
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        if (!name) {
          issues.push({ file, message: 'every operation needs a name (it names the generated document)' });
          continue;
        }
        const other = operations.get(name);
        if (other) issues.push({ file, message: `operation ${name} is also defined in ${other}` });
        else operations.set(name, file);
      }
    }
  }

  const rules = [...specifiedRules, ...operationWidthRules()];
  for (const { file, document } of parsed) {
    const own = new Set(
      document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])),
    );
    const borrowed = [...fragments.entries()].filter(([name]) => !own.has(name)).map(([, f]) => f.definition);
    const combined: DocumentNode = { kind: Kind.DOCUMENT, definitions: [...document.definitions, ...borrowed] };
    for (const error of validate(schema, combined, rules)) {
      // A fragment is checked in its own file: skip what lies in another file's source, and the "never used" that a
      // fragment used only by other files would get.
      if (error.source && error.source !== document.loc?.source) continue;
      if (/^Fragment "\w+" is never used\.$/.test(error.message)) continue;
      const line = error.locations?.[0]?.line;
      issues.push({ file, ...(line ? { line } : {}), message: error.message });
    }
  }
  return issues;
}
