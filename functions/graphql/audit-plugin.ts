import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';
import type { RequestAudit } from '../audit';
import { ErrorCode } from './errors';
import { logger } from './logger';

/*
 * Auditing made structural. Whatever operation produced a response, every object of a patient's record it resolves
 * (a patient, a referral, a check-in, a measurement, a prescription, a text, a concern, an inbox text) notes that patient on the request's
 * audit (functions/audit/request-audit.ts), and before the response leaves, one event per patient is written. If
 * that write fails, the response carries no data: a read that cannot be audited is not served.
 */

/** Types whose objects belong to one patient's record, and where each keeps the patient's and its own id. */
const PATIENT_RECORD_TYPES: Readonly<Record<string, { patientId: string; entityId: string; entityType: string }>> = {
  Patient: { patientId: 'patientId', entityId: 'patientId', entityType: 'patient' },
  Referral: { patientId: 'patientId', entityId: 'referralId', entityType: 'referral' },
  CheckIn: { patientId: 'patientId', entityId: 'checkInId', entityType: 'checkIn' },
  SmsMessage: { patientId: 'patientId', entityId: 'messageId', entityType: 'smsMessage' },
  OutcomeMeasurement: { patientId: 'patientId', entityId: 'outcomeId', entityType: 'outcome' },
  Prescription: { patientId: 'patientId', entityId: 'prescriptionId', entityType: 'prescription' },
  Concern: { patientId: 'patientId', entityId: 'concernId', entityType: 'concern' },
  InboxMessage: { patientId: 'patientId', entityId: 'inboxMessageId', entityType: 'inboxMessage' },
};

/** Fields that show nothing of the person: asking only for these is not a read of their record. */
const NOT_PATIENT_DATA = new Set(['id', '__typename']);

export interface AuditedContext {
  audit: RequestAudit;
}

export const AUDIT_FAILED_MESSAGE = 'The request could not be audited, so nothing of it is returned. Please try again.';

export function structuralAuditPlugin<TContext extends AuditedContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      let operation = '';
      return {
        async didResolveOperation({ operation: definition }) {
          // The root fields asked for name the request in its audit events (`caseload`, `createReferral`, …).
          const roots = (definition?.selectionSet.selections ?? []).flatMap((selection) =>
            selection.kind === Kind.FIELD ? [selection.name.value] : [],
          );
          operation = [...new Set(roots)].join(',');
        },
        async executionDidStart() {
          return {
            willResolveField({ source, info, contextValue }) {
              const record = PATIENT_RECORD_TYPES[info.parentType.name];
              if (!record || NOT_PATIENT_DATA.has(info.fieldName)) return;
              const fields = source as Record<string, unknown>;
              const patientId = fields[record.patientId];
              if (typeof patientId !== 'string') return;
              contextValue.audit.shown(patientId, record.entityType, String(fields[record.entityId]));
            },
          };
        },
        async willSendResponse({ contextValue, response }) {
          // Context creation failed (no caller), or nothing of a patient's was touched.
          const audit = (contextValue as Partial<AuditedContext> | undefined)?.audit;
          if (!audit || audit.patientCount === 0) return;
          try {
            await audit.flush(operation);
          } catch (error) {
            logger.error('Audit write failed; the response is withheld', { errorName: (error as Error)?.name });
            const refused = new GraphQLError(AUDIT_FAILED_MESSAGE, {
              extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
            });
            response.http.status = 500;
            response.body = { kind: 'single', singleResult: { errors: [refused.toJSON()] } };
          }
        },
      };
    },
  };
}
