import type { Principal } from '../../identity';
import { ConflictError, ValidationError } from '../../shared/errors';
import { parseUkMobile } from '../../shared/phone';
import { auditAccess, loadPatientInScope, mobileInUse, type ReferralDeps } from '../access';
import { patientDisplayName } from '../display-name';
import type { Patient } from '../entities/patient';
import { MobileClaimedError, PatientChangedError } from '../errors';
import type { PatientChanges } from '../ports';
import { nonEmptyId, oneOf, optionalText } from '../validation';
import { SMS_CONSENT_STATES, type SmsConsentState } from '../vocabulary';

/**
 * Primary course: the link worker records what the person said about text messages (consent given, refused, or
 * withdrawn). The time of the change is kept, as the lawful basis for check-ins depends on it. Consent makes the
 * mobile this patient's SMS contact; when another patient already has it, the change is refused (MobileInUseError
 * naming `consent`, and the other patient when the caller may see them) and nothing is written.
 */
export async function setSmsConsent(
  deps: ReferralDeps,
  principal: Principal,
  input: { patientId: string; consent: SmsConsentState },
): Promise<Patient> {
  const consent = oneOf(input.consent, SMS_CONSENT_STATES, 'consent');
  const { patient } = await loadPatientInScope(deps, principal, nonEmptyId(input.patientId, 'patientId'));
  if (patient.erasedAt) throw new ConflictError("The patient's data has been erased");
  if (consent === 'GIVEN' && !patient.mobile)
    throw new ValidationError('consent', 'consent to SMS needs a mobile number');
  const at = deps.clock.now().toISOString();
  const updated =
    consent === patient.smsConsent
      ? patient
      : await deps.referrals
          .updatePatient(patient, { smsConsent: consent, smsConsentChangedAt: at, updatedAt: at })
          // Consent to texts claims the mobile as this patient's SMS contact: refused if another patient holds it.
          .catch(async (error: unknown) => {
            throw error instanceof MobileClaimedError ? await mobileInUse(deps, principal, error, 'consent') : error;
          });
  if (updated !== patient) {
    await auditAccess(deps, principal, 'UPDATE', 'setSmsConsent', {
      patientId: patient.patientId,
      entityType: 'patient',
      entityId: patient.patientId,
    });
  }
  // Announced even when already on record: asking again for an opt-out still sweeps anything scheduled since.
  if (consent === 'OPTED_OUT' || consent === 'REFUSED') {
    await deps.events.publish({ type: 'SmsConsentWithdrawn', patientId: patient.patientId, consent, at });
  }
  return updated;
}

export interface UpdatePatientContactInput {
  patientId: string;
  /** A UK mobile in any format; `null` removes it (and with it any SMS consent). Absent leaves it. */
  mobile?: string | null;
  preferredName?: string | null;
  accessibilityNeeds?: string | null;
}

/**
 * Primary course: the person has a new mobile number, or tells us how they like to be addressed or helped. With SMS
 * consent, the new mobile becomes their SMS contact (the old one is released); refused with MobileInUseError naming
 * `mobile` when another patient has it.
 */
export async function updatePatientContact(
  deps: ReferralDeps,
  principal: Principal,
  input: UpdatePatientContactInput,
): Promise<Patient> {
  const at = deps.clock.now().toISOString();
  const changes: PatientChanges = { updatedAt: at };
  if (input.mobile !== undefined) changes.mobile = input.mobile === null ? null : parseUkMobile(input.mobile, 'mobile');
  if (input.preferredName !== undefined) {
    changes.preferredName = optionalText(input.preferredName, 'preferredName', 100) ?? null;
  }
  if (input.accessibilityNeeds !== undefined) {
    changes.accessibilityNeeds =
      optionalText(input.accessibilityNeeds, 'accessibilityNeeds', 1000, { multiline: true }) ?? null;
  }
  const { patient, referrals } = await loadPatientInScope(deps, principal, nonEmptyId(input.patientId, 'patientId'));
  if (patient.erasedAt) throw new ConflictError("The patient's data has been erased");
  if (changes.mobile === null && patient.smsConsent === 'GIVEN') {
    changes.smsConsent = 'NOT_ASKED';
    changes.smsConsentChangedAt = at;
  }
  const indexed = referrals.map((referral) => referral.referralId);
  const updated = await updateWithCaseloadName(deps, patient, indexed, changes).catch(async (error: unknown) => {
    throw error instanceof MobileClaimedError ? await mobileInUse(deps, principal, error, 'mobile') : error;
  });
  await auditAccess(deps, principal, 'UPDATE', 'updatePatientContact', {
    patientId: patient.patientId,
    entityType: 'patient',
    entityId: patient.patientId,
  });
  return updated;
}

const MAX_REFERRAL_RACES = 3;

/**
 * The change, and when it changes the name the person goes by, the same name on each of their referrals' caseload rows
 * in the same transaction. A referral created meanwhile (with the old name) makes the write fail; read and try again.
 */
async function updateWithCaseloadName(
  deps: ReferralDeps,
  read: Patient,
  indexed: readonly string[],
  changes: PatientChanges,
): Promise<Patient> {
  let patient = read;
  for (let attempt = 1; ; attempt++) {
    const name = patientDisplayName(patient);
    const renamed =
      changes.preferredName === undefined
        ? undefined
        : patientDisplayName({ ...patient, preferredName: changes.preferredName ?? undefined });
    if (changes.preferredName === undefined || renamed === name) {
      return deps.referrals.updatePatient(patient, changes);
    }
    try {
      return await deps.referrals.updatePatient(patient, changes, {
        patientName: renamed,
        referralIds: [...new Set([...(patient.referralIds ?? []), ...indexed])].sort(),
        listedReferralCount: patient.referralIds?.length ?? 0,
      });
    } catch (error) {
      if (!(error instanceof PatientChangedError) || attempt >= MAX_REFERRAL_RACES) throw error;
      const fresh = await deps.referrals.getPatient(patient.patientId, { consistent: true });
      if (!fresh || fresh.erasedAt) throw new ConflictError("The patient's data has been erased");
      patient = fresh;
    }
  }
}
