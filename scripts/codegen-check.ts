/**
 * Fails when a client operation no longer validates against the schema, or when the committed generated files differ
 * from what schema/*.graphql, client/operations/*.graphql and codegen.ts produce now:
 *
 *   npm run codegen:check
 *
 * Validates client/operations first (naming each broken operation's file and line), then generates in memory
 * (nothing is written) and compares each output with the file on disk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config, { CLIENT_GENERATED_DIR } from '../codegen';
import { readClientOperations, validateClientOperations } from './lib/client-operations';

const root = resolve(__dirname, '..');

export interface Drift {
  file: string;
  reason: 'missing' | 'stale';
}

export async function findDrift(): Promise<Drift[]> {
  const outputs = (await generate({ ...config, cwd: root, silent: true }, false)) as {
    filename: string;
    content: string;
  }[];
  const drift: Drift[] = [];
  for (const output of outputs) {
    const path = resolve(root, output.filename);
    const file = relative(root, path);
    if (!existsSync(path)) drift.push({ file, reason: 'missing' });
    else if (readFileSync(path, 'utf8') !== output.content) drift.push({ file, reason: 'stale' });
  }
  return drift;
}

async function main(): Promise<void> {
  const issues = validateClientOperations(readClientOperations());
  if (issues.length > 0) {
    for (const { file, line, message } of issues) {
      process.stderr.write(`client operation: ${file}${line ? `:${line}` : ''}: ${message}\n`);
    }
    process.stderr.write(
      `\n${issues.length} problem(s) in client/operations: fix the operation (or the schema change that broke it).\n`,
    );
    process.exitCode = 1;
    return;
  }
  const drift = await findDrift();
  if (drift.length === 0) {
    process.stdout.write('codegen: generated files are up to date\n');
    return;
  }
  for (const { file, reason } of drift) {
    process.stderr.write(`codegen drift: ${file} is ${reason === 'missing' ? 'missing' : 'out of date'}\n`);
  }
  process.stderr.write(
    `\nThe schema (schema/*.graphql), client/operations or codegen.ts changed without regenerating.\nRun \`npm run codegen\` and commit ${join('functions', 'graphql', 'generated')} and ${CLIENT_GENERATED_DIR}.\n`,
  );
  process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`codegen check failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
