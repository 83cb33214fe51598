import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SIMULATOR_PACKAGE, startDynamoDbLocal } from '../scripts/lib/dynamodb-local';
import { caseload } from './cases/caseload';
import { coldStart } from './cases/cold-start';
import { dispatcher } from './cases/dispatcher';
import { inbound } from './cases/inbound';
import { load } from './cases/load';
import { outcomes } from './cases/outcomes';
import { smsPlan } from './cases/sms-plan';
import { start } from './cases/start';
import { testLoop } from './cases/test-loop';
import { type BenchCase, type BenchRow, missedGoals, renderTable } from './lib/report';

/*
 * `npm run bench [-- --quick] [-- --only <case>[,<case>]]`: every case against DynamoDB Local (started in memory
 * here unless DYNAMODB_ENDPOINT names one), in sequence, then ONE table, printed and written to .bench-out/latest.md.
 * A benchmark is not a test: nothing here passes or fails on a timing; a case fails only if the product gave a wrong
 * answer (an error, a lost write), which is reported as such.
 */

const CASES: Record<string, BenchCase> = {
  caseload,
  dispatcher,
  inbound,
  outcomes,
  'cold-start': coldStart,
  'sms-plan': smsPlan,
  load,
  start,
  'test-loop': testLoop,
};

const ROOT = resolve(__dirname, '..');

function machine(): string {
  let java = 'unknown';
  try {
    java = execFileSync('java', ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    java = String((error as { stderr?: string }).stderr ?? 'unknown').split('\n')[0] ?? 'unknown';
  }
  return [
    `cpus: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    `memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `node: ${process.version}`,
    `DynamoDB Local: ${SIMULATOR_PACKAGE} (DynamoDB Local 1.25.1 jar), ${java.split('\n')[0]}`,
  ].join('; ');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, scale: { type: 'string' } },
  });
  const quick = values.quick ?? false;
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!(scale > 0 && scale <= 1)) throw new Error('--scale takes a number in (0, 1]');
  const names = values.only ? values.only.split(',').map((name) => name.trim()) : Object.keys(CASES);
  for (const name of names) {
    if (!CASES[name]) throw new Error(`No bench case "${name}"; cases: ${Object.keys(CASES).join(', ')}`);
  }
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const log = (line: string) => console.error(`[bench ${seconds()}s] ${line}`);

  // Quick mode shares one emulator; a full run starts a fresh one per case, because DynamoDB Local (one JVM, 1 GB heap)
  // slows down markedly as a long run goes on, which would make later cases look slower than they are.
  const freshPerCase = !quick && !process.env.DYNAMODB_ENDPOINT;
  const start = async () => {
    const emulator = await startDynamoDbLocal({ inMemory: true, log });
    log(`DynamoDB Local at ${emulator.endpoint}${emulator.pid ? '' : ' (DYNAMODB_ENDPOINT)'}`);
    return emulator;
  };
  const rows: BenchRow[] = [];
  const timings: string[] = [];
  const write = () => writeReport(rows, timings, quick, values.only, scale, seconds());
  let shared = freshPerCase ? undefined : await start();
  try {
    for (const name of names) {
      let emulator = shared ?? (await start());
      const freshEmulator = async () => {
        if (shared) return shared.endpoint;
        await emulator.stop();
        emulator = await start();
        return emulator.endpoint;
      };
      const caseStarted = performance.now();
      try {
        rows.push(
          ...(await (CASES[name] as BenchCase)({ quick, scale, endpoint: emulator.endpoint, freshEmulator, log })),
        );
      } finally {
        if (!shared) await emulator.stop();
      }
      const took = ((performance.now() - caseStarted) / 1000).toFixed(1);
      timings.push(`${name} ${took} s`);
      log(`${name} done in ${took} s`);
      // Written after every case, so a long run that is stopped still leaves what it measured.
      write();
    }
  } finally {
    await shared?.stop();
    shared = undefined;
  }

  const table = write();
  console.log(table);
  log(`total ${seconds()} s; table written to .bench-out/latest.md`);
  // A count that grows where it must stay flat, or an error under load, is a product bug: fail the run (and CI).
  const missed = rows.filter((row) => row.counts?.flag !== undefined);
  for (const row of missed) log(`SHAPE MISSED: ${row.case}, ${row.variant}: ${row.counts?.flag}`);
  if (missed.length > 0) process.exitCode = 1;
  // Goals are ratios of timings on a shared machine: flagged in a full run, printed (not judged) in a quick one.
  if (!quick) {
    for (const row of missedGoals(rows)) {
      const by =
        row.limit !== undefined && row.value > row.limit
          ? `${row.value.toFixed(1)} ${row.unit} > ${row.limit} ${row.unit}`
          : `${(row.value / row.floor!).toFixed(2)}x > ${row.goal}x`;
      log(`GOAL MISSED: ${row.case}, ${row.variant}, ${row.metric}: ${by}`);
    }
  }
}

function writeReport(
  rows: readonly BenchRow[],
  timings: readonly string[],
  quick: boolean,
  only: string | undefined,
  scale: number,
  total: string,
): string {
  const table = renderTable(rows, { flagGoals: !quick });
  const flags = [quick ? '--quick' : '', only ? `--only ${only}` : '', scale !== 1 ? `--scale ${scale}` : '']
    .filter(Boolean)
    .join(' ');
  const report = [
    `# Benchmarks (${quick ? 'quick' : 'full'})`,
    '',
    `- command: \`npm run bench${flags ? ` -- ${flags}` : ''}\``,
    `- finished: ${new Date().toISOString()}, total ${total} s (${timings.join(', ')})`,
    `- machine: ${machine()}`,
    '',
    table,
    '',
  ].join('\n');
  mkdirSync(join(ROOT, '.bench-out'), { recursive: true });
  writeFileSync(join(ROOT, '.bench-out', 'latest.md'), report);
  return table;
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
