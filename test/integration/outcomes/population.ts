import { activityEntity } from '../../../functions/activities/entities/activity';
import { attendanceEntity } from '../../../functions/activities/entities/attendance';
import { prescriptionEntity } from '../../../functions/activities/entities/prescription';
import { checkInEntity } from '../../../functions/checkins/entities/check-in';
import { outcomeEntity } from '../../../functions/checkins/entities/outcome';
import { type Organisation, organisationEntity } from '../../../functions/identity/entities/organisation';
import type { PatientSnapshot, ReferralRecord } from '../../../functions/outcomes/facts';
import type { DataStore } from '../../../functions/platform/dynamodb/client';
import { isConditionalCheckFailure } from '../../../functions/platform/dynamodb/errors';
import { entityConfig } from '../../../functions/platform/dynamodb/service';
import { patientEntity } from '../../../functions/referrals/entities/patient';
import { referralEntity } from '../../../functions/referrals/entities/referral';
import { referralEventEntity } from '../../../functions/referrals/entities/referral-event';

/*
 * A known population written straight into the table through the other contexts' entities (their use cases are
 * still moving), plus the test's own model of it, from which tests compute expected figures independently of the
 * folding code (expected.ts).
 */

export const CATEGORIES = ['PHYSICAL_ACTIVITY', 'ARTS_AND_CREATIVITY', 'SOCIAL_GROUPS'] as const;
export const NEEDS = ['LONELINESS_ISOLATION', 'LOW_MOOD_ANXIETY', 'BEREAVEMENT', 'HOUSING'] as const;
export const AGE_BANDS = ['UNDER_18', '18-24', '25-34', '45-54', '75+'] as const;
export const SEXES = ['FEMALE', 'MALE', 'NOT_STATED'] as const;
/** NHS ethnic category codes; `undefined` (not given) is drawn too. */
export const ETHNICITY_CODES = ['A', 'A', 'A', 'B', 'H', 'J', 'M', 'N', 'D', 'R', 'Z'] as const;
export const SOURCES = ['GP', 'GP', 'GP', 'PRACTICE_NURSE', 'SELF', 'SOCIAL_CARE', 'VOLUNTARY_SECTOR'] as const;
export const WAVES = ['WEEK_1', 'WEEK_6', 'WEEK_12'] as const;

export interface Org {
  icbId: string;
  pcnId: string;
  practiceId: string;
}

export interface Measurement {
  outcomeId: string;
  instrument: 'ONS4' | 'ONS_LONELINESS' | 'UCLA3';
  item: string;
  wave: 'BASELINE' | (typeof WAVES)[number];
  value: number;
  measuredAt: string;
}

export interface CheckInSpec {
  checkInId: string;
  scheduledFor: string;
  sent: boolean;
  answered: boolean;
  noResponse: boolean;
}

export interface SessionSpec {
  attendanceId: string;
  /** YYYY-MM-DD */
  sessionDate: string;
  status: 'ATTENDED' | 'MISSED';
  /** When the register entry was written: sometimes weeks later, and out of session order. */
  recordedAt: string;
}

export interface PersonSpec {
  patientId: string;
  referralId: string;
  org: Org;
  sex: string;
  /** NHS ethnic category code, when given. */
  ethnicity?: string;
  ageBand: string;
  source: string;
  needs: string[];
  receivedAt: string;
  contactedAt?: string;
  acceptedAt?: string;
  declinedAt?: string;
  /** A terminal status other than DECLINED, and when. */
  closed?: { at: string; as: 'CLOSED' | 'UNABLE_TO_CONTACT' };
  prescriptions: { prescriptionId: string; activityId: string; sessions: SessionSpec[] }[];
  concernAt?: string;
  checkIns: CheckInSpec[];
  outcomes: Measurement[];
  optedOutAt?: string;
  /** A second referral of the same patient (the patient record is written once). */
  returning?: boolean;
}

export interface ActivitySpec {
  activityId: string;
  category: string;
  pcnId: string;
  icbId: string;
}

/** A small deterministic generator (mulberry32), so a failing population can be rebuilt from its seed. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!,
    chance: (p: number) => next() < p,
  };
}

const ONS4_BANDS = (value: number) => (value <= 4 ? 'low' : value <= 6 ? 'medium' : value <= 8 ? 'high' : 'very high');
const ANXIETY_BANDS = (value: number) =>
  value <= 1 ? 'very low' : value <= 3 ? 'low' : value <= 5 ? 'medium' : 'high';
/** The band the check-ins context stores on an ONS4 measurement (figures classify answers themselves). */
export function storedBandOf(m: Pick<Measurement, 'instrument' | 'item' | 'value'>): string | undefined {
  if (m.instrument !== 'ONS4') return undefined;
  return m.item === 'anxiety' ? ANXIETY_BANDS(m.value) : ONS4_BANDS(m.value);
}

export function iso(day: string, hour = 10): string {
  return `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The care pathway after referral: contact, then acceptance or decline, then maybe closure. */
function pathway(r: ReturnType<typeof seeded>, person: PersonSpec, day: string): void {
  if (r.chance(0.08)) {
    person.closed = { at: iso(addDays(day, r.int(10, 20)), 12), as: 'UNABLE_TO_CONTACT' };
    return;
  }
  const contactDay = addDays(day, r.chance(0.6) ? r.int(0, 10) : r.int(11, 40));
  person.contactedAt = iso(contactDay, 9);
  if (r.chance(0.15)) person.declinedAt = iso(addDays(contactDay, r.int(0, 3)), 11);
  else if (r.chance(0.9)) person.acceptedAt = iso(addDays(contactDay, r.int(0, 5)), 11);
  if (person.acceptedAt && r.chance(0.3)) {
    person.closed = { at: iso(addDays(person.acceptedAt, r.int(30, 80)), 15), as: 'CLOSED' };
  }
}

function sessions(r: ReturnType<typeof seeded>, id: string, start: string): SessionSpec[] {
  const out: SessionSpec[] = [];
  for (let s = 0, count = r.int(0, 4); s < count; s++) {
    const sessionDate = addDays(start, r.int(5, 60));
    // Most registers are written on the day; some weeks later, so sessions arrive out of order.
    const recordedAt = r.chance(0.2) ? iso(addDays(sessionDate, r.int(10, 40)), 17) : iso(sessionDate, 18);
    out.push({ attendanceId: `${id}-s${s}`, sessionDate, status: r.chance(0.8) ? 'ATTENDED' : 'MISSED', recordedAt });
  }
  return out;
}

/**
 * A random population over `months` (YYYY-MM) in the given organisations. Every person has a referral (some a
 * second one); most are contacted and accepted, some engage, some answer check-ins, many have a baseline and
 * follow-ups.
 */
export function randomPopulation(options: {
  seed: number;
  people: number;
  orgs: readonly Org[];
  activities: readonly ActivitySpec[];
  months: readonly string[];
  prefix?: string;
}): PersonSpec[] {
  const r = seeded(options.seed);
  const prefix = options.prefix ?? 'P';
  const people: PersonSpec[] = [];
  for (let i = 0; i < options.people; i++) {
    const returning = people.length > 0 && r.chance(0.08) ? r.pick(people.filter((p) => !p.returning)) : undefined;
    const org = returning ? returning.org : r.pick(options.orgs);
    const month = r.pick(options.months);
    const day = `${month}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const id = `${prefix}${String(i).padStart(5, '0')}`;
    const person: PersonSpec = {
      patientId: returning?.patientId ?? `pat-${id}`,
      referralId: `ref-${id}`,
      org,
      sex: returning?.sex ?? r.pick(SEXES),
      ...(returning
        ? returning.ethnicity
          ? { ethnicity: returning.ethnicity }
          : {}
        : r.chance(0.85)
          ? { ethnicity: r.pick(ETHNICITY_CODES) }
          : {}),
      ageBand: r.pick(AGE_BANDS),
      source: r.pick(SOURCES),
      needs: r.chance(0.1) ? [] : [...new Set([r.pick(NEEDS), ...(r.chance(0.3) ? [r.pick(NEEDS)] : [])])],
      receivedAt: iso(day),
      prescriptions: [],
      checkIns: [],
      outcomes: [],
      ...(returning ? { returning: true } : {}),
    };
    pathway(r, person, day);
    if (person.acceptedAt) {
      const local = options.activities.filter((a) => a.pcnId === org.pcnId);
      for (let p = 0, count = r.int(0, 2); p < count && local.length > 0; p++) {
        person.prescriptions.push({
          prescriptionId: `rx-${id}-${p}`,
          activityId: r.pick(local).activityId,
          sessions: sessions(r, `rx-${id}-${p}`, day),
        });
      }
      let n = 0;
      const measure = (instrument: Measurement['instrument'], item: string, wave: Measurement['wave'], at: string) => {
        const [min, max] = instrument === 'ONS4' ? [0, 10] : instrument === 'ONS_LONELINESS' ? [1, 5] : [1, 3];
        person.outcomes.push({
          outcomeId: `out-${id}-${n++}`,
          instrument,
          item,
          wave,
          value: r.int(min, max),
          measuredAt: at,
        });
      };
      const answers = (wave: Measurement['wave'], at: string) => {
        for (const item of ['happiness', 'anxiety']) if (r.chance(0.9)) measure('ONS4', item, wave, at);
        if (r.chance(0.85)) measure('ONS_LONELINESS', 'lonely', wave, at);
        if (r.chance(0.3))
          for (const item of ['companionship', 'leftOut', 'isolated']) measure('UCLA3', item, wave, at);
      };
      if (r.chance(0.8)) {
        const base = addDays(day, r.int(1, 5));
        answers('BASELINE', iso(base, 12));
        // Occasionally a second baseline the same week: only the earliest counts.
        if (r.chance(0.1)) measure('ONS4', 'happiness', 'BASELINE', iso(addDays(base, 2), 12));
      }
      for (const [w, wave] of WAVES.entries()) {
        const scheduled = addDays(day, [7, 42, 84][w]!);
        const sent = r.chance(0.9);
        const answered = sent && r.chance(0.7);
        person.checkIns.push({
          checkInId: `ci-${id}-${w}`,
          scheduledFor: iso(scheduled, 9),
          sent,
          answered,
          noResponse: sent && !answered,
        });
        if (answered) {
          answers(wave, iso(scheduled, 15));
          if (r.chance(0.05)) measure('ONS4', 'anxiety', wave, iso(addDays(scheduled, 1), 15));
        }
      }
      if (r.chance(0.1)) person.concernAt = iso(addDays(day, r.int(3, 50)), 16);
      if (!returning && r.chance(0.1)) person.optedOutAt = iso(addDays(day, r.int(3, 60)), 17);
    }
    people.push(person);
  }
  return people;
}

const AT = '2026-01-01T00:00:00.000Z';

export function entities(store: DataStore) {
  const config = entityConfig(store);
  return {
    organisations: organisationEntity(config),
    activities: activityEntity(config),
    patients: patientEntity(config),
    referrals: referralEntity(config),
    events: referralEventEntity(config),
    prescriptions: prescriptionEntity(config),
    attendance: attendanceEntity(config),
    checkIns: checkInEntity(config),
    outcomes: outcomeEntity(config),
  };
}

/** An ODS-style code for a test organisation id. */
export function odsCodeOf(organisationId: string): string {
  return `T${organisationId.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`;
}

export async function writeOrganisations(store: DataStore, orgs: readonly Org[]): Promise<void> {
  const { organisations } = entities(store);
  const seen = new Set<string>();
  const put = async (organisationId: string, item: Omit<Organisation, 'odsCode'>) => {
    if (seen.has(organisationId)) return;
    seen.add(organisationId);
    await organisations.put({ ...item, odsCode: odsCodeOf(organisationId) }).go();
  };
  for (const org of orgs) {
    await put(org.icbId, {
      organisationId: org.icbId,
      kind: 'ICB',
      name: `ICB ${org.icbId}`,
      icbId: org.icbId,
      createdAt: AT,
    });
    await put(org.pcnId, {
      organisationId: org.pcnId,
      kind: 'PCN',
      name: `PCN ${org.pcnId}`,
      parentId: org.icbId,
      icbId: org.icbId,
      createdAt: AT,
    });
    await put(org.practiceId, {
      organisationId: org.practiceId,
      kind: 'PRACTICE',
      name: `Practice ${org.practiceId}`,
      parentId: org.pcnId,
      icbId: org.icbId,
      pcnId: org.pcnId,
      createdAt: AT,
    });
  }
}

export async function writeActivities(store: DataStore, activities: readonly ActivitySpec[]): Promise<void> {
  const e = entities(store);
  for (const a of activities) {
    await e.activities
      .put({
        activityId: a.activityId,
        providerOrganisationId: 'provider-1',
        icbId: a.icbId,
        pcnId: a.pcnId,
        name: `Activity ${a.activityId}`,
        description: 'A group',
        category: a.category as (typeof CATEGORIES)[number],
        venueName: 'Hall',
        venueAddress: '1 High Street',
        postcode: 'LS1 4AP',
        scheduleText: 'Tuesdays',
        contact: { phone: '0113 496 0000' },
        cost: { kind: 'FREE' },
        takesDirectReferrals: true,
        status: 'ACTIVE',
        version: 1,
        createdAt: AT,
        updatedAt: AT,
        updatedBy: 'admin',
        searchText: 'activity',
      })
      .go();
  }
}

/** Writes one attendance register entry, starting the prescription on its first ATTENDED entry as activities does. */
export async function writeSession(
  store: DataStore,
  person: Pick<PersonSpec, 'referralId'>,
  prescription: { prescriptionId: string; activityId: string },
  session: SessionSpec,
): Promise<void> {
  const e = entities(store);
  await e.attendance
    .put({
      attendanceId: session.attendanceId,
      prescriptionId: prescription.prescriptionId,
      referralId: person.referralId,
      activityId: prescription.activityId,
      providerOrganisationId: 'provider-1',
      sessionDate: session.sessionDate,
      status: session.status,
      recordedBy: 'lw-1',
      recordedAt: session.recordedAt,
    })
    .go();
  if (session.status === 'ATTENDED') {
    await e.prescriptions
      .patch({ referralId: person.referralId, prescriptionId: prescription.prescriptionId })
      .set({ firstAttendedOn: session.sessionDate, status: 'STARTED' })
      .where(({ firstAttendedOn }, { notExists }) => notExists(firstAttendedOn))
      .go()
      .catch((error: unknown) => {
        // Already started by an earlier register entry: the first recorded one keeps it, as in activities.
        if (!isConditionalCheckFailure(error)) throw error;
      });
  }
}

/** Writes one person's records in the order the other contexts would. */
export async function writePerson(store: DataStore, person: PersonSpec): Promise<void> {
  const e = entities(store);
  const { org } = person;
  if (!person.returning) {
    await e.patients
      .put({
        patientId: person.patientId,
        sex: person.sex as 'FEMALE',
        ...(person.ethnicity ? { ethnicity: person.ethnicity } : {}),
        practiceId: org.practiceId,
        pcnId: org.pcnId,
        icbId: org.icbId,
        smsConsent: 'GIVEN',
        createdAt: person.receivedAt,
        updatedAt: person.receivedAt,
      })
      .go();
  }
  const status = person.closed?.as ?? (person.declinedAt ? 'DECLINED' : person.acceptedAt ? 'ACCEPTED' : 'RECEIVED');
  await e.referrals
    .put({
      referralId: person.referralId,
      patientId: person.patientId,
      practiceId: org.practiceId,
      pcnId: org.pcnId,
      icbId: org.icbId,
      caseloadOwner: `unassigned-${org.pcnId}`,
      source: person.source as 'GP',
      needs: person.needs as 'HOUSING'[],
      status,
      caseState: ['DECLINED', 'CLOSED', 'UNABLE_TO_CONTACT'].includes(status) ? 'CLOSED' : 'OPEN',
      ageBandAtReferral: person.ageBand as '75+',
      receivedAt: person.receivedAt,
      ...(person.concernAt ? { concernOpen: true, concernRaisedAt: person.concernAt } : {}),
      version: 1,
      createdBy: 'lw-1',
      createdAt: person.receivedAt,
      updatedAt: person.receivedAt,
    })
    .go();
  const event = (
    eventId: string,
    at: string,
    toStatus: 'CONTACTED' | 'ACCEPTED' | 'DECLINED' | 'CLOSED' | 'UNABLE_TO_CONTACT',
    snomedCode?: string,
  ) =>
    e.events
      .put({
        referralId: person.referralId,
        eventId,
        kind: 'STATUS_CHANGED',
        at,
        actorUserId: 'lw-1',
        actorRole: 'LINK_WORKER',
        fromStatus: 'RECEIVED',
        toStatus,
        ...(snomedCode ? { snomedCode } : {}),
      })
      .go();
  if (person.contactedAt) await event(`ev-${person.referralId}-c`, person.contactedAt, 'CONTACTED');
  if (person.acceptedAt) await event(`ev-${person.referralId}-a`, person.acceptedAt, 'ACCEPTED', '871731000000106');
  if (person.declinedAt) await event(`ev-${person.referralId}-d`, person.declinedAt, 'DECLINED', '871711000000103');
  if (person.closed) await event(`ev-${person.referralId}-x`, person.closed.at, person.closed.as);
  for (const p of person.prescriptions) {
    await e.prescriptions
      .put({
        prescriptionId: p.prescriptionId,
        referralId: person.referralId,
        patientId: person.patientId,
        activityId: p.activityId,
        providerOrganisationId: 'provider-1',
        icbId: org.icbId,
        pcnId: org.pcnId,
        practiceId: org.practiceId,
        startDate: person.receivedAt.slice(0, 10),
        status: 'PROPOSED',
        prescribedBy: 'lw-1',
        version: 1,
        createdAt: person.receivedAt,
        updatedAt: person.receivedAt,
      })
      .go();
    // The register in the order it was written (which is not session order).
    const byRecording = [...p.sessions].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
    for (const session of byRecording) await writeSession(store, person, p, session);
  }
  for (const c of person.checkIns) {
    await e.checkIns
      .put({
        checkInId: c.checkInId,
        referralId: person.referralId,
        patientId: person.patientId,
        wave: 'WEEK_1',
        questions: ['ONS4.happiness', 'ONS4.anxiety'],
        senderLabel: 'Linkwork',
        status: 'WAITING',
        scheduledFor: c.scheduledFor,
        createdAt: person.receivedAt,
      })
      .go();
    if (c.sent) {
      await e.checkIns
        .patch({ checkInId: c.checkInId })
        .set({ status: 'AWAITING_REPLY', introSent: true, questionSentAt: c.scheduledFor })
        .go();
    }
    if (c.answered) {
      await e.checkIns.patch({ checkInId: c.checkInId }).set({ status: 'COMPLETED', answeredCount: 2 }).go();
    }
    if (c.noResponse) await e.checkIns.patch({ checkInId: c.checkInId }).set({ status: 'NO_RESPONSE' }).go();
  }
  for (const m of person.outcomes) {
    const band = storedBandOf(m);
    await e.outcomes
      .put({
        outcomeId: m.outcomeId,
        referralId: person.referralId,
        patientId: person.patientId,
        instrument: m.instrument,
        item: m.item,
        value: m.value,
        ...(band ? { band } : {}),
        wave: m.wave,
        source: 'SMS',
        measuredAt: m.measuredAt,
        createdAt: m.measuredAt,
      })
      .go();
  }
  if (person.optedOutAt) {
    await e.patients
      .patch({ patientId: person.patientId })
      .set({ smsConsent: 'OPTED_OUT', smsConsentChangedAt: person.optedOutAt })
      .go();
  }
}

/** Writes a population; a returning person's referral is written after the patient's first. */
export async function writePopulation(store: DataStore, people: readonly PersonSpec[], concurrency = 8): Promise<void> {
  const first = people.filter((p) => !p.returning);
  const second = people.filter((p) => p.returning);
  for (const batch of [first, second]) {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < batch.length) await writePerson(store, batch[next++]!);
      }),
    );
  }
}

/**
 * The records the fact source would read for these people (what writePerson writes, as the folding code sees it),
 * for tests that need many people's figures without writing every raw record.
 */
export function recordsOf(
  people: readonly PersonSpec[],
  activities: readonly ActivitySpec[],
): { records: ReferralRecord[]; patients: PatientSnapshot[] } {
  const categoryOf = new Map(activities.map((a) => [a.activityId, a.category]));
  const patients = new Map<string, PatientSnapshot>();
  for (const person of people) {
    if (person.returning) continue;
    patients.set(person.patientId, {
      patientId: person.patientId,
      sex: person.sex,
      ...(person.ethnicity ? { ethnicity: person.ethnicity } : {}),
      smsConsent: person.optedOutAt ? 'OPTED_OUT' : 'GIVEN',
      ...(person.optedOutAt ? { smsConsentChangedAt: person.optedOutAt } : {}),
    });
  }
  const records = people.map((person): ReferralRecord => {
    const event = (eventId: string, at: string | undefined, toStatus: string, snomedCode?: string) =>
      at ? [{ eventId, at, toStatus, ...(snomedCode ? { snomedCode } : {}) }] : [];
    return {
      referral: {
        referralId: person.referralId,
        patientId: person.patientId,
        ...person.org,
        needs: person.needs,
        ageBandAtReferral: person.ageBand,
        source: person.source,
        receivedAt: person.receivedAt,
        createdAt: person.receivedAt,
        ...(person.concernAt ? { concernRaisedAt: person.concernAt } : {}),
      },
      patient: patients.get(person.patientId),
      events: [
        ...event(`ev-${person.referralId}-c`, person.contactedAt, 'CONTACTED'),
        ...event(`ev-${person.referralId}-a`, person.acceptedAt, 'ACCEPTED', '871731000000106'),
        ...event(`ev-${person.referralId}-d`, person.declinedAt, 'DECLINED', '871711000000103'),
        ...event(`ev-${person.referralId}-x`, person.closed?.at, person.closed?.as ?? 'CLOSED'),
      ],
      prescriptions: person.prescriptions.map((p) => ({
        prescriptionId: p.prescriptionId,
        activityId: p.activityId,
        category: categoryOf.get(p.activityId),
      })),
      attendance: person.prescriptions.flatMap((p) =>
        p.sessions.map((s) => ({ ...s, prescriptionId: p.prescriptionId })),
      ),
      checkIns: person.checkIns.map((c) => ({
        checkInId: c.checkInId,
        scheduledFor: c.scheduledFor,
        status: c.noResponse ? 'NO_RESPONSE' : c.answered ? 'COMPLETED' : c.sent ? 'AWAITING_REPLY' : 'WAITING',
        introSent: c.sent,
        ...(c.sent ? { questionSentAt: c.scheduledFor } : {}),
        answeredCount: c.answered ? 2 : 0,
      })),
      outcomes: person.outcomes.map((m) => ({ ...m, createdAt: m.measuredAt })),
    };
  });
  return { records, patients: [...patients.values()] };
}
