import type { Principal } from '../identity';
import type { Clock } from '../shared/clock';
import type { AuditAction } from './entities/audit-event';
import type { AuditLog } from './ports';

/** What was touched: ids only, never names, numbers or message text. */
export interface AuditTarget {
  patientId: string;
  entityType: string;
  entityId: string;
}

/**
 * Records on the patient's audit trail that `principal` did `action` to `target`, stamped by the use case's clock.
 * Every context audits through this one function, so an audit event always has the same shape.
 */
export function recordAccess(
  deps: { audit: AuditLog; clock: Clock },
  principal: Principal,
  action: AuditAction,
  operation: string,
  target: AuditTarget,
): Promise<void> {
  return deps.audit.record({
    actorUserId: principal.userId,
    actorRole: principal.role,
    action,
    operation,
    at: deps.clock.now().toISOString(),
    ...target,
  });
}
