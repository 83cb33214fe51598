import {
  BASELINE,
  directionOf,
  type FlowMetric,
  FOLLOW_UP_WAVES,
  type MeasuredWave,
  monthOf,
  NOT_RECORDED,
} from './vocabulary';

/*
 * Facts: the things commissioners' figures count, derived from the current raw records of one referral. Folding and
 * reconciliation both call these functions, so they cannot disagree about what a fact is.
 *
 * Every fact has a deterministic id. A fact that may be observed more than once (a re-delivered stream record, a
 * second prescription attended, a repeated measurement) has an id naming the person-level event, not the record, so
 * it is counted once:
 *  - referral#<id>#RECEIVED | ACCEPTED | DECLINED | CONCERN: once per referral (a referral is one person's episode);
 *  - referral#<id>#ENGAGED: the referral's first attended session of any activity (people engaged), and
 *    referral#<id>#ENGAGED#<category>: its first attended session in each activity category;
 *  - checkin#<id>#SENT | ANSWERED | NO_RESPONSE: once per check-in, in the month it was scheduled for;
 *  - outcome#<referralId>#<instrument.item>#<wave>: the earliest measurement of that item in that wave;
 *  - pair#<referralId>#<instrument.item>#<wave>: the paired change, follow-up minus the same referral's baseline;
 *  - patient#<id>#OPTOUT#<changedAt> (+1) and …#WITHDRAWN (−1) when the person opts back in: opt-outs count people
 *    who are still opted out, by the month they opted out.
 * "People" in figures therefore means people-in-an-episode: a person referred twice counts once per referral.
 */

export type Counters = Record<string, number>;

/** What a fact is broken down by: the referral's organisation scope and the person's attributes at referral. */
export interface ReferralProfile {
  referralId: string;
  icbId: string;
  pcnId: string;
  practiceId: string;
  needs: readonly string[];
  ageBand: string;
  sex: string;
}

export interface Fact {
  id: string;
  /** `YYYY-MM`, UTC. */
  month: string;
  profile: ReferralProfile;
  /** Groups of the ACTIVITY_CATEGORY breakdown this fact counts in (empty: not counted there). */
  categories: readonly string[];
  /** Counted only in the ACTIVITY_CATEGORY breakdown (per-category engagement). */
  categoryOnly: boolean;
  counters: Counters;
  /** Fold only if this other fact has been folded (a withdrawal needs the opt-out it undoes). */
  requires?: string;
}

/* ---- the raw records, as far as figures need them (structural subsets of the entities) ------------------------- */

export interface ReferralSnapshot {
  referralId: string;
  patientId: string;
  icbId: string;
  pcnId: string;
  practiceId: string;
  needs?: readonly string[];
  ageBandAtReferral?: string;
  receivedAt: string;
  concernRaisedAt?: string;
}

export interface ReferralEventSnapshot {
  eventId: string;
  at: string;
  toStatus?: string;
  snomedCode?: string;
}

export interface PrescriptionSnapshot {
  prescriptionId: string;
  activityId: string;
  /** YYYY-MM-DD */
  firstAttendedOn?: string;
  /** The activity's category, looked up by the adapter. */
  category?: string;
}

export interface CheckInSnapshot {
  checkInId: string;
  scheduledFor: string;
  status: string;
  introSent?: boolean;
  questionSentAt?: string;
  answeredCount?: number;
}

export interface OutcomeSnapshot {
  outcomeId: string;
  instrument: string;
  item: string;
  value: number;
  band?: string;
  wave: string;
  measuredAt: string;
}

/** One referral and everything figures count about it. */
export interface ReferralRecord {
  referral: ReferralSnapshot;
  /** The patient's recorded sex (current record). */
  sex?: string;
  events: readonly ReferralEventSnapshot[];
  prescriptions: readonly PrescriptionSnapshot[];
  checkIns: readonly CheckInSnapshot[];
  outcomes: readonly OutcomeSnapshot[];
}

export interface PatientConsentSnapshot {
  patientId: string;
  smsConsent?: string;
  smsConsentChangedAt?: string;
}

export const SNOMED_ACCEPTED = '871731000000106';
export const SNOMED_DECLINED = '871711000000103';

/* ---- counter names ----------------------------------------------------------------------------------------------- */

export function itemKeyOf(outcome: Pick<OutcomeSnapshot, 'instrument' | 'item'>): string {
  return `${outcome.instrument}.${outcome.item}`;
}

/** Counter names of one measure (all measurements of an item in a wave). */
export const measureCounter = {
  n: (key: string, wave: MeasuredWave) => `${key}|${wave}|n`,
  sum: (key: string, wave: MeasuredWave) => `${key}|${wave}|sum`,
  sumSq: (key: string, wave: MeasuredWave) => `${key}|${wave}|sumSq`,
  band: (key: string, wave: MeasuredWave, band: string) => `${key}|${wave}|band|${band}`,
};

export const PAIR_FIELDS = [
  'n',
  'sumBase',
  'sumSqBase',
  'sumFollow',
  'sumSqFollow',
  'sumChange',
  'sumSqChange',
  'improved',
  'unchanged',
  'worse',
] as const;
export type PairField = (typeof PAIR_FIELDS)[number];

export function pairCounter(key: string, wave: string, field: PairField): string {
  return `${key}|${wave}|pair|${field}`;
}

/* ---- derivation -------------------------------------------------------------------------------------------------- */

export function profileOf(record: Pick<ReferralRecord, 'referral' | 'sex'>): ReferralProfile {
  const { referral } = record;
  return {
    referralId: referral.referralId,
    icbId: referral.icbId,
    pcnId: referral.pcnId,
    practiceId: referral.practiceId,
    needs: [...new Set(referral.needs ?? [])].sort(),
    ageBand: referral.ageBandAtReferral ?? NOT_RECORDED,
    sex: record.sex ?? NOT_RECORDED,
  };
}

function byTimeThenId<T>(time: (x: T) => string, id: (x: T) => string) {
  return (a: T, b: T) => (time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);
}

function earliest<T>(items: readonly T[], time: (x: T) => string, id: (x: T) => string): T | undefined {
  return [...items].sort(byTimeThenId(time, id))[0];
}

/** Categories of activities the referral had started attending on or before `isoTime`'s day. */
export function engagedCategoriesAt(prescriptions: readonly PrescriptionSnapshot[], isoTime: string): string[] {
  const day = isoTime.slice(0, 10);
  const categories = prescriptions
    .filter((p) => p.firstAttendedOn !== undefined && p.firstAttendedOn <= day && p.category !== undefined)
    .map((p) => p.category!);
  return [...new Set(categories)].sort();
}

/** Every fact of one referral, from its current records. */
export function referralFacts(record: ReferralRecord): Fact[] {
  const profile = profileOf(record);
  const id = record.referral.referralId;
  const facts: Fact[] = [];
  const flow = (factId: string, at: string, metric: FlowMetric, extra: Partial<Fact> = {}) =>
    facts.push({
      id: factId,
      month: monthOf(at),
      profile,
      categories: [],
      categoryOnly: false,
      counters: { [metric]: 1 },
      ...extra,
    });

  flow(`referral#${id}#RECEIVED`, record.referral.receivedAt, 'referralsReceived');

  const eventTime = byTimeThenId<ReferralEventSnapshot>(
    (e) => e.at,
    (e) => e.eventId,
  );
  const accepted = record.events
    .filter((e) => e.toStatus === 'ACCEPTED' || e.snomedCode === SNOMED_ACCEPTED)
    .sort(eventTime)[0];
  if (accepted) flow(`referral#${id}#ACCEPTED`, accepted.at, 'referralsAccepted');
  const declined = record.events
    .filter((e) => e.toStatus === 'DECLINED' || e.snomedCode === SNOMED_DECLINED)
    .sort(eventTime)[0];
  if (declined) flow(`referral#${id}#DECLINED`, declined.at, 'referralsDeclined');

  const attended = record.prescriptions.filter((p) => p.firstAttendedOn !== undefined);
  const first = earliest(
    attended,
    (p) => p.firstAttendedOn!,
    (p) => p.prescriptionId,
  );
  if (first) flow(`referral#${id}#ENGAGED`, first.firstAttendedOn!, 'peopleEngaged');
  const categories = [...new Set(attended.map((p) => p.category).filter((c): c is string => c !== undefined))].sort();
  for (const category of categories) {
    const firstInCategory = earliest(
      attended.filter((p) => p.category === category),
      (p) => p.firstAttendedOn!,
      (p) => p.prescriptionId,
    )!;
    flow(`referral#${id}#ENGAGED#${category}`, firstInCategory.firstAttendedOn!, 'peopleEngaged', {
      categories: [category],
      categoryOnly: true,
    });
  }

  if (record.referral.concernRaisedAt)
    flow(`referral#${id}#CONCERN`, record.referral.concernRaisedAt, 'concernsRaised');

  for (const checkIn of record.checkIns) {
    const cid = checkIn.checkInId;
    if (checkIn.introSent || checkIn.questionSentAt) flow(`checkin#${cid}#SENT`, checkIn.scheduledFor, 'checkInsSent');
    if ((checkIn.answeredCount ?? 0) > 0) flow(`checkin#${cid}#ANSWERED`, checkIn.scheduledFor, 'checkInsAnswered');
    if (checkIn.status === 'NO_RESPONSE')
      flow(`checkin#${cid}#NO_RESPONSE`, checkIn.scheduledFor, 'checkInsNoResponse');
  }

  facts.push(...outcomeFacts(record, profile));
  return facts;
}

function outcomeFacts(record: ReferralRecord, profile: ReferralProfile): Fact[] {
  const id = record.referral.referralId;
  const facts: Fact[] = [];
  const byItem = new Map<string, OutcomeSnapshot[]>();
  for (const outcome of record.outcomes) {
    if (!Number.isFinite(outcome.value)) continue;
    const key = itemKeyOf(outcome);
    byItem.set(key, [...(byItem.get(key) ?? []), outcome]);
  }
  for (const [key, outcomes] of [...byItem].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const chosen = (wave: string) =>
      earliest(
        outcomes.filter((o) => o.wave === wave),
        (o) => o.measuredAt,
        (o) => o.outcomeId,
      );
    const baseline = chosen(BASELINE);
    for (const wave of [BASELINE, ...FOLLOW_UP_WAVES] as MeasuredWave[]) {
      const measurement = wave === BASELINE ? baseline : chosen(wave);
      if (!measurement) continue;
      const v = measurement.value;
      const counters: Counters = {
        [measureCounter.n(key, wave)]: 1,
        [measureCounter.sum(key, wave)]: v,
        [measureCounter.sumSq(key, wave)]: v * v,
      };
      if (measurement.band) counters[measureCounter.band(key, wave, measurement.band)] = 1;
      const categories = engagedCategoriesAt(record.prescriptions, measurement.measuredAt);
      facts.push({
        id: `outcome#${id}#${key}#${wave}`,
        month: monthOf(measurement.measuredAt),
        profile,
        categories,
        categoryOnly: false,
        counters,
      });
      if (wave === BASELINE || !baseline) continue;
      const change = v - baseline.value;
      facts.push({
        id: `pair#${id}#${key}#${wave}`,
        month: monthOf(measurement.measuredAt),
        profile,
        categories,
        categoryOnly: false,
        counters: {
          [pairCounter(key, wave, 'n')]: 1,
          [pairCounter(key, wave, 'sumBase')]: baseline.value,
          [pairCounter(key, wave, 'sumSqBase')]: baseline.value ** 2,
          [pairCounter(key, wave, 'sumFollow')]: v,
          [pairCounter(key, wave, 'sumSqFollow')]: v * v,
          [pairCounter(key, wave, 'sumChange')]: change,
          [pairCounter(key, wave, 'sumSqChange')]: change * change,
          [pairCounter(key, wave, directionOf(key, change))]: 1,
        },
      });
    }
  }
  return facts;
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
    byTimeThenId(
      (r) => r.receivedAt,
      (r) => r.referralId,
    ),
  );
  return ordered.filter((r) => r.receivedAt <= at).pop() ?? ordered[0];
}

export function optOutFactId(patientId: string, changedAt: string): string {
  return `patient#${patientId}#OPTOUT#${changedAt}`;
}

/** The opt-out fact of a patient who is opted out now, attributed to `profile`'s referral. */
export function optOutFact(patient: PatientConsentSnapshot, profile: ReferralProfile): Fact | undefined {
  if (patient.smsConsent !== 'OPTED_OUT' || !patient.smsConsentChangedAt) return undefined;
  return {
    id: optOutFactId(patient.patientId, patient.smsConsentChangedAt),
    month: monthOf(patient.smsConsentChangedAt),
    profile,
    categories: [],
    categoryOnly: false,
    counters: { optOuts: 1 },
  };
}

/** Undoes `optOutFact` when the person opts back in (or the opt-out is re-recorded at another time). */
export function optOutWithdrawalFact(before: PatientConsentSnapshot, profile: ReferralProfile): Fact | undefined {
  const optOut = optOutFact(before, profile);
  return optOut && { ...optOut, id: `${optOut.id}#WITHDRAWN`, counters: { optOuts: -1 }, requires: optOut.id };
}

/** True when a patient change ends an opt-out that figures counted. */
export function endsOptOut(
  before: PatientConsentSnapshot | undefined,
  after: PatientConsentSnapshot | undefined,
): boolean {
  if (before?.smsConsent !== 'OPTED_OUT' || !before.smsConsentChangedAt) return false;
  return after?.smsConsent !== 'OPTED_OUT' || after.smsConsentChangedAt !== before.smsConsentChangedAt;
}
