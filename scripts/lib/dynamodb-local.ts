import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { stopProcess } from './stop-process';

/**
 * DynamoDB Local, the official emulator, as a managed dependency of tests, `npm start` and benchmarks.
 *
 * The jar ships inside the npm package `amplify-dynamodb-simulator`. Installing that package pulls about 350 MB of
 * Amplify code whose JavaScript does not even load, so we fetch only its tarball (pinned, integrity-checked by npm) and
 * keep the `emulator/` folder under the git-ignored `.dynamodb/`.
 */
export const SIMULATOR_PACKAGE = 'amplify-dynamodb-simulator@2.9.30';

const projectRoot = resolve(__dirname, '..', '..');
const emulatorDir = join(projectRoot, '.dynamodb', SIMULATOR_PACKAGE.replace('@', '-'));
const jarPath = join(emulatorDir, 'DynamoDBLocal.jar');

export class JavaMissingError extends Error {
  constructor(cause?: unknown) {
    super(
      'DynamoDB Local needs Java 17 or newer and `java` was not found on PATH. ' +
        'Install a JDK (for example `apt-get install openjdk-17-jre-headless` or `brew install openjdk@17`), ' +
        'or set DYNAMODB_ENDPOINT to an emulator you run yourself.',
      { cause },
    );
    this.name = 'JavaMissingError';
  }
}

/** Fetches the emulator once; later calls return at once. */
export function ensureEmulatorJar(log: (line: string) => void = () => {}): string {
  if (existsSync(jarPath)) return emulatorDir;
  log(`fetching DynamoDB Local from ${SIMULATOR_PACKAGE} (one time, about 56 MB)…`);
  const work = mkdtempSync(join(tmpdir(), 'linkwork-ddb-'));
  try {
    const tarball = execFileSync('npm', ['pack', SIMULATOR_PACKAGE, '--silent', '--pack-destination', work], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .pop();
    if (!tarball) throw new Error(`npm pack ${SIMULATOR_PACKAGE} printed no file name`);
    execFileSync('tar', ['-xzf', join(work, tarball), '-C', work, 'package/emulator']);
    mkdirSync(join(emulatorDir, '..'), { recursive: true });
    // Rename last, so an interrupted fetch never leaves a half-unpacked emulator that looks complete.
    renameSync(join(work, 'package', 'emulator'), emulatorDir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return emulatorDir;
}

export function assertJava(): void {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch (error) {
    throw new JavaMissingError(error);
  }
}

/**
 * Ports this process has handed out. An emulator that has just stopped can leave its port held for a while by its
 * closing connections, and the kernel may offer that same port again at once: DynamoDB Local then fails to bind and
 * never answers (seen in a full bench run, one case's emulator after the last).
 */
const portsHandedOut = new Set<number>();

/** A loopback port free now that this process has not handed out before (so not one an emulator of ours just left). */
export async function freeLoopbackPort(): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = await anyFreeLoopbackPort();
    if (!portsHandedOut.has(port) || attempt >= 20) {
      portsHandedOut.add(port);
      return port;
    }
  }
}

function anyFreeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface DynamoDbLocal {
  endpoint: string;
  /** The emulator process we started, or undefined when DYNAMODB_ENDPOINT pointed at one already running. */
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Keep tables in memory only (tests, throwaway runs). Otherwise `dbPath` is required. */
  inMemory: boolean;
  dbPath?: string;
  port?: number;
  log?: (line: string) => void;
  /** How long to wait for the emulator to answer. */
  readyTimeoutMs?: number;
  /**
   * Let our process exit while the emulator runs (it is then killed on exit). For a jest worker, which has no teardown
   * hook of its own and ends when nothing holds it open.
   */
  endsWithProcess?: boolean;
  /** Extra JVM options, before `-jar`. */
  javaOptions?: readonly string[];
}

/** Dummy credentials: DynamoDB Local accepts any, but only letters and digits. */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: localCredentials, maxAttempts: 3 });
}

/** DynamoDB Local could not listen on its port (taken meanwhile): its JVM lives on without listening. */
class PortTakenError extends Error {}

/** What DynamoDB Local prints when its port is taken, before its JVM goes on without listening. */
const BIND_FAILED = /Failed to bind|BindException|Address already in use/;

async function waitUntilAnswering(
  endpoint: string,
  timeoutMs: number,
  child?: ChildProcess,
  stderr: () => string = () => '',
): Promise<void> {
  const client = localClient(endpoint);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child && child.exitCode !== null) {
        throw new Error(`DynamoDB Local exited with code ${child.exitCode} before it answered`);
      }
      if (BIND_FAILED.test(stderr())) throw new PortTakenError(`DynamoDB Local could not listen at ${endpoint}`);
      try {
        // Each probe gives up after 2 s: something else listening on the port may take the connection and never
        // answer (the SDK's own request timeout did not end such a request here; an abort signal does).
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer at ${endpoint}`, { cause: error });
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } finally {
    client.destroy();
  }
}

/** Refuses anything but loopback, so a test or seed can never write to a real AWS table. */
export function assertLoopbackEndpoint(endpoint: string): void {
  const host = new URL(endpoint).hostname;
  const loopback = host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  if (!loopback) {
    throw new Error(`Refusing to use DynamoDB endpoint ${endpoint}: tests and local runs only talk to loopback.`);
  }
}

/**
 * Starts DynamoDB Local on a free loopback port (or uses DYNAMODB_ENDPOINT) and resolves once it answers.
 */
export async function startDynamoDbLocal(options: StartOptions): Promise<DynamoDbLocal> {
  const log = options.log ?? (() => {});
  const external = process.env.DYNAMODB_ENDPOINT;
  if (external) {
    assertLoopbackEndpoint(external);
    await waitUntilAnswering(external, options.readyTimeoutMs ?? 10_000);
    return { endpoint: external, pid: undefined, stop: async () => {} };
  }
  assertJava();
  const dir = ensureEmulatorJar(log);
  // A port taken between our choosing it and the emulator listening: choose another, a few times.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freeLoopbackPort());
    try {
      return await launch(dir, port, options);
    } catch (error) {
      if (!(error instanceof PortTakenError) || options.port !== undefined || attempt >= 3) throw error;
      log(`DynamoDB Local could not listen on port ${port}; trying another`);
    }
  }
}

async function launch(dir: string, port: number, options: StartOptions): Promise<DynamoDbLocal> {
  const storage = options.inMemory ? ['-inMemory'] : ['-dbPath', requireDbPath(options.dbPath)];
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-Xmx1g',
      ...(options.javaOptions ?? []),
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      ...storage,
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(port),
    ],
    // The emulator writes a metadata file into its working directory: keep it out of the checkout.
    { stdio: ['ignore', 'ignore', 'pipe'], cwd: options.inMemory ? dir : requireDbPath(options.dbPath) },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  leaveNoOrphan(child);
  const stop = () => stopProcess(child);
  try {
    await waitUntilAnswering(endpoint, options.readyTimeoutMs ?? 30_000, child, () => stderr);
  } catch (error) {
    await stop();
    if (error instanceof PortTakenError) throw error;
    throw new Error(`${(error as Error).message}\n${stderr}`, { cause: error });
  }
  if (options.endsWithProcess) {
    child.unref();
    (child.stderr as Socket | null)?.unref();
  }
  return { endpoint, pid: child.pid, stop };
}

/**
 * The emulator must not outlive us. A clean stop goes through `stop()`; a crash still runs 'exit' handlers; and for a
 * SIGKILL, which runs nothing, a small watchdog shell ends the emulator once our process is gone.
 */
function leaveNoOrphan(child: ChildProcess): void {
  const killChild = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killChild);
  child.once('exit', () => process.off('exit', killChild));
  if (child.pid === undefined) return;
  const watchdog = spawn(
    'sh',
    [
      '-c',
      `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${child.pid} 2>/dev/null; do sleep 2; done; kill -9 ${child.pid} 2>/dev/null`,
    ],
    { stdio: 'ignore', detached: true },
  );
  watchdog.unref();
}

function requireDbPath(dbPath: string | undefined): string {
  if (!dbPath) throw new Error('startDynamoDbLocal: dbPath is required unless inMemory is true');
  mkdirSync(dbPath, { recursive: true });
  return dbPath;
}
