import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { lambdaBuildOptions } from '../../infra/lambda-bundling';
import { BARE_APOLLO_DYNAMODB_ENTRY, BARE_APOLLO_ENTRY } from '../../infra/report-bundle-sizes';
import { graphqlEvent, lambdaContext, staffClaims } from '../../test/support/events';
import { startSecretsEndpoint } from '../../test/support/secrets-endpoint';
import { runNode } from '../lib/child';
import { benchTable, median, registerLinkWorker, round } from '../lib/env';
import { buildCaseload, createActivities } from '../lib/fixtures';
import type { BenchCase, BenchRow } from '../lib/report';
import { CASELOAD_QUERY } from './caseload';

/*
 * Case 5, cold start. The GraphQL function bundled as infra bundles it (LinkworkFunction: esbuild, platform node,
 * target node22, minified, CommonJS, `@aws-sdk/*` left external for the runtime to provide; here they resolve from
 * node_modules), against a bare Apollo Server Lambda handler bundled the same way. Each run is a fresh `node` process
 * that requires the bundle (module initialisation: Apollo starts at load) and handles one request; medians of N runs.
 */

const ROOT = resolve(__dirname, '..', '..');
/** Issue 15's goals: process start to first caseload response ≤ 1.5× the floor; bundle ≤ 1.2× bare Apollo. */
const COLD_START_GOAL = 1.5;
const BUNDLE_GOAL = 1.2;
const OUT = join(ROOT, '.bench-out', 'bundles');
/** The stage every child runs as, and the bundles are built for: production settings, as users meet them. */
const STAGE = 'prod';

async function bundle(entry: string, name: string): Promise<{ file: string; bytes: number; gzipped: number }> {
  const outfile = join(OUT, name, 'index.js');
  // As infra bundles it for the stage the children run as.
  await build({ ...lambdaBuildOptions(STAGE), entryPoints: [join(ROOT, entry)], outfile, logLevel: 'error' });
  const code = readFileSync(outfile);
  return { file: outfile, bytes: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/** Runs in the fresh process: times `require` (init) and the first invocation, from the process's own time origin. */
const CHILD = `
const t0 = performance.now();
const mod = require(process.env.BENCH_BUNDLE);
const t1 = performance.now();
const context = JSON.parse(process.env.BENCH_CONTEXT);
context.getRemainingTimeInMillis = () => 10000;
Promise.resolve(mod.handler(JSON.parse(process.env.BENCH_EVENT), context, () => {})).then((result) => {
  const t2 = performance.now();
  let errors = true;
  try { errors = Boolean(JSON.parse(result.body).errors); } catch {}
  process.stdout.write(JSON.stringify({ boot: t0, init: t1 - t0, first: t2 - t1, total: t2, status: result.statusCode, errors }));
  process.exit(0);
}, (error) => { console.error(error); process.exit(1); });
`;

interface Run {
  boot: number;
  init: number;
  first: number;
  total: number;
  status: number;
  errors: boolean;
}

async function runOnce(file: string, event: unknown, env: Record<string, string>): Promise<Run> {
  const { getRemainingTimeInMillis: _drop, ...context } = lambdaContext();
  const { out, err } = await runNode(['-e', CHILD], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      ...env,
      BENCH_BUNDLE: file,
      BENCH_EVENT: JSON.stringify(event),
      BENCH_CONTEXT: JSON.stringify(context),
      AWS_REGION: 'eu-west-2',
      NODE_OPTIONS: '',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      AWS_LAMBDA_LOG_LEVEL: 'ERROR',
    },
    label: 'cold-start child',
  });
  try {
    return JSON.parse(out.slice(out.lastIndexOf('{"boot"'))) as Run;
  } catch (error) {
    throw new Error(`cold-start child printed no result: ${out.slice(-500)} ${err.slice(-500)}`, { cause: error });
  }
}

export const coldStart: BenchCase = async ({ quick, endpoint, log }) => {
  const runs = quick ? 2 : 15;
  mkdirSync(OUT, { recursive: true });
  let t = performance.now();
  const [graphql, bare, floor] = await Promise.all([
    bundle('functions/graphql/handler.ts', 'graphql'),
    bundle(BARE_APOLLO_ENTRY, 'bare-apollo'),
    bundle(BARE_APOLLO_DYNAMODB_ENTRY, 'bare-apollo-dynamodb'),
  ]);
  log(`cold-start: bundled in ${Math.round(performance.now() - t)} ms`);

  const bench = await benchTable(endpoint, 'coldstart');
  const { store, clock, random, demo } = bench;
  const pcnId = demo.organisations.pcnIds[0];
  const activityIds = await createActivities(store, clock, demo, pcnId, 3);
  const linkWorker = await registerLinkWorker(store, clock, demo, 'lw-cold', pcnId);
  await buildCaseload({
    store,
    random,
    clock,
    demo,
    linkWorker,
    activityIds,
    count: 25,
    seqBase: 700_000,
    via: 'batch',
  });
  const claims = staffClaims({ userId: linkWorker.userId, role: 'LINK_WORKER', organisationId: pcnId });
  const graphqlRequest = graphqlEvent(CASELOAD_QUERY, { first: 25 }, { claims });
  const bareRequest = graphqlEvent('{ hello }', undefined);
  const floorRequest = graphqlEvent('{ item(pk: "bench") }', undefined);
  // The function reads its paging cursor key from Secrets Manager at its first cursor, as in AWS: here the real SDK
  // against a loopback endpoint, so that read is part of the cold start measured.
  const cursorSecret = {
    arn: 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:linkwork-bench-cursor-key-AbCdEf',
    name: 'linkwork-bench-cursor-key',
    value: 'k'.repeat(40) + 'Z9'.repeat(12),
  };
  const secrets = await startSecretsEndpoint(cursorSecret);
  const env = {
    TABLE_NAME: store.tableName,
    STAGE,
    DYNAMODB_ENDPOINT: endpoint,
    CURSOR_KEY_SECRET_ARN: cursorSecret.arn,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.url,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    // Staff administration only: the caseload never calls Cognito.
    USER_POOL_ID: 'eu-west-2_benchpool',
  };

  const ours: Run[] = [];
  const theirs: Run[] = [];
  const floors: Run[] = [];
  t = performance.now();
  for (let i = 0; i < runs; i++) {
    // Interleaved, so all three see the same machine noise.
    const a = await runOnce(graphql.file, graphqlRequest, env);
    const b = await runOnce(bare.file, bareRequest, env);
    const c = await runOnce(floor.file, floorRequest, env);
    if (a.status !== 200 || a.errors)
      throw new Error(`cold-start: GraphQL bundle answered ${a.status}, errors=${a.errors}`);
    if (b.status !== 200 || b.errors) throw new Error(`cold-start: bare Apollo answered ${b.status}`);
    if (c.status !== 200 || c.errors) throw new Error(`cold-start: bare Apollo with DynamoDB answered ${c.status}`);
    ours.push(a);
    theirs.push(b);
    floors.push(c);
  }
  log(`cold-start: ${runs * 3} fresh processes in ${Math.round(performance.now() - t)} ms`);
  const secretReads = secrets.requests.length;
  await secrets.close();
  const pick = (samples: Run[], key: keyof Run) => median(samples.map((run) => Number(run[key])));
  const floorLabel = 'bare Apollo handler';
  const counts = { runs, 'node boot ms (median)': Math.round(pick(ours, 'boot')) };
  const rows: BenchRow[] = [
    {
      case: 'cold start',
      variant: 'GraphQL bundle',
      metric: 'bundle size',
      goal: BUNDLE_GOAL,
      value: graphql.bytes / 1024,
      unit: 'KiB',
      floor: bare.bytes / 1024,
      floorLabel,
      counts: {
        bytes: graphql.bytes,
        gzipped: graphql.gzipped,
        'floor bytes': bare.bytes,
        'floor gzipped': bare.gzipped,
      },
    },
    {
      case: 'cold start',
      variant: 'GraphQL bundle',
      metric: 'module init (median)',
      value: pick(ours, 'init'),
      unit: 'ms',
      floor: pick(theirs, 'init'),
      floorLabel,
      counts,
    },
    {
      case: 'cold start',
      variant: 'GraphQL bundle, caseload 25',
      metric: 'first request (median)',
      value: pick(ours, 'first'),
      unit: 'ms',
      floor: pick(theirs, 'first'),
      floorLabel: `${floorLabel}, { hello }`,
      counts,
    },
    {
      case: 'cold start',
      variant: 'GraphQL bundle, caseload 25',
      metric: 'process start to response',
      value: pick(ours, 'total'),
      unit: 'ms',
      floor: pick(floors, 'total'),
      floorLabel: 'bare Apollo + one DynamoDB GetItem',
      goal: COLD_START_GOAL,
      counts: {
        ...counts,
        'bare Apollo without DynamoDB ms': Math.round(pick(theirs, 'total')),
        'cursor key reads/run': round(secretReads / runs),
      },
    },
  ];
  await bench.drop();
  return rows;
};
