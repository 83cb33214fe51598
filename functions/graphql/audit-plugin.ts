import type { ApolloServerPlugin } from '@apollo/server';
import { defaultFieldResolver, GraphQLError, type GraphQLFieldResolver, Kind } from 'graphql';
import type { RequestAudit } from '../audit';
import { ErrorCode } from './errors';
import { logger } from './logger';

/*
 * Auditing made structural. Whatever operation produced a response, every object of a patient's record it resolves
 * (a patient, a referral, a check-in, a measurement, a prescription, a text, a concern, an inbox text) notes that patient on the request's
 * audit (functions/audit/request-audit.ts), and before the response leaves, one event per patient is written. If
 * that write fails, the response carries no data: a read that cannot be audited is not served.
 *
 * The noting is done by the fields themselves (`auditingResolvers` wraps the resolvers of those types, and
 * `auditingFieldResolver` is the server's default resolver), not by a plugin's `willResolveField`: any
 * `willResolveField` hook makes Apollo wrap every field of every type and call every plugin around each one, which
 * cost a page of 100 caseload rows more CPU than reading it (docs/performance.md).
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

/** Notes the patient of an object of a patient record type when a field that shows something of them resolves. */
function noteShown(typeName: string, fieldName: string, source: unknown, contextValue: unknown): void {
  const record = PATIENT_RECORD_TYPES[typeName];
  if (!record || NOT_PATIENT_DATA.has(fieldName)) return;
  const fields = source as Record<string, unknown>;
  const patientId = fields[record.patientId];
  if (typeof patientId !== 'string') return;
  (contextValue as AuditedContext).audit.shown(patientId, record.entityType, String(fields[record.entityId]));
}

/**
 * The server's default field resolver (ApolloServer's `fieldResolver`): graphql-js's own, after noting a patient
 * record's field. It serves every field without a resolver of its own; `auditingResolvers` covers the others.
 */
export const auditingFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, contextValue, info) => {
  noteShown(info.parentType.name, info.fieldName, source, contextValue);
  return defaultFieldResolver(source, args, contextValue, info);
};

type FieldResolvers = Record<string, unknown>;

/**
 * `resolvers` with every field resolver of a patient record type wrapped to note the patient first. Fields those
 * types leave to the default resolver are noted by `auditingFieldResolver`; together they see every field that
 * resolves, as a `willResolveField` hook did.
 */
export function auditingResolvers<T extends object>(resolvers: T): T {
  const wrapped = { ...resolvers } as Record<string, unknown>;
  for (const typeName of Object.keys(PATIENT_RECORD_TYPES)) {
    const fields = (resolvers as Record<string, FieldResolvers | undefined>)[typeName];
    if (!fields) continue;
    const audited: FieldResolvers = {};
    for (const [fieldName, resolver] of Object.entries(fields)) {
      audited[fieldName] = fieldName.startsWith('__') ? resolver : auditedField(typeName, fieldName, resolver);
    }
    wrapped[typeName] = audited;
  }
  return wrapped as T;
}

function auditedField(typeName: string, fieldName: string, resolver: unknown): unknown {
  const wrap =
    (resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> =>
    (source, args, contextValue, info) => {
      noteShown(typeName, fieldName, source, contextValue);
      return resolve(source, args, contextValue, info);
    };
  if (typeof resolver === 'function') return wrap(resolver as GraphQLFieldResolver<unknown, unknown>);
  const options = resolver as { resolve?: GraphQLFieldResolver<unknown, unknown> } | undefined;
  if (options && typeof options.resolve === 'function') return { ...options, resolve: wrap(options.resolve) };
  return resolver;
}
