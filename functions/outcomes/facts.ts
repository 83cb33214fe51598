import {
  ethnicGroupOf,
  groupOf,
  KNOWN_AGE_BANDS,
  KNOWN_NEEDS,
  KNOWN_REFERRAL_SOURCES,
  KNOWN_SEXES,
  type MeasuredWave,
  NOT_RECORDED,
} from './vocabulary';

/*
 * Facts: the things commissioners' figures count, derived from the current raw records by pure functions that
 * folding and reconciliation share (referral-facts.ts, patient-facts.ts), so the two cannot disagree.
 *
 * A fact is a *slot* with content. The slot id names a person-level event that is counted at most once
 * (`referral#<id>#ENGAGED`: this episode's engagement); the content is where it is counted (period, groups) and
 * with what counters. When later records change the content (an attendance recorded for an earlier session moves
 * the engagement to that session's month; a person's needs are corrected), folding takes the old content back out
 * and puts the new one in, so figures follow the records; empty content means the slot counts nothing now.
 */

export type Counters = Record<string, number>;

/** What a fact is broken down by: the referral's organisation scope and the person's attributes. */
export interface ReferralProfile {
  referralId: string;
  icbId: string;
  pcnId: string;
  practiceId: string;
  needs: readonly string[];
  ageBand: string;
  sex: string;
  /** The high-level ethnic group (vocabulary.ts). */
  ethnicity: string;
  /** Who referred (GP, SELF, …). */
  source: string;
}

export interface Fact {
  id: string;
  /** The reporting period counted in: a month `YYYY-MM`, or a quarter or year for per-period counters. */
  period: string;
  /** When the record behind it was written: decides whether it is part of a period's first release or a revision. */
  recordedAt: string;
  profile: ReferralProfile;
  /** Groups of the ACTIVITY_CATEGORY breakdown this fact counts in (empty: not counted there). */
  categories: readonly string[];
  /** Counted only in the ACTIVITY_CATEGORY breakdown (per-category engagement). */
  categoryOnly: boolean;
  /** Empty: the slot counts nothing (any earlier content is taken back out). */
  counters: Counters;
}

/* ---- the raw records, as far as figures need them (structural subsets of the other contexts' items) ------------- */

export interface ReferralSnapshot {
  referralId: string;
  patientId: string;
  icbId: string;
  pcnId: string;
  practiceId: string;
  needs?: readonly string[];
  ageBandAtReferral?: string;
  source?: string;
  receivedAt: string;
  /** When the referral was entered (receivedAt may be back-dated). */
  createdAt?: string;
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
  /** The activity's category, looked up by the adapter. */
  category?: string;
}

/** One session of a prescribed activity: did the person come? */
export interface AttendanceSnapshot {
  attendanceId: string;
  prescriptionId: string;
  /** YYYY-MM-DD */
  sessionDate: string;
  status: string;
  recordedAt?: string;
}

export interface CheckInSnapshot {
  checkInId: string;
  scheduledFor: string;
  status: string;
  introSent?: boolean;
  questionSentAt?: string;
  answeredCount?: number;
  updatedAt?: string;
  closedAt?: string;
}

export interface OutcomeSnapshot {
  outcomeId: string;
  instrument: string;
  item: string;
  value: number;
  wave: string;
  measuredAt: string;
  createdAt?: string;
}

export interface PatientSnapshot {
  patientId: string;
  sex?: string;
  /** NHS ethnic category code. */
  ethnicity?: string;
  smsConsent?: string;
  smsConsentChangedAt?: string;
}

/** One referral and everything figures count about it. */
export interface ReferralRecord {
  referral: ReferralSnapshot;
  /** The patient's current record (sex, ethnicity); undefined if it is gone. */
  patient?: PatientSnapshot;
  events: readonly ReferralEventSnapshot[];
  prescriptions: readonly PrescriptionSnapshot[];
  attendance: readonly AttendanceSnapshot[];
  checkIns: readonly CheckInSnapshot[];
  outcomes: readonly OutcomeSnapshot[];
}

export const SNOMED_ACCEPTED = '871731000000106';
export const SNOMED_DECLINED = '871711000000103';

/* ---- counter names ----------------------------------------------------------------------------------------------- */

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

export const firstContactCounter = {
  n: 'firstContact|n',
  sum: 'firstContact|sum',
  sumSq: 'firstContact|sumSq',
  band: (band: string) => `firstContact|band|${band}`,
};

export const closureCounter = {
  n: 'closures|n',
  reason: (reason: string) => `closures|reason|${reason}`,
};

const SUM_COUNTER = /\|(sum|sumSq|sumBase|sumSqBase|sumFollow|sumSqFollow|sumChange|sumSqChange)$/;

/** Counters that count people or events (and so carry a cell key), as opposed to sums of scores. */
export function isCountCounter(name: string): boolean {
  return !SUM_COUNTER.test(name);
}

/** The counter holding the sum of record keys of a count counter. */
export function keyCounter(name: string): string {
  return `${name}#k`;
}

/* ---- helpers shared by the derivations --------------------------------------------------------------------------- */

export function profileOf(referral: ReferralSnapshot, patient: PatientSnapshot | undefined): ReferralProfile {
  const needs = [...new Set((referral.needs ?? []).filter((need) => KNOWN_NEEDS.includes(need)))].sort();
  return {
    referralId: referral.referralId,
    icbId: referral.icbId,
    pcnId: referral.pcnId,
    practiceId: referral.practiceId,
    needs: needs.length > 0 ? needs : [NOT_RECORDED],
    ageBand: groupOf(referral.ageBandAtReferral, KNOWN_AGE_BANDS),
    sex: groupOf(patient?.sex, KNOWN_SEXES),
    ethnicity: ethnicGroupOf(patient?.ethnicity),
    source: groupOf(referral.source, KNOWN_REFERRAL_SOURCES),
  };
}

export function byTimeThenId<T>(time: (x: T) => string, id: (x: T) => string) {
  return (a: T, b: T) => (time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);
}

export function earliest<T>(items: readonly T[], time: (x: T) => string, id: (x: T) => string): T | undefined {
  return [...items].sort(byTimeThenId(time, id))[0];
}

/** The latest of some ISO times (they compare as strings); undefined if none is given. */
export function latestTime(...times: (string | undefined)[]): string | undefined {
  const given = times.filter((t): t is string => t !== undefined).sort();
  return given[given.length - 1];
}

/**
 * What a fact counts, as a canonical string (the fold receipt keeps it): '' for nothing. Everything that decides
 * which aggregate items the fact adds to and by how much, and nothing else (not the record time, not the referral).
 */
export function contentOf(fact: Fact): string {
  const names = Object.keys(fact.counters).sort();
  if (names.length === 0) return '';
  const { referralId: _referralId, ...groups } = fact.profile;
  return JSON.stringify({
    period: fact.period,
    groups,
    categories: fact.categories,
    categoryOnly: fact.categoryOnly,
    counters: names.map((name) => [name, fact.counters[name]]),
  });
}

/** The fact a receipt's content describes (to take it back out); undefined for empty content. */
export function factFromContent(id: string, content: string, recordedAt: string): Fact | undefined {
  if (content === '') return undefined;
  const parsed = JSON.parse(content) as {
    period: string;
    groups: Omit<ReferralProfile, 'referralId'>;
    categories: string[];
    categoryOnly: boolean;
    counters: [string, number][];
  };
  return {
    id,
    period: parsed.period,
    recordedAt,
    profile: { referralId: '', ...parsed.groups },
    categories: parsed.categories,
    categoryOnly: parsed.categoryOnly,
    counters: Object.fromEntries(parsed.counters),
  };
}
