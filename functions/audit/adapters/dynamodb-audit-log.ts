import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import DataLoader from 'dataloader';
import type { DataStore } from '../../platform/dynamodb/client';
import { queryKeyPage } from '../../platform/dynamodb/key-paging';
import { entityConfig } from '../../platform/dynamodb/service';
import type { IdGenerator } from '../../shared/ids';
import { type AuditEventEntity, auditEventEntity } from '../entities/audit-event';
import type { AuditEvent, AuditLog, AuditRecord, AuditTrailPage, AuditTrailReader } from '../ports';

/** DynamoDB's limit on actions in one TransactWriteItems, and the largest page any list returns. */
const TRANSACTION_LIMIT = 100;
const MAX_ATTEMPTS = 6;
/** Cancellation reasons that say nothing was written and trying again can succeed. */
const TRANSIENT_REASONS = new Set(['None', 'ThrottlingError', 'TransactionConflict', 'ProvisionedThroughputExceeded']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The audit log on DynamoDB. Every `record` made in the same tick (a caseload page records one event per patient) is
 * gathered by a DataLoader into one TransactWriteItems of up to 100 puts, and each caller's promise resolves only once
 * the transaction is committed, so a response can never leave before its audit.
 *
 * Why a transaction and not BatchWriteItem: a page of 100 then costs one write request, not four, so the requests a
 * page costs stay flat in page size (issue 7), and a page's audit is all written or not at all, never partly. The price
 * is 2 write units per event instead of 1; docs/decisions/0004-audit-writes-per-page.md weighs it.
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
    const command = new TransactWriteCommand({
      TransactItems: events.map(({ patientId, ...event }) => ({
        Put: {
          TableName: this.store.tableName,
          Item: this.events.put({ ...event, auditPatientId: patientId }).params().Item,
        },
      })),
      // The same token makes a retry of a transaction that did commit a no-op rather than a second copy.
      ClientRequestToken: events[0].auditId,
    });
    for (let attempt = 1; ; attempt++) {
      try {
        await this.store.documentClient.send(command);
        return events.map(() => undefined);
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
