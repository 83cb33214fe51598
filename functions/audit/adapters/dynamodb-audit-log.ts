import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import DataLoader from 'dataloader';
import type { DataStore } from '../../platform/dynamodb/client';
import { queryKeyPage } from '../../platform/dynamodb/key-paging';
import { entityConfig } from '../../platform/dynamodb/service';
import type { IdGenerator } from '../../shared/ids';
import { type AuditEventEntity, auditEventEntity } from '../entities/audit-event';
import type { AuditEvent, AuditLog, AuditRecord, AuditTrailPage, AuditTrailReader } from '../ports';

/** DynamoDB's limit on actions in one TransactWriteItems, and the largest page any list returns. */
const TRANSACTION_LIMIT = 100;
/** DynamoDB's limit on puts in one BatchWriteItem: up to this many events go in one batch, more in a transaction. */
export const AUDIT_BATCH_LIMIT = 25;
const MAX_ATTEMPTS = 6;
/** Cancellation reasons that say nothing was written and trying again can succeed. */
const TRANSIENT_REASONS = new Set(['None', 'ThrottlingError', 'TransactionConflict', 'ProvisionedThroughputExceeded']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The audit log on DynamoDB. Every `record` made in the same tick (a caseload page records one event per patient) is
 * gathered by a DataLoader into one write request, and each caller's promise resolves only once every event of it is
 * stored, so a response can never leave before its audit.
 *
 * The request is a BatchWriteItem when the events fit one (up to 25: the default caseload page, and every single
 * record's read), and one TransactWriteItems of up to 100 puts when they do not, so a page costs one write request at
 * every page size (issue 7). A batch costs 1 write unit an event where a transaction costs 2, and DynamoDB answers it
 * sooner. What a batch gives up is all-or-nothing: events DynamoDB leaves unprocessed are sent again until stored, and
 * if they never are the request fails after some of its events were stored, so the trail may show a read whose
 * response never left, never the other way round. docs/decisions/0004-audit-writes-per-page.md weighs it.
 */
export class DynamoDbAuditLog implements AuditLog, AuditTrailReader {
  private readonly events: AuditEventEntity;
  private readonly store: DataStore;
  private readonly writer: DataLoader<AuditEvent, undefined>;

  constructor(
    store: DataStore,
    private readonly newId: IdGenerator,
  ) {
    this.store = store;
    this.events = auditEventEntity(entityConfig(store));
    this.writer = new DataLoader((events) => this.writeBatch(events), {
      cache: false,
      maxBatchSize: TRANSACTION_LIMIT,
    });
  }

  record(event: AuditRecord): Promise<void> {
    return this.writer.load({ ...event, auditId: this.newId() });
  }

  async listByPatient(patientId: string, first: number, after?: string): Promise<AuditTrailPage> {
    const params = this.events.query.byPatient({ auditPatientId: patientId }).params();
    const page = await queryKeyPage({
      documentClient: this.store.documentClient,
      params,
      keyFields: ['pk', 'sk'],
      partition: { pk: params.ExpressionAttributeValues[':pk'] },
      first,
      after,
      parse: (items) => this.events.parse({ Items: items }).data,
    });
    return {
      ...page,
      items: page.items.map(({ auditPatientId, ...rest }) => ({ ...rest, patientId: auditPatientId })),
    };
  }

  private async writeBatch(events: readonly AuditEvent[]): Promise<undefined[]> {
    const items = events.map(
      ({ patientId, ...event }) => this.events.put({ ...event, auditPatientId: patientId }).params().Item,
    );
    if (items.length <= AUDIT_BATCH_LIMIT) await this.putInBatch(items);
    else await this.putInTransaction(items, events[0].auditId);
    return events.map(() => undefined);
  }

  /** One BatchWriteItem; what DynamoDB leaves unprocessed goes again. A put of the same item twice stores it once. */
  private async putInBatch(items: Record<string, unknown>[]): Promise<void> {
    let pending = items.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.store.documentClient.send(
          new BatchWriteCommand({ RequestItems: { [this.store.tableName]: pending } }),
        );
        const unprocessed = response.UnprocessedItems?.[this.store.tableName] as typeof pending | undefined;
        if (!unprocessed?.length) return;
        pending = unprocessed;
      } catch (error) {
        if (!isTransient(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
      if (attempt >= MAX_ATTEMPTS) throw new Error(`${pending.length} audit events not stored after ${attempt} tries`);
      await sleep(2 ** attempt * 20);
    }
  }

  private async putInTransaction(items: Record<string, unknown>[], token: string): Promise<void> {
    const command = new TransactWriteCommand({
      TransactItems: items.map((Item) => ({ Put: { TableName: this.store.tableName, Item } })),
      // The same token makes a retry of a transaction that did commit a no-op rather than a second copy.
      ClientRequestToken: token,
    });
    for (let attempt = 1; ; attempt++) {
      try {
        await this.store.documentClient.send(command);
        return;
      } catch (error) {
        if (!isTransient(error) || attempt >= MAX_ATTEMPTS) throw error;
        await sleep(2 ** attempt * 20);
      }
    }
  }
}

/** Errors of the whole request that mean it was not applied and may succeed later (the SDK's own retries spent). */
const TRANSIENT_ERRORS = new Set([
  'TransactionInProgressException',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
]);

function isTransient(error: unknown): boolean {
  const { name, CancellationReasons } = error as { name?: string; CancellationReasons?: { Code?: string }[] };
  if (name && TRANSIENT_ERRORS.has(name)) return true;
  if (name !== 'TransactionCanceledException') return false;
  return (CancellationReasons ?? []).every((reason) => TRANSIENT_REASONS.has(reason.Code ?? 'None'));
}
