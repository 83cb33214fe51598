import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchCase, BenchRow } from '../lib/report';

/*
 * Case 9, the test loop: how long `npm test` takes, the same tests and assertions every developer and CI runs.
 * A quick run does not run the suite again: `.ci/run` has just run it, and hands over its jest report and the wall
 * time it measured (LINKWORK_TEST_REPORT, LINKWORK_TEST_SECONDS). Without them a quick run leaves the row out and says
 * so; a full run (or `--only test-loop`) runs `npm test`'s jest itself. Floor: the longest test file alone, from
 * the same report, which no way of sharing the files between workers can beat.
 */

const ROOT = resolve(__dirname, '..', '..');
/** Issue 15's goal: `npm test` within 6 minutes on the 2-core machine. */
const TEST_GOAL_SECONDS = 360;

interface JestReport {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTestSuites: number;
  testResults: { name: string; startTime: number; endTime: number }[];
}

/** Runs the suite as `npm test` runs it (`jest`, its config's workers), writing jest's JSON report; resolves seconds. */
function runJest(outputFile: string, log: (line: string) => void): Promise<number> {
  const started = performance.now();
  // DYNAMODB_ENDPOINT set would send every test to one emulator; the suite starts its own, as `npm test` does.
  const { DYNAMODB_ENDPOINT: _shared, ...env } = process.env;
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'jest'), ['--ci', '--json', `--outputFile=${outputFile}`], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  });
  return new Promise((resolveRun, reject) => {
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      log(`test-loop: jest exited ${code} after ${seconds.toFixed(0)} s`);
      // Failed tests still leave a report to read; no report at all is the failure.
      if (!existsSync(outputFile)) reject(new Error(`jest wrote no report (exit ${code}): ${tail}`));
      else resolveRun(seconds);
    });
  });
}

export const testLoop: BenchCase = async ({ quick, log }) => {
  let reportFile = process.env.LINKWORK_TEST_REPORT;
  let seconds = Number(process.env.LINKWORK_TEST_SECONDS);
  let scratch: string | undefined;
  let source = 'npm test in .ci/run';
  if (!reportFile || !existsSync(reportFile) || !(seconds > 0)) {
    if (quick) {
      log('test-loop: left out (a quick run reads the report .ci/run hands over in LINKWORK_TEST_REPORT)');
      return [];
    }
    scratch = mkdtempSync(join(tmpdir(), 'linkwork-test-loop-'));
    reportFile = join(scratch, 'jest.json');
    source = 'jest run by the bench';
    seconds = await runJest(reportFile, log);
  }
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as JestReport;
    const suiteSeconds = report.testResults.map((suite) => (suite.endTime - suite.startTime) / 1000);
    const longest = report.testResults[suiteSeconds.indexOf(Math.max(...suiteSeconds))];
    const workers = (require(join(ROOT, 'jest.config.js')) as { maxWorkers?: number }).maxWorkers ?? 1;
    const row: BenchRow = {
      case: 'npm test',
      variant: `${report.numPassedTests + report.numFailedTests} tests, ${workers} workers`,
      metric: 'whole suite',
      value: seconds,
      unit: 's',
      floor: Math.max(...suiteSeconds),
      floorLabel: 'longest test file alone',
      limit: TEST_GOAL_SECONDS,
      counts: {
        from: source,
        passed: report.numPassedTests,
        failed: report.numFailedTests,
        files: report.numTotalTestSuites,
        'file seconds summed': Math.round(suiteSeconds.reduce((sum, each) => sum + each, 0)),
        'longest file': longest ? longest.name.replace(`${ROOT}/`, '') : '-',
      },
    };
    return [row];
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
};
