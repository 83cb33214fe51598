import type { Principal } from '../identity';
import type { Clock } from '../shared/clock';
import type { AuditAction } from './entities/audit-event';
import type { AuditLog, AuditRecord } from './ports';

/** A stronger action says more about what happened to the record; the one event of a request keeps the strongest. */
const STRENGTH: Record<AuditAction, number> = { READ: 0, CREATE: 1, UPDATE: 2, ERASE: 3 };

interface PatientTouches {
  strongest: AuditRecord;
  entities: Set<string>;
  operations: Set<string>;
}

/**
 * The audit of one API request, made structural: everything the request's use cases record, and every patient
 * whose data the response carries (whatever operation produced it), is gathered here, and `flush` writes exactly
 * one event per patient before the response leaves (functions/graphql/audit-plugin.ts). So a new operation cannot
 * forget to audit, and 1,000 aliases of one patient are one event, not 1,000.
 */
export class RequestAudit implements AuditLog {
  private readonly touches = new Map<string, PatientTouches>();
  private flushed = false;

  constructor(
    private readonly log: AuditLog,
    private readonly principal: Principal,
    private readonly clock: Clock,
  ) {}

  /** What a use case reports: gathered, and written with the request's other touches of the same patient. */
  async record(event: AuditRecord): Promise<void> {
    this.add(event);
  }

  /** The response carries this record of the patient's (a field of a patient, referral, check-in, …). */
  shown(patientId: string, entityType: string, entityId: string): void {
    // Called for every field of a shown record (8 a caseload row): once the record is noted, there is nothing to add.
    const touched = this.touches.get(patientId);
    if (touched?.operations.has('response') && touched.entities.has(`${entityType}:${entityId}`)) return;
    this.add({
      actorUserId: this.principal.userId,
      actorRole: this.principal.role,
      action: 'READ',
      entityType,
      entityId,
      operation: 'response',
      patientId,
      at: this.clock.now().toISOString(),
    });
  }

  /** Patients touched so far. */
  get patientCount(): number {
    return this.touches.size;
  }

  /**
   * Writes one event per patient touched (the strongest action, every record reached, every operation), once.
   * `operation` names the request (its root fields) and leads the event's operations.
   */
  async flush(operation: string): Promise<void> {
    if (this.flushed) return;
    this.flushed = true;
    await Promise.all(
      [...this.touches.values()].map(({ strongest, entities, operations }) =>
        this.log.record({
          ...strongest,
          operation: [operation, ...[...operations].filter((name) => name !== 'response' && name !== operation)]
            .filter(Boolean)
            .join(' '),
          entities: [...entities],
        }),
      ),
    );
  }

  private add(event: AuditRecord): void {
    const entity = `${event.entityType}:${event.entityId}`;
    const touched = this.touches.get(event.patientId);
    if (!touched) {
      this.touches.set(event.patientId, {
        strongest: event,
        entities: new Set([entity]),
        operations: new Set([event.operation]),
      });
      return;
    }
    touched.entities.add(entity);
    touched.operations.add(event.operation);
    if (STRENGTH[event.action] > STRENGTH[touched.strongest.action]) touched.strongest = event;
  }
}
