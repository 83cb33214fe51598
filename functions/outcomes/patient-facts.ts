import {
  byTimeThenId,
  type Counters,
  type Fact,
  type PatientSnapshot,
  profileOf,
  type ReferralRecord,
  type ReferralSnapshot,
} from './facts';
import { periodById, periodsOfMonth } from './periods';
import { referralFacts } from './referral-facts';
import { monthOf } from './vocabulary';

/*
 * Facts about a person rather than one episode:
 *  - person#<patientId>#<period>: the person was referred in that reporting period (month, quarter or year), counted
 *    once however many referrals they had in it, in the groups of their first referral of the period. This is
 *    "people referred" beside "referrals received" (episodes), and it is not additive: someone referred in January
 *    and in March is one person in the quarter, so quarters and years are counted on their own items.
 *  - patient#<patientId>#OPTOUT: the person is opted out of SMS now, counted in the month they opted out, in the
 *    groups of the referral it is attributed to; empty once they opt back in.
 */

const byReceipt = byTimeThenId<ReferralSnapshot>(
  (r) => r.receivedAt,
  (r) => r.referralId,
);

/** The reporting periods (month, quarter, year) a referral was received in. */
export function periodsOfReferral(referral: Pick<ReferralSnapshot, 'receivedAt'>): string[] {
  return periodsOfMonth(monthOf(referral.receivedAt));
}

/**
 * The person facts of `periods` (default: every period any of the referrals falls in), from all of the patient's
 * referrals: the slot of a period with none of them is empty.
 */
export function personFacts(
  patientId: string,
  patient: PatientSnapshot | undefined,
  referrals: readonly ReferralSnapshot[],
  periods: readonly string[] = [...new Set(referrals.flatMap(periodsOfReferral))],
): Fact[] {
  return periods.map((periodId): Fact => {
    const months = new Set(periodById(periodId)?.months ?? []);
    const first = referrals.filter((r) => months.has(monthOf(r.receivedAt))).sort(byReceipt)[0];
    const profile = profileOf(first ?? referrals[0]!, patient);
    const counters: Counters = first ? { peopleReferred: 1 } : {};
    return {
      id: `person#${patientId}#${periodId}`,
      period: periodId,
      recordedAt: first ? (first.createdAt ?? first.receivedAt) : '',
      profile,
      categories: [],
      categoryOnly: false,
      counters,
    };
  });
}

/**
 * The referral an opt-out is attributed to: the latest received at or before the opt-out, else the earliest (a
 * person may opt out before their first referral reaches us). Undefined when the person has no referral: such an
 * opt-out has no organisation scope to be counted in.
 */
export function referralForOptOut<T extends Pick<ReferralSnapshot, 'receivedAt' | 'referralId'>>(
  referrals: readonly T[],
  at: string,
): T | undefined {
  const ordered = [...referrals].sort(
    byTimeThenId<T>(
      (r) => r.receivedAt,
      (r) => r.referralId,
    ),
  );
  return ordered.filter((r) => r.receivedAt <= at).pop() ?? ordered[0];
}

export function optOutFactId(patientId: string): string {
  return `patient#${patientId}#OPTOUT`;
}

/** The opt-out slot of a patient: counted while they are opted out, empty otherwise (or with no referral). */
export function optOutFact(
  patientId: string,
  patient: PatientSnapshot | undefined,
  referrals: readonly ReferralSnapshot[],
): Fact | undefined {
  if (referrals.length === 0) return undefined;
  const at = patient?.smsConsent === 'OPTED_OUT' ? patient.smsConsentChangedAt : undefined;
  const referral = referralForOptOut(referrals, at ?? '')!;
  return {
    id: optOutFactId(patientId),
    period: at ? monthOf(at) : '',
    recordedAt: at ?? '',
    profile: profileOf(referral, patient),
    categories: [],
    categoryOnly: false,
    counters: at ? { optOuts: 1 } : {},
  };
}

/** Every fact about a patient: their person facts for `periods` (default all) and their opt-out. */
export function patientFacts(
  patientId: string,
  patient: PatientSnapshot | undefined,
  referrals: readonly ReferralSnapshot[],
  periods?: readonly string[],
): Fact[] {
  if (referrals.length === 0) return [];
  const optOut = optOutFact(patientId, patient, referrals);
  return [...personFacts(patientId, patient, referrals, periods), ...(optOut ? [optOut] : [])];
}

/**
 * Every fact of a set of referral records (one scope's, for reconciliation): each referral's facts, and each of
 * their patients' person and opt-out facts from the referrals in the set.
 */
export function factsOfRecords(records: readonly ReferralRecord[], patients: readonly PatientSnapshot[] = []): Fact[] {
  const byPatient = new Map<string, ReferralRecord[]>();
  for (const record of records) {
    byPatient.set(record.referral.patientId, [...(byPatient.get(record.referral.patientId) ?? []), record]);
  }
  const patientById = new Map(patients.map((patient) => [patient.patientId, patient]));
  const facts = records.flatMap(referralFacts);
  for (const [patientId, ofPatient] of byPatient) {
    const patient = patientById.get(patientId) ?? ofPatient[0]!.patient;
    facts.push(
      ...patientFacts(
        patientId,
        patient,
        ofPatient.map((record) => record.referral),
      ),
    );
  }
  return facts;
}
