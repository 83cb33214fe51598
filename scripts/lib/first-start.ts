import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createDataStore } from '../../functions/platform/dynamodb/client';
import type { Clock } from '../../functions/shared/clock';
import { type DemoSeed, startDemoSeed } from '../seed/demo';
import { readCurrentSnapshot } from '../seed/snapshot';
import { type DynamoDbLocal, localClient, startDynamoDbLocal } from './dynamodb-local';
import { ensureTable } from './local-table';

/** The file DynamoDB Local keeps every table in when started with `-sharedDb`. */
export const DYNAMODB_LOCAL_FILE = 'shared-local-instance.db';
/** A RAM disk, where there is one (Linux). */
const RAM_DISK = '/dev/shm';

/**
 * A fresh clone's first `npm start`, made in seconds. DynamoDB Local keeps its data in SQLite and commits each item to
 * disk on its own: the demo snapshot's 7,851 items took 141 s into `.data/dynamodb` on the 2-core machine's disk,
 * against 16 s in memory (load average 13, `bench` case `start`). So when there is no database yet, the snapshot goes
 * into one on a RAM disk, that emulator stops, and the finished file is copied beside `.data/dynamodb` and renamed into
 * place: a Ctrl-C at any moment leaves either no database (the next start does this again) or the whole demo.
 *
 * Returns the seed when it made the database, undefined when there was one already, no RAM disk, or no snapshot made
 * with today's entity models (npm start then seeds into `.data/dynamodb` as before).
 */
export async function firstStartFromSnapshot(options: {
  dbPath: string;
  tableName: string;
  clock: Clock;
  log: (line: string) => void;
  /** Registers how to stop the scratch emulator if the run is stopped meanwhile. */
  onStop: (stop: () => Promise<void>) => void;
}): Promise<DemoSeed | undefined> {
  const target = join(options.dbPath, DYNAMODB_LOCAL_FILE);
  if (existsSync(target) || !existsSync(RAM_DISK) || !readCurrentSnapshot()) return undefined;
  const scratch = mkdtempSync(join(RAM_DISK, 'linkwork-first-start-'));
  let emulator: DynamoDbLocal | undefined;
  options.onStop(async () => {
    await emulator?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });
  try {
    emulator = await startDynamoDbLocal({ inMemory: false, dbPath: scratch, log: options.log });
    const client = localClient(emulator.endpoint);
    await ensureTable(client, options.tableName);
    client.destroy();
    const store = createDataStore({ tableName: options.tableName, endpoint: emulator.endpoint });
    const seed = await startDemoSeed(store, options.clock);
    store.client.destroy();
    await emulator.stop();
    emulator = undefined;
    mkdirSync(options.dbPath, { recursive: true });
    const partial = `${target}.partial`;
    copyFileSync(join(scratch, DYNAMODB_LOCAL_FILE), partial);
    renameSync(partial, target);
    return seed;
  } finally {
    await emulator?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
