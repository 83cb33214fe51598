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
        /**
         * Lookup keys for "a patient by family name and date of birth", within the PCN and within the ICB the person
         * is registered in: `<pcnId|icbId>#<familyNameKey>#<dateOfBirth>` (patientLookupKeys). Derived, never typed;
         * set with the patient, moved with them (movePatient), removed by erasure with the fields they come from.
         */
        pcnNameBirthKey: { type: 'string' },
        icbNameBirthKey: { type: 'string' },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['patientId'] },
          sk: { field: 'sk', composite: [] },
        },
        /**
         * "Is this person registered in our PCN?" (family name and date of birth, for a referral form). Sparse: only
         * patients with both carry the keys; the sort key is empty, so namesakes born the same day share the pair.
         */
        byPcnNameAndBirthDate: {
          index: 'gsi1',
          condition: (attributes) =>
            typeof attributes.pcnNameBirthKey === 'string' && attributes.pcnNameBirthKey !== '',
          pk: { field: 'gsi1pk', composite: ['pcnNameBirthKey'] },
          sk: { field: 'gsi1sk', composite: [] },
        },
        /** The same question across an ICB, for its administrators. */
        byIcbNameAndBirthDate: {
          index: 'gsi2',
          condition: (attributes) =>
            typeof attributes.icbNameBirthKey === 'string' && attributes.icbNameBirthKey !== '',
          pk: { field: 'gsi2pk', composite: ['icbNameBirthKey'] },
          sk: { field: 'gsi2sk', composite: [] },
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

/**
 * A family name as the lookup compares it: letters and digits only, accents and case folded, so `O'Brien`, `OBrien`
 * and `o brien`, or `Núñez` and `Nunez`, are one name. Returns '' when nothing is left (a name of punctuation).
 */
export function familyNameKey(familyName: string): string {
  return familyName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

type LookupSource = Partial<Pick<Patient, 'pcnId' | 'icbId' | 'familyName' | 'dateOfBirth'>>;

/** The lookup keys of a patient as registered (both absent when the family name or date of birth is). */
export function patientLookupKeys(patient: LookupSource): Pick<Patient, 'pcnNameBirthKey' | 'icbNameBirthKey'> {
  const name = patient.familyName ? familyNameKey(patient.familyName) : '';
  if (!name || !patient.dateOfBirth || !patient.pcnId || !patient.icbId) return {};
  return {
    pcnNameBirthKey: nameBirthKey(patient.pcnId, name, patient.dateOfBirth),
    icbNameBirthKey: nameBirthKey(patient.icbId, name, patient.dateOfBirth),
  };
}

/** The key a lookup asks for: the scope (a PCN's or an ICB's id), the folded family name and the date of birth. */
export function nameBirthKey(scopeId: string, nameKey: string, dateOfBirth: string): string {
  return `${scopeId}#${nameKey}#${dateOfBirth}`;
}
