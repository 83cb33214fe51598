import { activityEntity } from '../../../functions/activities/entities/activity';
import { prescriptionEntity } from '../../../functions/activities/entities/prescription';
import { checkInEntity } from '../../../functions/checkins/entities/check-in';
import { outcomeEntity } from '../../../functions/checkins/entities/outcome';
import { type Organisation, organisationEntity } from '../../../functions/identity/entities/organisation';
import type { DataStore } from '../../../functions/platform/dynamodb/client';
import { entityConfig } from '../../../functions/platform/dynamodb/service';
import { patientEntity } from '../../../functions/referrals/entities/patient';
import { referralEntity } from '../../../functions/referrals/entities/referral';
import { referralEventEntity } from '../../../functions/referrals/entities/referral-event';

/*
 * A known population written straight into the table through the other contexts' entities (their use cases are
 * still moving), plus the test's own model of it, from which tests compute expected figures independently of the
 * folding code.
 */

export const CATEGORIES = ['PHYSICAL_ACTIVITY', 'ARTS_AND_CREATIVITY', 'SOCIAL_GROUPS'] as const;
export const NEEDS = ['LONELINESS_ISOLATION', 'LOW_MOOD_ANXIETY', 'BEREAVEMENT', 'HOUSING'] as const;
export const AGE_BANDS = ['UNDER_18', '18-24', '25-34', '45-54', '75+'] as const;
export const SEXES = ['FEMALE', 'MALE', 'NOT_STATED'] as const;
export const WAVES = ['WEEK_1', 'WEEK_6', 'WEEK_12'] as const;

export interface Org {
  icbId: string;
  pcnId: string;
  practiceId: string;
}

export interface Measurement {
  outcomeId: string;
  item: 'happiness' | 'anxiety';
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

export interface PersonSpec {
  patientId: string;
  referralId: string;
  org: Org;
  sex: string;
  ageBand: string;
  needs: string[];
  receivedAt: string;
  acceptedAt?: string;
  declinedAt?: string;
  /** Prescriptions: activity id and first attended day (if attended). */
  prescriptions: { prescriptionId: string; activityId: string; firstAttendedOn?: string }[];
  concernAt?: string;
  checkIns: CheckInSpec[];
  outcomes: Measurement[];
  optedOutAt?: string;
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
export function bandOf(item: Measurement['item'], value: number): string {
  return item === 'anxiety' ? ANXIETY_BANDS(value) : ONS4_BANDS(value);
}

function iso(day: string, hour = 10): string {
  return `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A random population over `months` (YYYY-MM) in the given organisations. Every person has a referral; most are
 * accepted, some engage, some answer check-ins, many have a baseline and follow-ups.
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
    const org = r.pick(options.orgs);
    const month = r.pick(options.months);
    const day = `${month}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const id = `${prefix}${String(i).padStart(5, '0')}`;
    const person: PersonSpec = {
      patientId: `pat-${id}`,
      referralId: `ref-${id}`,
      org,
      sex: r.pick(SEXES),
      ageBand: r.pick(AGE_BANDS),
      needs: r.chance(0.1) ? [] : [...new Set([r.pick(NEEDS), ...(r.chance(0.3) ? [r.pick(NEEDS)] : [])])],
      receivedAt: iso(day),
      prescriptions: [],
      checkIns: [],
      outcomes: [],
    };
    if (r.chance(0.15)) person.declinedAt = iso(addDays(day, r.int(1, 10)), 11);
    else if (r.chance(0.85)) person.acceptedAt = iso(addDays(day, r.int(1, 10)), 11);
    if (person.acceptedAt) {
      const local = options.activities.filter((a) => a.pcnId === org.pcnId);
      const count = r.int(0, 2);
      for (let p = 0; p < count && local.length > 0; p++) {
        person.prescriptions.push({
          prescriptionId: `rx-${id}-${p}`,
          activityId: r.pick(local).activityId,
          ...(r.chance(0.7) ? { firstAttendedOn: addDays(day, r.int(5, 40)) } : {}),
        });
      }
      let n = 0;
      const measure = (item: Measurement['item'], wave: Measurement['wave'], at: string) =>
        person.outcomes.push({ outcomeId: `out-${id}-${n++}`, item, wave, value: r.int(0, 10), measuredAt: at });
      if (r.chance(0.8)) {
        const base = addDays(day, r.int(1, 5));
        for (const item of ['happiness', 'anxiety'] as const)
          if (r.chance(0.9)) measure(item, 'BASELINE', iso(base, 12));
        // Occasionally a second baseline the same week: only the earliest counts.
        if (r.chance(0.1)) measure('happiness', 'BASELINE', iso(addDays(base, 2), 12));
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
          for (const item of ['happiness', 'anxiety'] as const)
            if (r.chance(0.9)) measure(item, wave, iso(scheduled, 15));
          if (r.chance(0.05)) measure('anxiety', wave, iso(addDays(scheduled, 1), 15));
        }
      }
      if (r.chance(0.1)) person.concernAt = iso(addDays(day, r.int(3, 50)), 16);
      if (r.chance(0.1)) person.optedOutAt = iso(addDays(day, r.int(3, 60)), 17);
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
    checkIns: checkInEntity(config),
    outcomes: outcomeEntity(config),
  };
}

export async function writeOrganisations(store: DataStore, orgs: readonly Org[]): Promise<void> {
  const { organisations } = entities(store);
  const seen = new Set<string>();
  const put = async (organisationId: string, item: Organisation) => {
    if (seen.has(organisationId)) return;
    seen.add(organisationId);
    await organisations.put(item).go();
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

/** Writes one person's records in the order the other contexts would. */
export async function writePerson(store: DataStore, person: PersonSpec): Promise<void> {
  const e = entities(store);
  const { org } = person;
  await e.patients
    .put({
      patientId: person.patientId,
      sex: person.sex as 'FEMALE',
      practiceId: org.practiceId,
      pcnId: org.pcnId,
      icbId: org.icbId,
      smsConsent: 'GIVEN',
      createdAt: person.receivedAt,
      updatedAt: person.receivedAt,
    })
    .go();
  const status = person.declinedAt ? 'DECLINED' : person.acceptedAt ? 'ACCEPTED' : 'RECEIVED';
  await e.referrals
    .put({
      referralId: person.referralId,
      patientId: person.patientId,
      practiceId: org.practiceId,
      pcnId: org.pcnId,
      icbId: org.icbId,
      caseloadOwner: `unassigned-${org.pcnId}`,
      source: 'GP',
      needs: person.needs as 'HOUSING'[],
      status,
      caseState: status === 'DECLINED' ? 'CLOSED' : 'OPEN',
      ageBandAtReferral: person.ageBand as '75+',
      receivedAt: person.receivedAt,
      ...(person.concernAt ? { concernOpen: true, concernRaisedAt: person.concernAt } : {}),
      version: 1,
      createdBy: 'lw-1',
      createdAt: person.receivedAt,
      updatedAt: person.receivedAt,
    })
    .go();
  const event = (eventId: string, at: string, toStatus: 'ACCEPTED' | 'DECLINED', snomedCode: string) =>
    e.events
      .put({
        referralId: person.referralId,
        eventId,
        kind: 'STATUS_CHANGED',
        at,
        actorUserId: 'lw-1',
        actorRole: 'LINK_WORKER',
        fromStatus: 'CONTACTED',
        toStatus,
        snomedCode,
      })
      .go();
  if (person.acceptedAt) await event(`ev-${person.referralId}-a`, person.acceptedAt, 'ACCEPTED', '871731000000106');
  if (person.declinedAt) await event(`ev-${person.referralId}-d`, person.declinedAt, 'DECLINED', '871711000000103');
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
    if (p.firstAttendedOn) {
      await e.prescriptions
        .patch({ referralId: person.referralId, prescriptionId: p.prescriptionId })
        .set({ firstAttendedOn: p.firstAttendedOn, status: 'STARTED', version: 2 })
        .go();
    }
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
    await e.outcomes
      .put({
        outcomeId: m.outcomeId,
        referralId: person.referralId,
        patientId: person.patientId,
        instrument: 'ONS4',
        item: m.item,
        value: m.value,
        band: bandOf(m.item, m.value),
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

export async function writePopulation(store: DataStore, people: readonly PersonSpec[], concurrency = 8): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < people.length) await writePerson(store, people[next++]!);
    }),
  );
}
