import type {
  AttendanceSnapshot,
  CheckInSnapshot,
  OutcomeSnapshot,
  PatientSnapshot,
  PrescriptionSnapshot,
  ReferralEventSnapshot,
  ReferralRecord,
  ReferralSnapshot,
} from '../facts';
import type { FactSource, ScopeRecords } from '../ports';
import type { Scope } from '../vocabulary';

/*
 * The records figures count, read through each owning context's front door (decision 0005): the referrals context
 * gives referrals, their events and patients' demographics and consent; the activities context prescriptions with
 * their categories and the attendance register; the check-ins context check-ins and outcome measurements. Each
 * reads its own items with projected attributes only, so no name, NHS number, phone number, note or message body is
 * read for figures. Folding and reconciliation both read here, so both see the attendance register itself.
 */

type OfReferral<T> = T & { referralId: string };

/** What the outcomes context needs from the referrals context (`functions/referrals`). */
export interface ReferralFigureReader {
  referral(referralId: string): Promise<{ referral?: ReferralSnapshot; events: ReferralEventSnapshot[] }>;
  patient(patientId: string): Promise<PatientSnapshot | undefined>;
  referralsOfPatient(patientId: string): Promise<ReferralSnapshot[]>;
  inScope(scope: Scope): Promise<{
    referrals: ReferralSnapshot[];
    events: OfReferral<ReferralEventSnapshot>[];
    patients: PatientSnapshot[];
  }>;
}

/** What the outcomes context needs from the activities context (`functions/activities`). */
export interface ActivityFigureReader {
  ofReferral(referralId: string): Promise<{ prescriptions: PrescriptionSnapshot[]; attendance: AttendanceSnapshot[] }>;
  ofReferrals(referralIds: ReadonlySet<string>): Promise<{
    prescriptions: OfReferral<PrescriptionSnapshot>[];
    attendance: OfReferral<AttendanceSnapshot>[];
  }>;
}

/** What the outcomes context needs from the check-ins context (`functions/checkins`). */
export interface CheckInFigureReader {
  ofReferral(
    referralId: string,
    patientId: string,
  ): Promise<{ checkIns: CheckInSnapshot[]; outcomes: OutcomeSnapshot[] }>;
  ofReferrals(referralIds: ReadonlySet<string>): Promise<{
    checkIns: OfReferral<CheckInSnapshot>[];
    outcomes: OfReferral<OutcomeSnapshot>[];
  }>;
}

export interface FigureRecordReaders {
  referrals: ReferralFigureReader;
  activities: ActivityFigureReader;
  checkIns: CheckInFigureReader;
}

function byReferral<T extends { referralId: string }>(items: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const item of items) {
    const list = grouped.get(item.referralId);
    if (list) list.push(item);
    else grouped.set(item.referralId, [item]);
  }
  return grouped;
}

export class DynamoDbFactSource implements FactSource {
  constructor(private readonly readers: FigureRecordReaders) {}

  async referralRecord(referralId: string): Promise<ReferralRecord | undefined> {
    const { referral, events } = await this.readers.referrals.referral(referralId);
    if (!referral) return undefined;
    const [patient, activities, checkIns] = await Promise.all([
      this.readers.referrals.patient(referral.patientId),
      this.readers.activities.ofReferral(referralId),
      this.readers.checkIns.ofReferral(referralId, referral.patientId),
    ]);
    return {
      referral,
      patient,
      events,
      prescriptions: activities.prescriptions,
      attendance: activities.attendance,
      checkIns: checkIns.checkIns,
      outcomes: checkIns.outcomes,
    };
  }

  async patientRecord(patientId: string): Promise<{ patient?: PatientSnapshot; referrals: ReferralSnapshot[] }> {
    const [patient, referrals] = await Promise.all([
      this.readers.referrals.patient(patientId),
      this.readers.referrals.referralsOfPatient(patientId),
    ]);
    return { patient, referrals };
  }

  /**
   * Four scans of the table (projected): the scope's referrals, their events and patients, their prescriptions and
   * attendance, their check-ins and measurements. Cost grows with the table, which is acceptable for a nightly job
   * on one scope; see docs/decisions/0002 for the national-scale plan.
   */
  async scopeRecords(scope: Scope): Promise<ScopeRecords> {
    const { referrals, events, patients } = await this.readers.referrals.inScope(scope);
    const ids = new Set(referrals.map((referral) => referral.referralId));
    const [activities, checkIns] = await Promise.all([
      this.readers.activities.ofReferrals(ids),
      this.readers.checkIns.ofReferrals(ids),
    ]);
    const patientsById = new Map(patients.map((patient) => [patient.patientId, patient]));
    const eventsOf = byReferral(events);
    const prescriptionsOf = byReferral(activities.prescriptions);
    const attendanceOf = byReferral(activities.attendance);
    const checkInsOf = byReferral(checkIns.checkIns);
    const outcomesOf = byReferral(checkIns.outcomes);
    const records = referrals.map((referral) => ({
      referral,
      patient: patientsById.get(referral.patientId),
      events: eventsOf.get(referral.referralId) ?? [],
      prescriptions: prescriptionsOf.get(referral.referralId) ?? [],
      attendance: attendanceOf.get(referral.referralId) ?? [],
      checkIns: checkInsOf.get(referral.referralId) ?? [],
      outcomes: outcomesOf.get(referral.referralId) ?? [],
    }));
    return { records, patients };
  }
}
