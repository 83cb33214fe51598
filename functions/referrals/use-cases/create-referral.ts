import { canAccessCareRecord, type Principal } from '../../identity';
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/errors';
import { parseNhsNumber } from '../../shared/nhs-number';
import { parseUkMobile } from '../../shared/phone';
import { assertCareRole, auditAccess, mobileInUse, type ReferralDeps } from '../access';
import { patientDisplayName } from '../display-name';
import type { Patient } from '../entities/patient';
import type { Referral } from '../entities/referral';
import type { ReferralEvent } from '../entities/referral-event';
import {
  MobileClaimedError,
  NhsNumberClaimedError,
  PatientChangedError,
  PatientRegisteredElsewhereError,
} from '../errors';
import { oneOf, optionalText, pastIsoDate, requiredText } from '../validation';
import {
  ageBandAt,
  caseloadOwnerOf,
  NEEDS,
  type Need,
  NO_DATE_SORT,
  REFERRAL_SOURCES,
  type ReferralSource,
  SEXES,
  type Sex,
  SMS_CONSENT_STATES,
  type SmsConsentState,
} from '../vocabulary';

export interface NewPatientInput {
  nhsNumber: string;
  givenName: string;
  familyName: string;
  preferredName?: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  sex: Sex;
  ethnicity?: string;
  /** Any UK mobile format; stored as E.164. */
  mobile?: string;
  smsConsent?: SmsConsentState;
  accessibilityNeeds?: string;
}

export interface CreateReferralInput {
  /** The referring practice; the referral takes its PCN and ICB. */
  practiceId: string;
  /** Exactly one of `patientId` (an existing patient) and `newPatient`. */
  patientId?: string;
  /** A patient whose NHS number is already known is reused, not duplicated; the details given are then ignored. */
  newPatient?: NewPatientInput;
  source: ReferralSource;
  needs: Need[];
  note?: string;
  /** Assign at once (optional); a link worker may only name themselves. */
  linkWorkerId?: string;
}

export interface CreateReferralResult {
  referral: Referral;
  patientId: string;
  /** False when an existing patient (by id or NHS number) was used. */
  patientCreated: boolean;
}

export const NOTE_MAX = 2000;

interface ValidPatient extends Omit<NewPatientInput, 'smsConsent'> {
  smsConsent: SmsConsentState;
}

function validateNewPatient(input: NewPatientInput, now: Date): ValidPatient {
  const field = (name: string) => `newPatient.${name}`;
  const mobile = optionalText(input.mobile, field('mobile'), 40);
  const smsConsent =
    input.smsConsent === undefined ? 'NOT_ASKED' : oneOf(input.smsConsent, SMS_CONSENT_STATES, field('smsConsent'));
  const patient: ValidPatient = {
    nhsNumber: parseNhsNumber(input.nhsNumber, field('nhsNumber')),
    givenName: requiredText(input.givenName, field('givenName'), 100),
    familyName: requiredText(input.familyName, field('familyName'), 100),
    preferredName: optionalText(input.preferredName, field('preferredName'), 100),
    dateOfBirth: pastIsoDate(input.dateOfBirth, field('dateOfBirth'), now),
    sex: oneOf(input.sex, SEXES, field('sex')),
    ethnicity: optionalText(input.ethnicity, field('ethnicity'), 10),
    mobile: mobile === undefined ? undefined : parseUkMobile(mobile, field('mobile')),
    smsConsent,
    accessibilityNeeds: optionalText(input.accessibilityNeeds, field('accessibilityNeeds'), 1000, { multiline: true }),
  };
  if (smsConsent === 'GIVEN' && patient.mobile === undefined) {
    throw new ValidationError(field('smsConsent'), 'consent to SMS needs a mobile number');
  }
  return patient;
}

function validateNeeds(needs: unknown): Need[] {
  if (!Array.isArray(needs) || needs.length === 0) throw new ValidationError('needs', 'name at least one need');
  const valid = needs.map((need, i) => oneOf(need, NEEDS, `needs[${i}]`));
  return [...new Set(valid)];
}

/**
 * Primary course: a link worker, coordinator or administrator records a referral from a practice in their scope, for
 * a new patient (whose details and NHS number claim are created with it) or an existing one. The patient, the claim,
 * the referral and its RECEIVED event are written in one transaction, so either all exist or none. If the NHS number
 * is already claimed — before or concurrently — the existing patient is reused, so one person is one patient; but
 * only a patient registered within the caller's scope (PatientRegisteredElsewhereError otherwise). A new patient who
 * consents to texts on a mobile another patient already gets texts on is refused (MobileInUseError naming
 * `newPatient.mobile`): record them without SMS consent (a shared phone), or withdraw it from the other record first.
 */
export async function createReferral(
  deps: ReferralDeps,
  principal: Principal,
  input: CreateReferralInput,
): Promise<CreateReferralResult> {
  assertCareRole(principal);
  const now = deps.clock.now();
  const at = now.toISOString();

  // Validate everything before reading or writing anything.
  if ((input.patientId === undefined) === (input.newPatient === undefined)) {
    throw new ValidationError('patientId', 'give either patientId or newPatient, not both');
  }
  const newPatient = input.newPatient ? validateNewPatient(input.newPatient, now) : undefined;
  const source = oneOf(input.source, REFERRAL_SOURCES, 'source');
  const needs = validateNeeds(input.needs);
  const note = optionalText(input.note, 'note', NOTE_MAX, { multiline: true });
  if (principal.role === 'LINK_WORKER' && input.linkWorkerId !== undefined && input.linkWorkerId !== principal.userId) {
    throw new ForbiddenError('A link worker may only assign a new referral to themselves');
  }

  const practice = await deps.staff.getOrganisation(input.practiceId);
  if (practice?.kind !== 'PRACTICE' || !practice.pcnId) throw new ForbiddenError();
  const scope = { icbId: practice.icbId, pcnId: practice.pcnId, practiceId: practice.organisationId };
  if (!canAccessCareRecord(principal, scope)) throw new ForbiddenError();

  if (input.linkWorkerId !== undefined) {
    const worker = await deps.staff.getStaffUser(input.linkWorkerId);
    if (worker?.role !== 'LINK_WORKER' || !worker.active || worker.pcnId !== scope.pcnId) {
      throw new ValidationError('linkWorkerId', "must be an active link worker of the practice's PCN");
    }
  }

  let existing: Patient | undefined;
  if (input.patientId !== undefined) {
    existing = await deps.referrals.getPatient(input.patientId);
    if (!existing || existing.erasedAt || !mayReferRegisteredPatient(principal, existing)) throw new ForbiddenError();
  } else if (newPatient) {
    existing = await findByNhsNumber(deps, newPatient.nhsNumber);
    // One patient per NHS number, but only the caller's own: a match outside their scope is refused, and nothing of
    // that patient (name, date of birth, mobile, practice) is read back or changed.
    if (existing && !mayReferRegisteredPatient(principal, existing)) throw new PatientRegisteredElsewhereError();
  }

  const referralId = deps.newId();
  const build = (patient: Patient): { referral: Referral; event: ReferralEvent } => {
    const referral: Referral = {
      referralId,
      patientId: patient.patientId,
      ...scope,
      linkWorkerId: input.linkWorkerId,
      caseloadOwner: caseloadOwnerOf({ linkWorkerId: input.linkWorkerId, pcnId: scope.pcnId }),
      source,
      needs,
      note,
      status: 'RECEIVED',
      caseState: 'OPEN',
      ageBandAtReferral: patient.dateOfBirth ? ageBandAt(patient.dateOfBirth, now) : undefined,
      patientName: patientDisplayName(patient),
      receivedAt: at,
      nextCheckInSort: NO_DATE_SORT,
      lastContactSort: NO_DATE_SORT,
      concernOpen: false,
      snomedCodes: [],
      version: 1,
      createdBy: principal.userId,
      createdAt: at,
      updatedAt: at,
    };
    const event: ReferralEvent = {
      referralId,
      eventId: deps.newId(),
      kind: 'RECEIVED',
      at,
      actorUserId: principal.userId,
      actorRole: principal.role,
      toStatus: 'RECEIVED',
      toLinkWorkerId: input.linkWorkerId,
    };
    return { referral, event };
  };

  let patientCreated = false;
  let patient: Patient;
  let written: { referral: Referral; event: ReferralEvent };
  if (existing) {
    ({ patient, written } = await referExisting(deps, existing, build));
  } else {
    const fresh: Patient = { patientId: deps.newId(), ...newPatient!, ...scope, createdAt: at, updatedAt: at };
    if (fresh.smsConsent !== 'NOT_ASKED') fresh.smsConsentChangedAt = at;
    written = build(fresh);
    try {
      await deps.referrals.createReferral({ newPatient: fresh, ...written });
      patient = fresh;
      patientCreated = true;
    } catch (error) {
      if (error instanceof MobileClaimedError) throw await mobileInUse(deps, principal, error, 'newPatient.mobile');
      if (!(error instanceof NhsNumberClaimedError)) throw error;
      // Someone registered this NHS number between our look-up and our write: use their patient, if ours to use.
      const claimed = await findByNhsNumber(deps, fresh.nhsNumber!);
      if (!claimed) throw new ConflictError('The NHS number is being registered concurrently; try again');
      if (!mayReferRegisteredPatient(principal, claimed)) throw new PatientRegisteredElsewhereError();
      ({ patient, written } = await referExisting(deps, claimed, build));
    }
  }

  const { referral } = written;
  await Promise.all([
    patientCreated
      ? auditAccess(deps, principal, 'CREATE', 'createReferral', {
          patientId: patient.patientId,
          entityType: 'patient',
          entityId: patient.patientId,
        })
      : undefined,
    auditAccess(deps, principal, 'CREATE', 'createReferral', {
      patientId: patient.patientId,
      entityType: 'referral',
      entityId: referral.referralId,
    }),
  ]);
  return { referral, patientId: patient.patientId, patientCreated };
}

/**
 * May the caller refer this already registered patient again? Only within the scope of the practice the patient is
 * registered at: a link worker's or coordinator's PCN, an administrator's ICB. A patient elsewhere is someone else's
 * to refer (or to move here first, with `movePatient`).
 */
function mayReferRegisteredPatient(principal: Principal, patient: Patient): boolean {
  if (patient.erasedAt) return false;
  return canAccessCareRecord(principal, { icbId: patient.icbId, pcnId: patient.pcnId, practiceId: patient.practiceId });
}

async function findByNhsNumber(deps: ReferralDeps, nhsNumber: string): Promise<Patient | undefined> {
  const patientId = await deps.referrals.findPatientIdByNhsNumber(nhsNumber);
  return patientId === undefined ? undefined : deps.referrals.getPatient(patientId);
}

const MAX_NAME_RACES = 3;

/**
 * Writes the referral of a patient already on record. Its caseload row copies the patient's display name, so the write
 * holds only while the patient's preferred name is the one read; if it changed meanwhile, read the patient again.
 */
async function referExisting<W extends { referral: Referral; event: ReferralEvent }>(
  deps: ReferralDeps,
  read: Patient,
  build: (patient: Patient) => W,
): Promise<{ patient: Patient; written: W }> {
  let patient = read;
  for (let attempt = 1; ; attempt++) {
    const written = build(patient);
    try {
      await deps.referrals.createReferral({
        existingPatientId: patient.patientId,
        existingPreferredName: patient.preferredName ?? null,
        ...written,
      });
      return { patient, written };
    } catch (error) {
      if (!(error instanceof PatientChangedError) || attempt >= MAX_NAME_RACES) throw error;
      const fresh = await deps.referrals.getPatient(patient.patientId, { consistent: true });
      if (!fresh || fresh.erasedAt) throw new ConflictError('The patient no longer exists or has been erased');
      patient = fresh;
    }
  }
}
