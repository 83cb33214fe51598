import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import DataLoader from 'dataloader';
import type { DataStore } from '../../platform/dynamodb/client';
import { entityConfig } from '../../platform/dynamodb/service';
import { queryKeyPage } from '../../referrals/adapters/key-paging';
import type { IdGenerator } from '../../shared/ids';
import { type AuditEventEntity, auditEventEntity } from '../entities/audit-event';
import type { AuditEvent, AuditLog, AuditRecord, AuditTrailPage, AuditTrailReader } from '../ports';

/** DynamoDB's limit on items in one BatchWriteItem. */
const BATCH_WRITE_LIMIT = 25;
const MAX_ATTEMPTS = 6;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The audit log on DynamoDB. Every `record` made in the same tick (a caseload page records one event per patient) is
 * gathered by a DataLoader into BatchWriteItem requests of 25, and each caller's promise resolves only once its item
 * is written, unprocessed items having been retried, so a response can never leave before its audit.
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
      maxBatchSize: BATCH_WRITE_LIMIT,
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
    let requests = events.map(({ patientId, ...event }) => ({
      PutRequest: { Item: this.events.put({ ...event, auditPatientId: patientId }).params().Item },
    }));
    for (let attempt = 1; requests.length > 0; attempt++) {
      const output = await this.store.documentClient.send(
        new BatchWriteCommand({ RequestItems: { [this.store.tableName]: requests } }),
      );
      requests = (output.UnprocessedItems?.[this.store.tableName] ?? []) as typeof requests;
      if (requests.length === 0) break;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`Audit: ${requests.length} events left unwritten after retries`);
      await sleep(2 ** attempt * 20);
    }
    return events.map(() => undefined);
  }
}
