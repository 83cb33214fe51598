import type { Role } from '../identity';
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

export interface AuditTrailPage {
  items: AuditEvent[];
  hasNextPage: boolean;
  endCursor?: string;
}

export interface AuditTrailReader {
  /** A patient's audit events in time order, `first` at a time. */
  listByPatient(patientId: string, first: number, after?: string): Promise<AuditTrailPage>;
}
