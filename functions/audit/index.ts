/** The audit context's front door: the port use cases call, the one helper that shapes an event, and the trail. */
export { AUDIT_BATCH_LIMIT, DynamoDbAuditLog } from './adapters/dynamodb-audit-log';
export { AUDIT_ACTIONS, type AuditAction } from './entities/audit-event';
export type { AuditEvent, AuditLog, AuditRecord, AuditTrailPage, AuditTrailReader } from './ports';
export { type AuditTarget, recordAccess } from './record-access';
export { RequestAudit } from './request-audit';
export {
  AUDIT_TRAIL_MAX_PAGE,
  type GetAuditTrailInput,
  getAuditTrail,
  type PatientScopeLookup,
} from './use-cases/get-audit-trail';
