import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createGraphQLHandler } from '../functions/graphql/lambda';
import { createIdGenerator } from '../functions/shared/ids';
import { startDynamoDbLocal } from '../scripts/lib/dynamodb-local';
import { graphqlEvent, lambdaContext, staffClaims } from '../test/support/events';
import { CASELOAD_QUERY } from './cases/caseload';
import { benchTable, median, registerLinkWorker } from './lib/env';
import { buildCaseload, createActivities, entitiesOf } from './lib/fixtures';

/*
 * Where a caseload page's time goes: `npx tsx bench/profile-caseload.ts [--size 250] [--first 100] [--pages 60]
 * [--cpu-profile out.cpuprofile]`. The same in-process path the bench's caseload case times (the Lambda handler, an
 * API Gateway v2 event), run for N pages after a warm-up, with each DynamoDB command's wall time taken at the SDK's
 * outermost middleware; the rest of a page is the process's own work. With --cpu-profile, a V8 CPU profile of those
 * pages (open it in Chrome's DevTools) and its self time summed by package are written. A tool for finding time, not a
 * benchmark: its numbers go into docs/performance.md only beside the bench's.
 */

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '250' },
      first: { type: 'string', default: '100' },
      pages: { type: 'string', default: '60' },
      'cpu-profile': { type: 'string' },
    },
  });
  const size = Number(values.size);
  const first = Number(values.first);
  const pages = Number(values.pages);
  const emulator = await startDynamoDbLocal({ inMemory: true, log: (line) => console.error(line) });
  try {
    const bench = await benchTable(emulator.endpoint, 'profile');
    const { store, demo, clock, random } = bench;
    const pcnId = demo.organisations.pcnIds[0] as string;
    const activityIds = await createActivities(store, clock, demo, pcnId, 8);
    const linkWorker = await registerLinkWorker(store, clock, demo, 'lw-profile', pcnId);
    await buildCaseload({
      store,
      random,
      clock,
      demo,
      linkWorker,
      activityIds,
      count: size,
      seqBase: 10_000,
      via: 'batch',
    });
    const handler = createGraphQLHandler({ store, stage: 'prod', clock, newId: createIdGenerator(clock) });
    const claims = staffClaims({ userId: linkWorker.userId, role: 'LINK_WORKER', organisationId: pcnId });
    const partition = entitiesOf(store)
      .referral.query.byCaseloadOwner({ caseloadOwner: linkWorker.userId, caseState: 'OPEN' })
      .params();

    // Wall time of each command, from the SDK's first middleware to its result (marshalling, signing, HTTP, parsing).
    const commandTimes: Record<string, number[]> = {};
    let timing = false;
    // The document client shares the low-level client's middleware stack, so one timer sees both.
    store.client.middlewareStack.add(
      (next, context) => async (args) => {
        const started = performance.now();
        try {
          return await next(args);
        } finally {
          if (timing) {
            const name = context.commandName ?? 'unknown';
            commandTimes[name] = [...(commandTimes[name] ?? []), performance.now() - started];
          }
        }
      },
      { step: 'initialize', name: 'profileTimer', priority: 'high' },
    );

    const page = async () => {
      const event = graphqlEvent(CASELOAD_QUERY, { first }, { claims });
      const result = (await handler(event, lambdaContext(), () => {})) as APIGatewayProxyStructuredResultV2;
      if (result.statusCode !== 200 || JSON.parse(result.body ?? '{}').errors) throw new Error(result.body);
    };
    const raw = () =>
      store.documentClient.send(
        new QueryCommand({ ...partition, Limit: first } as ConstructorParameters<typeof QueryCommand>[0]),
      );
    for (let i = 0; i < 5; i++) {
      await page();
      await raw();
    }

    const session = new Session();
    if (values['cpu-profile']) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
    }
    timing = true;
    let pageCpu = 0;
    const pageTimes: number[] = [];
    const rawTimes: number[] = [];
    for (let i = 0; i < pages; i++) {
      let t = performance.now();
      const cpu = process.cpuUsage();
      await page();
      pageTimes.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      pageCpu += (used.user + used.system) / 1000;
      t = performance.now();
      await raw();
      rawTimes.push(performance.now() - t);
    }
    timing = false;
    if (values['cpu-profile']) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(values['cpu-profile'], JSON.stringify(profile));
      printProfile(profile);
      session.disconnect();
    }

    const pageMedian = median(pageTimes);
    const rawMedian = median(rawTimes);
    console.log(`caseload of ${size}, page of ${first}, ${pages} pages`);
    console.log(
      `page p50 ${pageMedian.toFixed(1)} ms; raw Query p50 ${rawMedian.toFixed(1)} ms; ratio ${(pageMedian / rawMedian).toFixed(2)}x`,
    );
    // CPU time moves less than wall time on a shared machine (it still moves: caches and cores are shared too).
    console.log(`process CPU ${(pageCpu / pages).toFixed(1)} ms a page`);
    for (const [name, times] of Object.entries(commandTimes)) {
      const perPage = times.reduce((a, b) => a + b, 0) / pages;
      console.log(
        `  ${name}: ${times.length / pages} a page, p50 ${median(times).toFixed(1)} ms, mean ${perPage.toFixed(1)} ms a page`,
      );
    }
    await bench.drop();
  } finally {
    await emulator.stop();
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Self time by package (node_modules/<name>, our own folders, node internals), and the 25 heaviest functions. */
function printProfile(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): void {
  const selfTime = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  for (const [i, id] of (profile.samples ?? []).entries())
    selfTime.set(id, (selfTime.get(id) ?? 0) + (deltas[i] ?? 0) / 1000);
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = selfTime.get(node.id) ?? 0;
    if (ms === 0) continue;
    const { url, functionName, lineNumber } = node.callFrame;
    const pkg =
      url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ??
      url.match(/caseload\/(functions\/[^/]+|bench|scripts|test)/)?.[1] ??
      (url === '' ? `(${functionName || 'vm'})` : url.startsWith('node:') ? 'node internals' : url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^.*caseload\//, '')}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  const total = [...byPackage.values()].reduce((a, b) => a + b, 0);
  console.log(`CPU profile: ${total.toFixed(0)} ms sampled`);
  for (const [pkg, ms] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${pkg}`);
  }
  console.log('heaviest functions (self time):');
  for (const [fn, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${fn}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
