import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';
import { SEXES, SMS_CONSENT_STATES } from '../vocabulary';

/**
 * A person referred for social prescribing. Identifying fields are optional in the model only because erasure
 * (UK GDPR art. 17) removes them; `createReferral` requires them for a new patient.
 */
export function patientEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'patient', version: '1', service: SERVICE },
      attributes: {
        patientId: { type: 'string', required: true, readOnly: true },
        /** 10 digits, no spaces. Unique: see nhsNumberClaim. */
        nhsNumber: { type: 'string' },
        givenName: { type: 'string' },
        familyName: { type: 'string' },
        preferredName: { type: 'string' },
        /** YYYY-MM-DD */
        dateOfBirth: { type: 'string' },
        sex: { type: SEXES },
        /** NHS ethnic category code (e.g. `A`, `H`), when the person chose to give it. */
        ethnicity: { type: 'string' },
        practiceId: { type: 'string', required: true },
        pcnId: { type: 'string', required: true },
        icbId: { type: 'string', required: true },
        /** E.164 UK mobile. */
        mobile: { type: 'string' },
        smsConsent: { type: SMS_CONSENT_STATES, required: true, default: 'NOT_ASKED' },
        smsConsentChangedAt: { type: 'string' },
        accessibilityNeeds: { type: 'string' },
        createdAt: { type: 'string', required: true, readOnly: true },
        updatedAt: { type: 'string', required: true },
        erasedAt: { type: 'string' },
        /**
         * Every referral of the person, added in the same transaction that creates one: erasure reads it (consistently)
         * after marking the patient erased, so a referral created a moment before cannot be missed.
         */
        referralIds: { type: 'set', items: 'string' },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['patientId'] },
          sk: { field: 'sk', composite: [] },
        },
        /** "Who sent this text?" Sparse: only patients with a mobile carry these keys. */
        byMobile: {
          index: 'gsi5',
          condition: (attributes) => typeof attributes.mobile === 'string' && attributes.mobile !== '',
          pk: { field: 'gsi5pk', composite: ['mobile'] },
          sk: { field: 'gsi5sk', composite: [] },
        },
      },
    },
    config,
  );
}

export type PatientEntity = ReturnType<typeof patientEntity>;
export type Patient = EntityItem<PatientEntity>;
