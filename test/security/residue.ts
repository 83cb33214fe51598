import { markersIn } from './probe';
import type { SeededPatient } from './world';

/*
 * What an erased patient may leave in the table: anonymous skeletons (ids, statuses, dates, needs, age band, outcome
 * values) and the audit trail (ids only). Not a value that identifies them, not a word written about them or by them,
 * and no attribute that holds such things on any item of their record.
 */

type Item = Record<string, unknown>;

/** Attributes that hold personal data or free text about a person, on any item of their record. */
export const PERSONAL_ATTRIBUTES = [
  'nhsNumber',
  'givenName',
  'familyName',
  'preferredName',
  'dateOfBirth',
  'sex',
  'ethnicity',
  'mobile',
  /** The destination of a local outbox copy of a text. */
  'to',
  'accessibilityNeeds',
  'note',
  'reason',
  'text',
  'description',
  'body',
] as const;

/** Attributes that tie an item to a patient's record. */
const LINKS = ['patientId', 'auditPatientId', 'referralId', 'checkInId', 'prescriptionId'] as const;

const kindOf = (item: Item) => String(item.__edb_e__ ?? 'item');

/** Every id of the patient's record (the patient, their referrals, check-ins, prescriptions), however reached. */
function recordIds(items: readonly Item[], patientId: string): Set<string> {
  const ids = new Set([patientId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const item of items) {
      if (!LINKS.some((link) => ids.has(item[link] as string))) continue;
      for (const link of LINKS) {
        const value = item[link];
        if (typeof value === 'string' && link !== 'auditPatientId' && !ids.has(value)) {
          ids.add(value);
          grew = true;
        }
      }
    }
  }
  return ids;
}

/** The items of the patient's record. */
export function recordOf(items: readonly Item[], patientId: string): Item[] {
  const ids = recordIds(items, patientId);
  return items.filter((item) => LINKS.some((link) => ids.has(item[link] as string)));
}

/** What an erased patient left behind that they should not have: empty when the erasure reached everything. */
export function residueOf(items: readonly Item[], patient: SeededPatient): string[] {
  const problems: string[] = [];
  const values = [...patient.markers.identifying, ...patient.markers.texts];
  for (const item of items) {
    const found = markersIn(JSON.stringify(item), values);
    if (found.length > 0)
      problems.push(`${patient.label}: a ${kindOf(item)} item holds ${found.length} of their values`);
  }
  for (const item of recordOf(items, patient.patientId)) {
    const kept = PERSONAL_ATTRIBUTES.filter((attribute) => item[attribute] !== undefined && item[attribute] !== '');
    if (kept.length > 0) problems.push(`${patient.label}: a ${kindOf(item)} item keeps ${kept.join(', ')}`);
  }
  const record = items.find((item) => kindOf(item) === 'patient' && item.patientId === patient.patientId);
  if (!record?.erasedAt) problems.push(`${patient.label}: the patient is not marked erased`);
  return problems;
}
