import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { entityConfig } from '../../functions/platform/dynamodb/service';
import { referralEntity } from '../../functions/referrals/entities/referral';
import { startLocalApi } from '../../scripts/lib/local-api';
import { signLocalToken } from '../../scripts/lib/local-jwt';
import { runNode } from '../lib/child';
import { measureCpu } from '../lib/cpu';
import { benchTable, round } from '../lib/env';
import { buildCaseload, createActivities } from '../lib/fixtures';
import type { LoadResult, LoadSettings } from '../lib/load-client';
import type { BenchCase, BenchRow } from '../lib/report';
import { CASELOAD_QUERY } from './caseload';

/*
 * Case 6, load. The local API (`startLocalApi`, what `npm start` serves: JWT check, API Gateway v2 event, the deployed
 * Lambda handler) on 127.0.0.1, driven by autocannon from a second process for a fixed time: caseload reads and
 * createReferral writes, 3 to 1. Errors are non-2xx answers AND GraphQL `errors` in 200 bodies. Afterwards every
 * write the client saw succeed is looked up in the table. Floor: the same client against a bare HTTP server on the
 * same loopback (the ceiling of the load generator and the socket path).
 */

const ROOT = resolve(__dirname, '..', '..');

async function runClient(settings: LoadSettings): Promise<LoadResult> {
  const { out } = await runNode(['--import', 'tsx', join(ROOT, 'bench', 'lib', 'load-client.ts')], {
    cwd: ROOT,
    env: { ...process.env, BENCH_LOAD: JSON.stringify(settings) },
    label: 'load client',
  });
  const line = out.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as LoadResult;
  } catch (error) {
    throw new Error(`load client printed no result: ${line.slice(0, 500)}`, { cause: error });
  }
}

export const load: BenchCase = async ({ quick, endpoint, log }) => {
  const connections = quick ? 10 : 50;
  const durationSeconds = quick ? 5 : 30;
  const floorSeconds = quick ? 1 : 5;
  const bench = await benchTable(endpoint, 'load');
  const { store, clock, random, demo } = bench;
  const keyFile = join(ROOT, '.bench-out', 'local-jwt-key.json');
  mkdirSync(join(ROOT, '.bench-out'), { recursive: true });

  const workers: LoadSettings['workers'] = [];
  const linkWorkers = demo.users.filter((user) => user.role === 'LINK_WORKER');
  for (const [index, worker] of linkWorkers.entries()) {
    const pcnId = worker.pcnId as string;
    const activityIds = await createActivities(store, clock, demo, pcnId, quick ? 1 : 2);
    await buildCaseload({
      store,
      random,
      clock,
      demo,
      linkWorker: worker,
      activityIds,
      count: quick ? 15 : 100,
      seqBase: 800_000 + index * 1_000,
      via: 'batch',
    });
    const practiceIds = demo.organisations.practiceIds.filter((_, i) =>
      demo.organisations.pcnIds[0] === pcnId ? i < 2 : i >= 2,
    );
    workers.push({
      token: await signLocalToken(
        { userId: worker.userId, role: worker.role, organisationId: worker.organisationId },
        { keyFile },
      ),
      linkWorkerId: worker.userId,
      practiceIds,
    });
  }

  // The API in this process runs on the system clock, as under `npm start`.
  const api = await startLocalApi({ store, keyFile });
  // One read and one write first, so the measured seconds do not include the first request's compilation.
  const warm = workers[0];
  if (warm) {
    for (const body of [{ query: CASELOAD_QUERY, variables: { first: 25 } }, { query: '{ __typename }' }]) {
      await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${warm.token}` },
        body: JSON.stringify(body),
      });
    }
  }
  const floorServer = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"data":{"__typename":"Query"}}');
    });
  });
  await new Promise<void>((done) => floorServer.listen(0, '127.0.0.1', done));
  const floorAddress = floorServer.address();
  const floorUrl = `http://127.0.0.1:${typeof floorAddress === 'object' && floorAddress ? floorAddress.port : 0}/`;

  let result: LoadResult;
  let floor: LoadResult;
  let cpuSplit: ReturnType<ReturnType<typeof measureCpu>>;
  try {
    const settings: LoadSettings = {
      url: api.url,
      connections,
      durationSeconds,
      mode: 'api',
      workers,
      caseloadQuery: CASELOAD_QUERY,
      nhsSeedBase: 100_000,
    };
    log(`load: ${connections} connections for ${durationSeconds} s against ${api.url}`);
    const cpu = measureCpu(endpoint);
    result = await runClient(settings);
    cpuSplit = cpu();
    floor = await runClient({ ...settings, url: floorUrl, mode: 'floor', durationSeconds: floorSeconds });
  } finally {
    await api.close();
    await new Promise<void>((done) => floorServer.close(() => done()));
  }

  // Every write the client saw succeed must be in the table.
  const referrals = referralEntity(entityConfig(store));
  let found = 0;
  for (let i = 0; i < result.written.length; i += 100) {
    const { data } = await referrals
      .get(result.written.slice(i, i + 100).map((referralId) => ({ referralId })))
      .go({ consistent: true });
    found += data.length;
  }
  const errors = result.non2xx + result.graphqlErrors + result.socketErrors + result.timeouts;
  if (errors > 0) log(`load: errors under load, first few: ${JSON.stringify(result.firstErrors)}`);
  const variant = `${connections} clients, ${durationSeconds} s, 3 reads : 1 write`;
  const counts = {
    requests: result.requests,
    reads: result.reads,
    writes: result.writes,
    non2xx: result.non2xx,
    graphqlErrors: result.graphqlErrors,
    socketErrors: result.socketErrors,
    timeouts: result.timeouts,
    writesOk: result.written.length,
    writesInTable: found,
    // Where a request's time goes under load: the API's own CPU, the emulator's, and how loaded the machine was.
    'API CPU ms/req': round(cpuSplit.processMs / Math.max(1, result.requests), 1),
    ...(cpuSplit.emulatorMs === undefined
      ? {}
      : { 'emulator CPU ms/req': round(cpuSplit.emulatorMs / Math.max(1, result.requests), 1) }),
    'load avg': round(cpuSplit.loadAverage, 1),
  };
  const rows: BenchRow[] = [
    {
      case: 'load',
      variant,
      metric: 'throughput',
      value: result.perSecond,
      unit: 'req/s',
      floor: floor.perSecond,
      floorLabel: 'bare HTTP server',
      counts,
    },
    {
      case: 'load',
      variant,
      metric: 'p50 latency',
      value: result.p50,
      unit: 'ms',
      floor: floor.p50,
      floorLabel: 'bare HTTP server',
    },
    {
      case: 'load',
      variant,
      metric: 'p99 latency',
      value: result.p99,
      unit: 'ms',
      floor: floor.p99,
      floorLabel: 'bare HTTP server',
    },
    {
      case: 'load',
      variant,
      metric: 'errors',
      value: errors,
      unit: 'err',
      counts: {
        'error rate': round(errors / Math.max(1, result.requests), 4),
        lostWrites: result.written.length - found,
        ...(errors > 0 || result.written.length !== found ? { flag: 'errors or lost writes under load' } : {}),
        ...(result.firstErrors.length ? { first: JSON.stringify(result.firstErrors[0]).slice(0, 120) } : {}),
      },
    },
  ];
  await bench.drop();
  return rows;
};
