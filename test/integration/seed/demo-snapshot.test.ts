import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createLinkwork } from '../../../functions/app/composition-root';
import { createDataStore } from '../../../functions/platform/dynamodb/client';
import { getCaseload } from '../../../functions/referrals';
import { systemClock } from '../../../functions/shared/clock';
import { startDemoSeed } from '../../../scripts/seed/demo';
import { freshTable } from '../../support/table';

/* `npm start`'s first run: the whole demo from the snapshot, and never a half-made one. */
describe('the demo data set from its snapshot (DynamoDB Local)', () => {
  it('empties a table a stopped first run left half-made, loads every record with keys the product reads, once', async () => {
    const table = await freshTable({ stream: true });
    const store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
    const leftover = { pk: '$linkwork#leftover', sk: 'half-made' };
    await store.documentClient.send(new PutCommand({ TableName: store.tableName, Item: leftover }));

    const seed = await startDemoSeed(store, systemClock);

    expect(seed.source).toBe('snapshot');
    expect(seed.loaded).toBeGreaterThan(5000);
    const found = await store.documentClient.send(new GetCommand({ TableName: store.tableName, Key: leftover }));
    expect(found.Item).toBeUndefined();
    let items = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await store.documentClient.send(
        new ScanCommand({ TableName: store.tableName, Select: 'COUNT', ExclusiveStartKey: start }),
      );
      items += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    expect(items).toBe(seed.loaded + 1); // the records, and the marker written last
    // Loaded with the stream off, which is on again for what happens from now on (the figures fold from it).
    const { Table } = await table.client.send(new DescribeTableCommand({ TableName: store.tableName }));
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    // Keys were rebuilt by the product's own entities: a link worker's caseload reads back whole.
    const linkwork = createLinkwork({ store });
    const asha = await linkwork.identity.getStaffUser('lw-asha');
    const principal = { userId: 'lw-asha', role: 'LINK_WORKER' as const, pcnId: asha!.pcnId, icbId: asha!.icbId };
    const page = await getCaseload(linkwork.referrals.deps, principal, { first: 50 });
    expect(page.items.length).toBeGreaterThan(10);
    expect(page.items.every((referral) => referral.caseloadOwner === 'lw-asha')).toBe(true);
    expect((await startDemoSeed(store, systemClock)).source).toBe('already-there');
    await table.drop();
  }, 180_000);

  it('ends with the stream on even when a stopped first run left an empty table without one', async () => {
    // A Ctrl-C after the stream went off and before the first item went in: empty, no stream, no marker.
    const table = await freshTable({ stream: false });
    const store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });

    expect((await startDemoSeed(store, systemClock)).source).toBe('snapshot');
    const { Table } = await table.client.send(new DescribeTableCommand({ TableName: store.tableName }));
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    await table.drop();
  }, 180_000);
});
