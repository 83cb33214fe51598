/** The audit context's public surface: the port use cases call, its DynamoDB adapter, and the admin's trail. */
export { DynamoDbAuditLog } from './adapters/dynamodb-audit-log';
export { AUDIT_ACTIONS, type AuditAction } from './entities/audit-event';
export type { AuditEvent, AuditLog, AuditRecord, AuditTrailPage, AuditTrailReader } from './ports';
export {
  AUDIT_TRAIL_MAX_PAGE,
  type GetAuditTrailInput,
  getAuditTrail,
  type PatientScopeLookup,
} from './use-cases/get-audit-trail';
