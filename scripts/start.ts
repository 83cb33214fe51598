import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createLinkwork } from '../functions/app/composition-root';
import { createLocalCheckIns, FastForwardClock, type LocalCheckIns } from '../functions/checkins/local';
import { type OperationMode, parseOperationMode } from '../functions/graphql/config';
import { DynamoDbIdentityRepository } from '../functions/identity/adapters/dynamodb-identity-repository';
import { startStreamPoller } from '../functions/outcomes/local-stream-poller';
import { createDataStore } from '../functions/platform/dynamodb/client';
import { systemClock } from '../functions/shared/clock';
import { loadPortalAssets } from '../portal/server/build';
import { createPortal } from '../portal/server/portal';
import { LocalStatus } from '../portal/server/status';
import { DATA_DIR } from './lib/data-dir';
import { type DynamoDbLocal, localClient, startDynamoDbLocal } from './lib/dynamodb-local';
import { firstStartFromSnapshot } from './lib/first-start';
import { describeStage, type LocalStage, parseStage, startLocalApi } from './lib/local-api';
import { localCursorKey } from './lib/local-cursor-key';
import { signLocalToken } from './lib/local-jwt';
import { LOCAL_STATE_FILE } from './lib/local-state';
import { ensureTable } from './lib/local-table';
import { type DemoSeed, startDemoSeed } from './seed/demo';

const DEMO_DATA_LINE: Record<DemoSeed['source'], (loaded: number) => string> = {
  'already-there': () => 'already there (delete .data/ to start from scratch)',
  snapshot: (loaded) => `loaded from the demo snapshot: ${loaded} records, a year of care history and its figures`,
  seeding: () =>
    'staff seeded; patients, referrals and a year of check-ins are being added through the use cases (see [seed])',
};

/**
 * `npm start`: the whole of Linkwork on one machine. DynamoDB Local keeps its data under .data/ (so a restart keeps it)
 * unless --in-memory or LINKWORK_IN_MEMORY=1 asks for a throwaway run. `--stage prod` (or STAGE=prod) runs the API
 * with the production settings the deployed function gets from STAGE, so hardening can be tried locally.
 */
const { values: options } = parseArgs({
  options: {
    'in-memory': { type: 'boolean', default: process.env.LINKWORK_IN_MEMORY === '1' },
    /** `local` (default), `dev` or `prod`: what the deployed function reads from STAGE. */
    stage: { type: 'string', default: process.env.STAGE ?? 'local' },
    /** `any` (default) or `trusted`: only client/'s trusted documents run, as GRAPHQL_OPERATIONS does in AWS. */
    operations: { type: 'string', default: process.env.GRAPHQL_OPERATIONS ?? 'any' },
    port: { type: 'string', default: process.env.PORT ?? '4000' },
    'table-name': { type: 'string', default: process.env.TABLE_NAME ?? 'linkwork-local' },
    'no-seed': { type: 'boolean', default: false },
    /** Send check-ins at any hour (demos in the evening); off by default so local runs behave like production. */
    'ignore-sending-window': { type: 'boolean', default: process.env.LINKWORK_IGNORE_SENDING_WINDOW === '1' },
    /** Seconds between dispatcher runs (every minute in AWS; quicker locally so a demo does not wait). */
    'dispatch-every': { type: 'string', default: process.env.LINKWORK_DISPATCH_EVERY ?? '15' },
  },
});

// The SDK's notice that its 2027 releases need Node 22 says nothing about this run; keep the start-up output readable.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const stage = stageOrExit(options.stage);
const operations = operationsOrExit(options.operations);
const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const started = Date.now();
  const stoppers: (() => Promise<void>)[] = [];
  let emulator: DynamoDbLocal | undefined;
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('\nstopping…');
    for (const stop of stoppers.reverse()) await stop().catch((error) => console.error(error));
    log('stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const tableName = options['table-name'] ?? 'linkwork-local';
    const dbPath = join(DATA_DIR, 'dynamodb');
    // A fresh clone's first start: the demo is made on a RAM disk and moved into .data/dynamodb (seconds, not minutes).
    const firstSeed =
      options['in-memory'] || options['no-seed']
        ? undefined
        : await firstStartFromSnapshot({
            dbPath,
            tableName,
            clock: systemClock,
            log,
            onStop: (stop) => stoppers.push(stop),
          });
    emulator = await startDynamoDbLocal({ inMemory: options['in-memory'] ?? false, dbPath, log });
    stoppers.push(emulator.stop);
    const client = localClient(emulator.endpoint);
    const created = await ensureTable(client, tableName);
    client.destroy();
    const store = createDataStore({ tableName, endpoint: emulator.endpoint });

    const seed =
      firstSeed ??
      (options['no-seed']
        ? ({ source: 'already-there', loaded: 0, care: Promise.resolve() } satisfies DemoSeed)
        : await startDemoSeed(store, systemClock));
    // What the portal's home page shows while the seed and the folding catch up.
    const status = new LocalStatus(options['no-seed'] ? 'absent' : seed.source === 'seeding' ? 'seeding' : 'present');
    const portalAssets = loadPortalAssets({ log });
    portalAssets.catch((error: Error) => log(`[portal] bundling failed: ${error.message}`));

    // Outcome figures are folded from the table's stream, as the Lambda on DynamoDB Streams does in AWS. Folding and
    // the dispatcher start once the demo history is in, so they do not compete with the seed for the emulator.
    const startBackgroundWork = () => {
      const folding = startStreamPoller({
        endpoint: emulator!.endpoint,
        tableName,
        onError: (error) => log(`[outcomes] folding a stream batch failed, will retry: ${(error as Error).name}`),
        // The snapshot brought its figures with it: only what changes from now on is folded.
        ...(seed.source === 'snapshot' ? { from: 'LATEST' as const } : {}),
      });
      stoppers.push(folding.stop);
      const foldingStarted = Date.now();
      status.setFolding('folding');
      folding.waitUntilIdle().then(
        () => {
          status.setFolding('up-to-date');
          log(
            `[outcomes] commissioner figures are up to date (${((Date.now() - foldingStarted) / 1000).toFixed(0)} s of stream folded)`,
          );
        },
        () => {},
      );
      checkIns.start();
    };

    // One application and one clock for the API and the follow-up engine, so fast-forwarding moves both.
    const clock = new FastForwardClock();
    const linkwork = createLinkwork({
      store,
      clock,
      cursorKey: localCursorKey(),
      // Staff an administrator adds through the API (createStaffUser) get a local account; print a token for them.
      signIn: {
        kind: 'local',
        announce: async (account) =>
          log(
            `[staff] new local account ${account.userId} (${account.role}); Bearer ${await signLocalToken(account)}` +
              ` (or: npm run token -- ${account.userId})`,
          ),
      },
      staffChangeLog: {
        info: (message, fields) => log(`[staff] ${message} ${JSON.stringify(fields)}`),
        error: (message, fields) => log(`[staff] ${message} ${JSON.stringify(fields)}`),
      },
    });
    const checkIns = createLocalCheckIns({
      store,
      checkIns: linkwork.checkIns,
      clock,
      ignoreSendingWindow: options['ignore-sending-window'],
      intervalMs: Number(options['dispatch-every']) * 1000,
    });
    stoppers.push(async () => checkIns.stop());

    const portal = createPortal({
      store,
      checkIns,
      status,
      users: () => listDemoUsers(store),
      assets: portalAssets,
      stage,
      operations,
      dispatcher: {
        everySeconds: Number(options['dispatch-every']),
        ignoresSendingWindow: options['ignore-sending-window'] ?? false,
      },
      dynamoDbEndpoint: emulator.endpoint,
      tableName,
    });
    const api = await startLocalApi({
      store,
      linkwork,
      stage,
      operations,
      port: Number(options.port),
      log,
      localRoutes: portal.localRoutes,
      fallback: portal.handle,
    });
    stoppers.push(api.close);

    // Lets `npm run token` and `npm run sms` find this run without flags; removed again on a clean stop.
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(
      LOCAL_STATE_FILE,
      `${JSON.stringify({ dynamodbEndpoint: emulator.endpoint, tableName, apiUrl: api.url }, null, 2)}\n`,
    );
    stoppers.push(async () => rmSync(LOCAL_STATE_FILE, { force: true }));

    log('');
    log(`Linkwork is running (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    log(`  DynamoDB Local  ${emulator.endpoint}  table ${tableName}${created ? ' (created)' : ''}`);
    log(
      `                  ${options['in-memory'] ? 'in memory: data goes when you stop' : 'data kept in .data/dynamodb'}`,
    );
    log(`  demo data       ${DEMO_DATA_LINE[seed.source](seed.loaded)}`);
    log(`  portal          ${origin(api.url)}/  (API explorer, phone simulator, link worker view, dashboard)`);
    log(`  GraphQL API     ${api.url}  (the Lambda handler behind a local API Gateway)`);
    log(`  stage           ${describeStage(stage)}`);
    if (operations === 'trusted')
      log('  operations      only the trusted documents in client/operations run (--operations any for all)');
    log(`  check-ins       dispatcher every ${options['dispatch-every']} s; texts print here as [sms → …]`);
    log(
      `                  sending window: ${options['ignore-sending-window'] ? 'ignored (--ignore-sending-window)' : 'Mon–Fri 09:00–18:00 Europe/London'}`,
    );
    log('  outcome figures folded from the table stream in the background (a first run takes a while; see [outcomes])');
    log(`  SMS simulator   npm run sms -- 07700900001 "3"   (or POST ${origin(api.url)}/sms/inbound)`);
    const users = await listDemoUsers(store);
    log('');
    log('Seeded users, each with a bearer token valid for 8 hours (or: npm run token -- <id>):');
    for (const user of users) {
      log(`  ${user.role.padEnd(13)} ${user.userId.padEnd(11)} ${user.name}`);
      log(`    Bearer ${await signLocalToken(user)}`);
    }
    log('');
    log(`Try: curl -s ${api.url} -H 'content-type: application/json' \\`);
    log(`       -H "authorization: Bearer $(npm run -s token -- lw-asha)" -d '{"query":"{ me { name role } }"}'`);
    log('');
    log(
      'Type "d" + Enter to run the dispatcher now, "f 24" to fast-forward the clock 24 hours. Ctrl-C stops everything.',
    );
    acceptCommands(checkIns);
    const seedStarted = Date.now();
    seed.care.then(
      () => {
        if (seed.source === 'seeding') status.setSeed('ready');
        if (seed.source === 'seeding')
          log(
            `[seed] demo caseloads and check-in history are in (${((Date.now() - seedStarted) / 1000).toFixed(0)} s more)`,
          );
        startBackgroundWork();
      },
      (error: Error) => {
        status.setSeed('failed');
        log(`[seed] failed: ${error.message}. Run npm start again: an unfinished demo is emptied and made again.`);
        void stopAll(1);
      },
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error('Run npm start again: a demo stopped half-way is emptied and made again.');
    await stopAll(1);
  }
}

function stageOrExit(value: string | undefined): LocalStage {
  try {
    return parseStage(value);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}

function operationsOrExit(value: string | undefined): OperationMode {
  try {
    return parseOperationMode(value);
  } catch (error) {
    console.error(`${(error as Error).message} (--operations or GRAPHQL_OPERATIONS)`);
    process.exit(2);
  }
}

function origin(url: string): string {
  return new URL(url).origin;
}

function acceptCommands(checkIns: LocalCheckIns): void {
  if (!process.stdin.isTTY) return;
  const input = createInterface({ input: process.stdin });
  input.on('line', (line) => {
    const [command, argument] = line.trim().split(/\s+/);
    if (command === 'd') {
      checkIns.runDispatcherNow().then(
        (report) => log(`[checkins] sent ${report.sent}, deferred ${report.deferred}, skipped ${report.skipped}`),
        (error: Error) => log(`[checkins] dispatcher failed: ${error.message}`),
      );
    } else if (command === 'f') {
      const hours = Number(argument ?? '24');
      if (Number.isFinite(hours) && hours > 0)
        log(`clock is now ${checkIns.clock.advance(hours * 3_600_000).toISOString()}`);
    } else if (command) {
      log('commands: d (dispatch now), f <hours> (fast-forward)');
    }
  });
}

async function listDemoUsers(store: ReturnType<typeof createDataStore>) {
  const identity = new DynamoDbIdentityRepository(store);
  const ids = ['lw-asha', 'lw-ben', 'lw-cara', 'lw-dev', 'coord-erin', 'comm-femi', 'prov-gwen', 'admin-hal'];
  const users = await identity.getStaffUsers(ids);
  return users.sort((a, b) => ids.indexOf(a.userId) - ids.indexOf(b.userId));
}

void main();
