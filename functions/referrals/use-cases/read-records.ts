import type { Principal } from '../../identity';
import { canAccessCareRecord } from '../../identity';
import { ForbiddenError } from '../../shared/errors';
import {
  assertCanAccessReferral,
  assertCareRole,
  auditAccess,
  loadPatientInScope,
  type ReferralDeps,
  referralScope,
} from '../access';
import type { Patient } from '../entities/patient';
import type { Referral } from '../entities/referral';
import type { ReferralRecord } from '../ports';
import { nonEmptyId } from '../validation';

/** Primary course: someone caring for the patient opens their details. Audited. */
export async function getPatient(
  deps: ReferralDeps,
  principal: Principal,
  input: { patientId: string },
): Promise<Patient> {
  const { patient } = await loadPatientInScope(deps, principal, nonEmptyId(input.patientId, 'patientId'));
  await auditAccess(deps, principal, 'READ', 'getPatient', {
    patientId: patient.patientId,
    entityType: 'patient',
    entityId: patient.patientId,
  });
  return patient;
}

/** Primary course: the link worker opens a referral with its history, notes and plan (one Query). Audited. */
export async function getReferral(
  deps: ReferralDeps,
  principal: Principal,
  input: { referralId: string },
): Promise<ReferralRecord> {
  assertCareRole(principal);
  const record = await deps.referrals.getReferralRecord(nonEmptyId(input.referralId, 'referralId'));
  assertCanAccessReferral(principal, record?.referral);
  const { referral } = record!;
  await auditAccess(deps, principal, 'READ', 'getReferral', {
    patientId: referral.patientId,
    entityType: 'referral',
    entityId: referral.referralId,
  });
  return record!;
}

/** The patient's referrals the caller may see, oldest first. Audited once per referral. */
export async function listPatientReferrals(
  deps: ReferralDeps,
  principal: Principal,
  input: { patientId: string },
): Promise<Referral[]> {
  const { referrals } = await loadPatientInScope(deps, principal, nonEmptyId(input.patientId, 'patientId'));
  const visible = referrals.filter((referral) => canAccessCareRecord(principal, referralScope(referral)));
  await Promise.all(
    visible.map((referral) =>
      auditAccess(deps, principal, 'READ', 'listPatientReferrals', {
        patientId: referral.patientId,
        entityType: 'referral',
        entityId: referral.referralId,
      }),
    ),
  );
  return visible;
}

/*
 * Backing functions for the GraphQL layer's DataLoaders (one BatchGetItem per 100 ids, results in the order of the
 * ids, `undefined` where missing). They do not check scope: call them only for ids reached through a record the
 * caller was already allowed to read (a caseload row's patient, a referral's patient), whose read was audited.
 */

export function getPatientsByIds(
  deps: Pick<ReferralDeps, 'referrals'>,
  patientIds: readonly string[],
): Promise<(Patient | undefined)[]> {
  return deps.referrals.getPatients(patientIds);
}

export function getReferralsByIds(
  deps: Pick<ReferralDeps, 'referrals'>,
  referralIds: readonly string[],
): Promise<(Referral | undefined)[]> {
  return deps.referrals.getReferrals(referralIds);
}

/** Scope-checked batch read of referrals, for callers that hold only ids: foreign or missing ones are refused. */
export async function getReferralsInScope(
  deps: Pick<ReferralDeps, 'referrals'>,
  principal: Principal,
  referralIds: readonly string[],
): Promise<(Referral | ForbiddenError)[]> {
  const referrals = await deps.referrals.getReferrals(referralIds);
  return referrals.map((referral) =>
    referral && canAccessCareRecord(principal, referralScope(referral)) ? referral : new ForbiddenError(),
  );
}
