/**
 * Loads organisations (ICB, PCNs, practices) from a CSV file, by ODS code:
 *
 *   npm run import:organisations -- organisations.csv --dry-run      # what it would do; writes nothing
 *   npm run import:organisations -- organisations.csv                # into the local stack (npm start)
 *   npm run import:organisations -- organisations.csv --stage prod   # into a deployed stage (cdk-outputs.json)
 *
 * The file's columns: ods_code, name, kind (ICB, PCN or PRACTICE), parent_ods_code (blank for an ICB). Every row is
 * checked before anything is written; a re-run of the same file changes nothing. Prints what it created, renamed and
 * left alone, or every problem by line and column; exits 1 when there are problems.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLinkwork } from '../functions/app/composition-root';
import { type ImportReport, importOrganisations } from '../functions/identity';
import type { DataStore } from '../functions/platform/dynamodb/client';
import { resolveTarget, TargetError } from './lib/operator-target';
import { parseOrganisationsCsv } from './lib/organisations-csv';

const USAGE =
  'usage: npm run import:organisations -- <file.csv> [--dry-run] [--stage local|dev|prod] [--outputs-file cdk-outputs.json]';

export interface CommandOptions {
  env?: NodeJS.ProcessEnv;
  print?: (line: string) => void;
  /** Use this table instead of resolving the stage's (tests). */
  store?: DataStore;
}

/** One line per organisation and per problem, then the totals. Names of organisations only; nothing personal. */
export function formatImportReport(report: ImportReport, where: string): string[] {
  const [create, rename] = report.dryRun ? ['would create', 'would rename'] : ['created', 'renamed'];
  const lines = [
    ...report.created.map((row) => `${create}  ${row.kind} ${row.odsCode} ${row.name}`),
    ...report.updated.map((row) => `${rename}  ${row.kind} ${row.odsCode} ${row.previousName} → ${row.name}`),
    ...report.problems.map(
      (problem) => `line ${problem.line}${problem.column ? `, ${problem.column}` : ''}: ${problem.message}`,
    ),
  ];
  if (report.problems.length > 0) {
    lines.push(`${report.problems.length} problem(s); nothing was written to ${where}`);
  } else {
    const totals = `${report.created.length} created, ${report.updated.length} renamed, ${report.unchanged.length} unchanged`;
    lines.push(`${report.dryRun ? 'dry run, nothing written: ' : ''}${totals} (${where})`);
  }
  return lines;
}

/** Runs the command; returns the exit code. */
export async function importCommand(argv: readonly string[], options: CommandOptions = {}): Promise<number> {
  const print = options.print ?? ((line: string) => console.log(line));
  let args: ReturnType<typeof parseCommandLine>;
  try {
    args = parseCommandLine(argv);
  } catch (error) {
    print((error as Error).message);
    print(USAGE);
    return 2;
  }
  const text = readFileSync(args.file, 'utf8');
  const parsed = parseOrganisationsCsv(text);
  if (parsed.problems.length > 0) {
    const report: ImportReport = { dryRun: true, created: [], updated: [], unchanged: [], problems: parsed.problems };
    for (const line of formatImportReport(report, args.file)) print(line);
    return 1;
  }
  let store = options.store;
  let where = 'the given table';
  if (!store) {
    try {
      const target = resolveTarget({ stage: args.stage, outputsFile: args.outputsFile }, options.env);
      store = target.store;
      where = target.description;
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
      print(error.message);
      return 2;
    }
  }
  try {
    const linkwork = createLinkwork({ store });
    const report = await importOrganisations(linkwork, parsed.rows, { dryRun: args.dryRun });
    for (const line of formatImportReport(report, where)) print(line);
    return report.problems.length > 0 ? 1 : 0;
  } finally {
    if (!options.store) store.client.destroy();
  }
}

function parseCommandLine(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      stage: { type: 'string' },
      'outputs-file': { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new Error('Name one CSV file.');
  return {
    file: positionals[0]!,
    dryRun: values['dry-run'] ?? false,
    stage: values.stage,
    outputsFile: values['outputs-file'],
  };
}

if (require.main === module) {
  importCommand(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}
