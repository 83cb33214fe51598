import type { Principal } from '../../identity';
import { ForbiddenError, ValidationError } from '../../shared/errors';
import { parseNhsNumber } from '../../shared/nhs-number';
import { requiredText } from '../../shared/text';
import { assertCareRole, auditAccess, canAccessPatient, type ReferralDeps } from '../access';
import { familyNameKey, type Patient } from '../entities/patient';
import type { Page, PatientNameQuery } from '../ports';
import { pastIsoDate } from '../validation';

/*
 * "Is this person already known to us?", asked by a referral form before it creates a patient. A lookup shows
 * exactly the patients `patient(id:)` would show the caller (canAccessPatient): a coordinator the patients registered
 * in their PCN, an ICB administrator those of their ICB, a national administrator anyone, and a link worker only the
 * patients of their own referrals, so a link worker never reads a patient on someone else's caseload. Anyone else
 * reads the same as nobody: no error, no hint that the person exists elsewhere, nothing audited.
 *
 * Every patient returned is recorded as read in their audit trail here, even when the client asks for nothing but
 * the id (which the structural audit, functions/graphql/audit-plugin.ts, does not count as a read): knowing that a
 * given NHS number, or a name and birthday, is known here is itself something learnt about the person. The request's
 * audit gathers this with what the response shows, so each patient still gets one event.
 */

export const FAMILY_NAME_MAX = 100;

/** Primary course: someone filling in a referral types an NHS number and finds the patient it belongs to, if theirs. */
export async function findPatientByNhsNumber(
  deps: ReferralDeps,
  principal: Principal,
  input: { nhsNumber: string },
): Promise<Patient | undefined> {
  assertCareRole(principal);
  const nhsNumber = parseNhsNumber(input.nhsNumber, 'nhsNumber');
  const patientId = await deps.referrals.findPatientIdByNhsNumber(nhsNumber);
  if (patientId === undefined) return undefined;
  const [patient] = await visiblePatients(deps, principal, [await deps.referrals.getPatient(patientId)]);
  if (!patient) return undefined;
  await auditLookup(deps, principal, 'findPatientByNhsNumber', [patient]);
  return patient;
}

export interface FindPatientsInput {
  familyName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  first: number;
  /** A position from an earlier page of the same search. */
  after?: string;
}

/**
 * Primary course: someone without the NHS number to hand types a family name and a date of birth and gets the
 * patients they may see who match, a page at a time. The family name matches whatever its case, accents, spaces and
 * punctuation; the date exactly. The search runs in the caller's PCN (link workers, coordinators) or ICB (ICB
 * administrators); a national administrator, whose scope has neither, looks patients up by NHS number only.
 */
export async function findPatientsByNameAndBirthDate(
  deps: ReferralDeps,
  principal: Principal,
  input: FindPatientsInput,
): Promise<Page<Patient>> {
  assertCareRole(principal);
  const name = familyNameKey(requiredText(input.familyName, 'familyName', FAMILY_NAME_MAX));
  if (name === '') throw new ValidationError('familyName', 'must contain a letter or digit');
  const dateOfBirth = pastIsoDate(input.dateOfBirth, 'dateOfBirth', deps.clock.now());
  const query = { scope: searchScope(principal), familyNameKey: name, dateOfBirth };
  const page = await pageOfVisible(deps, principal, query, input.first, input.after);
  await auditLookup(deps, principal, 'findPatientsByNameAndBirthDate', page.items);
  return page;
}

/**
 * One page of the matches the caller may see. Matches they may not see (a link worker's colleague's patients) are
 * skipped as if absent, and `hasNextPage` counts only matches they may see, so neither an empty page nor a "more"
 * gives away a namesake on someone else's caseload. Each patient keeps its own keyset position, so the next page
 * resumes right after it.
 */
async function pageOfVisible(
  deps: ReferralDeps,
  principal: Principal,
  query: Omit<PatientNameQuery, 'first' | 'after'>,
  first: number,
  after: string | undefined,
): Promise<Page<Patient>> {
  const found: { patient: Patient; position: string }[] = [];
  let position = after;
  let more = true;
  while (found.length <= first && more) {
    const page = await deps.referrals.findPatientsByNameAndBirthDate({
      ...query,
      first: first + 1 - found.length,
      ...(position !== undefined ? { after: position } : {}),
    });
    const visible = new Set(await visiblePatients(deps, principal, page.items));
    page.items.forEach((patient, index) => {
      if (visible.has(patient)) found.push({ patient, position: page.cursors[index]! });
    });
    more = page.hasNextPage;
    position = page.cursors.at(-1) ?? position;
  }
  const kept = found.slice(0, first);
  return {
    items: kept.map(({ patient }) => patient),
    cursors: kept.map(({ position: kept }) => kept),
    hasNextPage: found.length > first,
    ...(kept.length > 0 ? { endCursor: kept.at(-1)!.position } : {}),
  };
}

/** The index partition a name search reads: the caller's PCN, or an ICB administrator's ICB. */
function searchScope(principal: Principal): PatientNameQuery['scope'] {
  if (principal.pcnId !== undefined) return { pcnId: principal.pcnId };
  if (principal.role === 'ADMIN' && principal.icbId !== undefined) return { icbId: principal.icbId };
  throw new ForbiddenError('A national administrator looks patients up by NHS number');
}

/** The patients the caller may see, by the rule `patient(id:)` applies; erased ones never. */
async function visiblePatients(
  deps: ReferralDeps,
  principal: Principal,
  patients: readonly (Patient | undefined)[],
): Promise<Patient[]> {
  const checked = await Promise.all(
    patients.map(async (patient) => {
      if (!patient || patient.erasedAt) return undefined;
      // Registration settles it for coordinators and administrators; otherwise the referrals may (one more read).
      if (canAccessPatient(principal, patient, [])) return patient;
      const referrals = await deps.referrals.listPatientReferrals(patient.patientId);
      return canAccessPatient(principal, patient, referrals) ? patient : undefined;
    }),
  );
  return checked.filter((patient): patient is Patient => patient !== undefined);
}

async function auditLookup(deps: ReferralDeps, principal: Principal, operation: string, patients: Patient[]) {
  await Promise.all(
    patients.map((patient) =>
      auditAccess(deps, principal, 'READ', operation, {
        patientId: patient.patientId,
        entityType: 'patient',
        entityId: patient.patientId,
      }),
    ),
  );
}
