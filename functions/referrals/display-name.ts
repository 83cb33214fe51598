import type { Patient } from './entities/patient';

/**
 * The name to show for a patient: preferred name (or given name) and family name; undefined once erased. One rule for
 * the patient's own `name` and for the copy each of their referrals keeps for the caseload row (`patientName`).
 */
export function patientDisplayName(
  patient: Pick<Patient, 'preferredName' | 'givenName' | 'familyName' | 'erasedAt'>,
): string | undefined {
  if (patient.erasedAt) return undefined;
  const first = patient.preferredName ?? patient.givenName;
  const name = [first, patient.familyName].filter(Boolean).join(' ');
  return name || undefined;
}
