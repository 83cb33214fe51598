import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { auditEventEntity } from '../../functions/audit/entities/audit-event';
import type { StaffUser } from '../../functions/identity/entities/staff-user';
import { entityConfig } from '../../functions/platform/dynamodb/service';
import type { GraphQLResponse, Harness } from '../integration/graphql/harness';

/*
 * What one request did, seen from outside the application: the raw response, the DynamoDB writes it made (through SDK
 * middleware on the shared client), the patients whose audit partitions those writes touched, and the audit events
 * the trail holds for a patient at the request's instant (the clock moves one second before every request, so each
 * request has an instant of its own and its audit events can be told apart from every other request's).
 */

const WRITE_COMMANDS = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);

export interface Observed {
  response: GraphQLResponse;
  /** The request's instant: every audit event it wrote carries it. */
  at: string;
  /** DynamoDB write requests made while it ran (audit writes included). */
  writes: number;
  /** Patients an audit event was written for, as many times as written. */
  auditWrites: string[];
}

export interface AuditEventSeen {
  action: string;
  operation: string;
  entityType: string;
}

/** A value as the document client or the low-level client holds it: `x` or `{ S: x }`. */
function plain(value: unknown): unknown {
  if (value && typeof value === 'object' && 'S' in value) return (value as { S: unknown }).S;
  return value;
}

/** Every audit event item in a write command's input, however nested (Put, TransactItems, RequestItems). */
function auditPatientsIn(input: unknown, found: string[]): void {
  if (!input || typeof input !== 'object') return;
  if (Array.isArray(input)) {
    for (const item of input) auditPatientsIn(item, found);
    return;
  }
  const record = input as Record<string, unknown>;
  if (plain(record.__edb_e__) === 'auditEvent' && typeof plain(record.auditPatientId) === 'string') {
    found.push(plain(record.auditPatientId) as string);
    return;
  }
  for (const value of Object.values(record)) auditPatientsIn(value, found);
}

export class Probe {
  private writes = 0;
  private auditWrites: string[] = [];
  private readonly audit;

  constructor(readonly h: Harness) {
    this.audit = auditEventEntity(entityConfig(h.store));
    h.store.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (WRITE_COMMANDS.has(context.commandName ?? '')) {
          this.writes += 1;
          auditPatientsIn(args.input, this.auditWrites);
        }
        return next(args);
      },
      { step: 'initialize', name: 'securityProbe' },
    );
  }

  /** POSTs an operation as `user` through the Lambda handler, at an instant of its own. */
  async send(user: StaffUser, query: string, variables?: Record<string, unknown>): Promise<Observed> {
    const at = this.h.clock.advance(1000).toISOString();
    this.writes = 0;
    this.auditWrites = [];
    const response = await this.h.gql(user, query, variables);
    return { response, at, writes: this.writes, auditWrites: [...this.auditWrites] };
  }

  /** The audit events the trail holds for `patientId` at the instant `at` (one request's). */
  async auditEventsAt(patientId: string, at: string): Promise<AuditEventSeen[]> {
    const { data } = await this.audit.query.byPatient({ auditPatientId: patientId, at }).go({ pages: 'all' });
    return data
      .filter((event) => event.at === at)
      .map(({ action, operation, entityType }) => ({ action, operation, entityType }));
  }
}

/** Every item of the table, as stored (keys included). */
export async function scanTable(h: Harness): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await h.store.documentClient.send(
      new ScanCommand({ TableName: h.store.tableName, ExclusiveStartKey: start }),
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The markers of `values` found in `text`, compared without case (keys are stored lower-cased). */
export function markersIn(text: string, values: readonly string[]): string[] {
  const haystack = text.toLowerCase();
  return values.filter((value) => haystack.includes(value.toLowerCase()));
}
