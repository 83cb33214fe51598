import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';

export const PRESCRIPTION_STATUSES = ['PROPOSED', 'STARTED', 'COMPLETED', 'STOPPED'] as const;
export type PrescriptionStatus = (typeof PRESCRIPTION_STATUSES)[number];

/** Statuses in which the activity counts as current on the referral (`referral.activeActivityIds`). */
export const OPEN_PRESCRIPTION_STATUSES: readonly PrescriptionStatus[] = ['PROPOSED', 'STARTED'];

/**
 * A referral connected to a community activity ("support offered" in the PRSB information standard). Lives in the
 * referral's item collection, so the referral and everything about it come back in one Query. The care scope
 * (ICB, PCN, practice) is copied from the referral at prescribing time; the provider from the activity.
 */
export function prescriptionEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'prescription', version: '1', service: SERVICE },
      attributes: {
        prescriptionId: { type: 'string', required: true, readOnly: true },
        referralId: { type: 'string', required: true, readOnly: true },
        patientId: { type: 'string', required: true, readOnly: true },
        activityId: { type: 'string', required: true, readOnly: true },
        providerOrganisationId: { type: 'string', required: true, readOnly: true },
        icbId: { type: 'string', required: true, readOnly: true },
        pcnId: { type: 'string', required: true, readOnly: true },
        practiceId: { type: 'string', required: true, readOnly: true },
        /** YYYY-MM-DD. */
        startDate: { type: 'string', required: true, readOnly: true },
        status: { type: PRESCRIPTION_STATUSES, required: true },
        prescribedBy: { type: 'string', required: true, readOnly: true },
        /** The session date of the first ATTENDED record; set once, with the move PROPOSED → STARTED. */
        firstAttendedOn: { type: 'string' },
        endedAt: { type: 'string' },
        endedBy: { type: 'string' },
        /** Set when the patient's data is erased: the skeleton stays for figures, and no attendance is added. */
        erasedAt: { type: 'string' },
        version: { type: 'number', required: true },
        createdAt: { type: 'string', required: true, readOnly: true },
        updatedAt: { type: 'string', required: true },
      },
      indexes: {
        /** Part of the referral's record (access pattern 8). */
        byReferral: {
          collection: 'referralRecord',
          pk: { field: 'pk', composite: ['referralId'] },
          sk: { field: 'sk', composite: ['prescriptionId'] },
        },
        /** Prescription by id alone (attendance is recorded against a prescription id). */
        byPrescriptionId: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['prescriptionId'] },
          sk: { field: 'gsi1sk', composite: [] },
        },
        /** "Who has been prescribed my activity?" for the provider (ids, dates and statuses only). */
        byActivity: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['activityId'] },
          sk: { field: 'gsi2sk', composite: ['startDate', 'prescriptionId'] },
        },
      },
    },
    config,
  );
}

export type PrescriptionEntity = ReturnType<typeof prescriptionEntity>;
export type Prescription = EntityItem<PrescriptionEntity>;
