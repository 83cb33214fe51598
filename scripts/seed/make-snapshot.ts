import { startStreamPoller } from '../../functions/outcomes';
import { createDataStore } from '../../functions/platform/dynamodb/client';
import { ManualClock } from '../../functions/shared/clock';
import { localClient, startDynamoDbLocal } from '../lib/dynamodb-local';
import { ensureTable } from '../lib/local-table';
import { seedDemoDataOnce } from './demo';
import { captureSnapshot, SNAPSHOT_FILE, writeSnapshotFile } from './snapshot';

/*
 * `npm run seed:snapshot`: makes scripts/seed/demo-snapshot.json.gz again, after an entity model changed (a unit test
 * says when). The real seed runs through the use cases into an in-memory DynamoDB Local, the figures are folded from
 * its stream as in production, and every item is kept. Takes a minute or two.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const emulator = await startDynamoDbLocal({ inMemory: true, log: () => {} });
  try {
    const tableName = 'linkwork-snapshot';
    const client = localClient(emulator.endpoint);
    await ensureTable(client, tableName);
    client.destroy();
    const store = createDataStore({ tableName, endpoint: emulator.endpoint });
    // The seed's "today" is the first of this month at 12:00, so the month shift on load is exact.
    const today = new Date();
    today.setUTCDate(1);
    today.setUTCHours(12, 0, 0, 0);
    await seedDemoDataOnce(store, new ManualClock(today.toISOString()));
    console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s; folding the figures…`);
    const folding = startStreamPoller({
      endpoint: emulator.endpoint,
      tableName,
      onError: (error) => console.error(`folding failed, retrying: ${(error as Error).message}`),
    });
    await folding.waitUntilIdle();
    await folding.stop();
    const snapshot = await captureSnapshot(store, today.toISOString());
    writeSnapshotFile(snapshot);
    const counts = Object.entries(snapshot.items).map(([name, items]) => `${name} ${items.length}`);
    console.log(`wrote ${SNAPSHOT_FILE} in ${((Date.now() - started) / 1000).toFixed(0)} s: ${counts.join(', ')}`);
  } finally {
    await emulator.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
