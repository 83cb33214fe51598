import { runInContext } from 'node:vm';
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

/**
 * ECMAScript built-ins that test, product and library code read all the time: the AWS SDK alone calls
 * `Array.isArray`, `Number(…)` and `Object.entries` for every attribute it marshals. In jest's vm context a read of
 * a global goes through the context's interceptor on every read, some sixty times slower than in plain Node (the
 * SDK's `Array.isArray` in one schema getter took 4.7 s of a 38 s fold). Declared once as script-level constants of
 * the context, the same objects are found before the global object and its interceptor are consulted. Only
 * intrinsics that nothing replaces on the global object: not `Date` or the timers, which jest's fake timers swap
 * there, nor `Infinity`, `NaN` and `undefined`, which cannot be redeclared.
 */
const INTRINSICS = [
  'Array',
  'ArrayBuffer',
  'BigInt',
  'Boolean',
  'DataView',
  'Error',
  'Float64Array',
  'Int32Array',
  'JSON',
  'Map',
  'Math',
  'Number',
  'Object',
  'Promise',
  'RangeError',
  'Reflect',
  'Set',
  'String',
  'Symbol',
  'TypeError',
  'Uint8Array',
  'WeakMap',
  'WeakSet',
  'decodeURIComponent',
  'encodeURIComponent',
  'parseFloat',
  'parseInt',
];

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
    // After jest's constructor, which sets the context's ArrayBuffer and Uint8Array to Node's own.
    runInContext(INTRINSICS.map((name) => `const ${name} = globalThis.${name};`).join('\n'), this.getVmContext()!);
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
