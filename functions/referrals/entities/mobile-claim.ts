import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';

/**
 * A mobile is the SMS contact of at most one patient with SMS consent at a time: the claim exists exactly while one
 * patient has `smsConsent = GIVEN` with this mobile, and it is written (conditional on not existing, or being that
 * patient's) or deleted in the same transaction as the patient change that makes it so: a new patient, a consent
 * given or withdrawn, a new mobile, a STOP or START by text, an erasure. The number may still be on other patients'
 * records without consent (a carer's phone): they get no texts, and inbound texts from it reach every record.
 */
export function mobileClaimEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'mobileClaim', version: '1', service: SERVICE },
      attributes: {
        /** E.164. */
        mobile: { type: 'string', required: true, readOnly: true },
        patientId: { type: 'string', required: true, readOnly: true },
        claimedAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byMobile: {
          pk: { field: 'pk', composite: ['mobile'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    config,
  );
}

export type MobileClaimEntity = ReturnType<typeof mobileClaimEntity>;
export type MobileClaim = EntityItem<MobileClaimEntity>;

/** The mobile a patient claims as SMS contact: theirs, while they have SMS consent and are not erased. */
export function claimedMobile(patient: {
  mobile?: string | null;
  smsConsent?: string;
  erasedAt?: string;
}): string | undefined {
  return patient.smsConsent === 'GIVEN' && patient.mobile && !patient.erasedAt ? patient.mobile : undefined;
}
