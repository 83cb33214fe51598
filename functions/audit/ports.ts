import type { Role } from '../identity';
import type { KeyPage } from '../platform/dynamodb/key-paging';
import type { AuditAction } from './entities/audit-event';

/** What a use case reports. Ids only. */
export interface AuditRecord {
  actorUserId: string;
  actorRole: Role;
  action: AuditAction;
  entityType: string;
  entityId: string;
  operation: string;
  patientId: string;
  /** ISO time; the use case's clock. */
  at: string;
  /** All records of the patient's one request reached, `<entityType>:<id>` (set by the request's audit). */
  entities?: string[];
}

export interface AuditEvent extends AuditRecord {
  auditId: string;
}

export interface AuditLog {
  /** Resolves once the event is durably written, so a response never leaves before its audit. */
  record(event: AuditRecord): Promise<void>;
}

/** Keyset paging (platform/dynamodb/key-paging.ts): each event with its own position. */
export type AuditTrailPage = KeyPage<AuditEvent>;

export interface AuditTrailReader {
  /** A patient's audit events in time order, `first` at a time. */
  listByPatient(patientId: string, first: number, after?: string): Promise<AuditTrailPage>;
}
