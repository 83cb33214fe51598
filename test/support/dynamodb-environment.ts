import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment } from 'jest-environment-node';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../scripts/lib/dynamodb-local';

/**
 * The jest environment of every test file that talks to DynamoDB: plain Node, with DYNAMODB_ENDPOINT pointing at this
 * jest worker's own DynamoDB Local.
 *
 * One emulator per worker rather than one for the whole run: two workers' suites never queue on the same emulator's
 * lock (a shared DynamoDB Local under CPU load answers "timed out … waiting for a lock"), and a test file only ever
 * shares its emulator with the files before it on the same worker. The first file a worker runs here starts it; the
 * rest reuse it (jest loads this module once per worker process); it ends with the worker. Unit tests run in plain
 * `node` and never start Java. DYNAMODB_ENDPOINT set from outside still wins: every worker then uses that emulator.
 */
let emulator: Promise<DynamoDbLocal> | undefined;

function workerEmulator(): Promise<DynamoDbLocal> {
  emulator ??= startDynamoDbLocal({
    inMemory: true,
    endsWithProcess: true,
    // Starting Java on a loaded 2-core machine can take a while; a missing answer after two minutes is a real fault.
    readyTimeoutMs: 120_000,
    log: (line) => process.stderr.write(`[jest worker ${process.env.JEST_WORKER_ID ?? '1'}] ${line}\n`),
  }).catch((error: unknown) => {
    // Let the next test file try again rather than fail on a cached start-up error.
    emulator = undefined;
    throw error;
  });
  return emulator;
}

/** Docblock pragma of a test file that gets a DynamoDB Local of its own, started before it and stopped after it. */
const OWN_EMULATOR = 'dynamodb-own-emulator';

/**
 * A file marked `@dynamodb-own-emulator` (the stream-folding suites, which write whole populations and poll streams)
 * runs on an emulator of its own: DynamoDB Local slows down as tables pile up on it, and those suites took over 480 s
 * on a worker's emulator after twenty other files, against about 100 s alone (the benchmarks give each outcomes data
 * size a fresh emulator for the same reason). It also keeps a suite that times out from leaving its stream poller
 * busy on the emulator the next files use.
 */
export default class DynamoDbEnvironment extends TestEnvironment {
  private readonly ownEmulator: boolean;
  private own: DynamoDbLocal | undefined;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.ownEmulator = OWN_EMULATOR in context.docblockPragmas && !process.env.DYNAMODB_ENDPOINT;
  }

  override async setup(): Promise<void> {
    await super.setup();
    if (this.ownEmulator) {
      this.own = await startDynamoDbLocal({ inMemory: true, readyTimeoutMs: 120_000 });
      this.global.process.env.DYNAMODB_ENDPOINT = this.own.endpoint;
      return;
    }
    const { endpoint } = await workerEmulator();
    this.global.process.env.DYNAMODB_ENDPOINT = endpoint;
  }

  override async teardown(): Promise<void> {
    await this.own?.stop();
    await super.teardown();
  }
}
