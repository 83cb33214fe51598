import { createActivity } from '../../functions/activities';
import { createLinkwork } from '../../functions/app/composition-root';
import { dueShardOf } from '../../functions/checkins/adapters/dynamodb-check-in-repository';
import { type CheckIn, checkInEntity } from '../../functions/checkins/entities/check-in';
import { DEFAULT_QUESTIONS } from '../../functions/checkins/questionnaires';
import { senderLabel } from '../../functions/checkins/templates';
import type { StaffUser } from '../../functions/identity/entities/staff-user';
import type { DataStore } from '../../functions/platform/dynamodb/client';
import { entityConfig } from '../../functions/platform/dynamodb/service';
import {
  ageBandAt,
  createReferral,
  NEEDS,
  type Patient,
  patientDisplayName,
  REFERRAL_SOURCES,
  type Referral,
} from '../../functions/referrals';
import { nhsNumberClaimEntity } from '../../functions/referrals/entities/nhs-number-claim';
import { patientEntity } from '../../functions/referrals/entities/patient';
import { referralEntity } from '../../functions/referrals/entities/referral';
import { type ReferralEvent, referralEventEntity } from '../../functions/referrals/entities/referral-event';
import type { Clock } from '../../functions/shared/clock';
import { createIdGenerator, type IdGenerator } from '../../functions/shared/ids';
import { fictionalNhsNumber } from '../../functions/shared/nhs-number';
import { dramaMobile } from '../../functions/shared/phone';
import type { DemoData } from '../../scripts/seed/demo';
import type { SeededRandom } from '../../scripts/seed/random';
import { batchPut, inParallel, principalOf } from './env';

/*
 * Bench data, generated from a SeededRandom. Items are built with the real ElectroDB entities (`put(...).params()`),
 * so every key and index attribute is what the product writes; small caseloads can instead go through the real
 * `createReferral` use case and then get the caseload fields a worked referral carries.
 */

const DAY = 86_400_000;
const GIVEN = ['Margaret', 'John', 'Priya', 'Tomasz', 'Aisha', 'Derek', 'Sian', 'Kwame', 'Eileen', 'Raj', 'Nora'];
const FAMILY = ['Ashworth', 'Begum', 'Carter', 'Dlamini', 'Evans', 'Fraser', 'Hussain', 'Jenkins', 'Mensah', 'Quinn'];
const OPEN_STATUSES = ['RECEIVED', 'CONTACTED', 'ACCEPTED', 'ACTIVE', 'ACTIVE', 'ACTIVE'] as const;

export function entitiesOf(store: DataStore) {
  const config = entityConfig(store);
  return {
    patient: patientEntity(config),
    claim: nhsNumberClaimEntity(config),
    referral: referralEntity(config),
    event: referralEventEntity(config),
    checkIn: checkInEntity(config),
  };
}

type Item = Record<string, unknown>;

/** A whole-number ISO date `days` before `now`. */
function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY).toISOString();
}

export interface PatientSpec {
  /** Distinct per patient in a table: the fictional NHS number and (mod 1000) the drama mobile. */
  seq: number;
  practiceId: string;
  pcnId: string;
  icbId: string;
  mobile?: string;
}

export function buildPatient(random: SeededRandom, spec: PatientSpec, now: Date): Patient {
  const at = daysBefore(now, random.int(20, 200));
  return {
    patientId: '',
    nhsNumber: fictionalNhsNumber(spec.seq),
    givenName: random.pick(GIVEN),
    familyName: random.pick(FAMILY),
    dateOfBirth: `${random.int(1935, 2005)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    sex: random.pick(['FEMALE', 'MALE'] as const),
    mobile: spec.mobile ?? dramaMobile(spec.seq % 1000),
    smsConsent: 'GIVEN',
    smsConsentChangedAt: at,
    practiceId: spec.practiceId,
    pcnId: spec.pcnId,
    icbId: spec.icbId,
    createdAt: at,
    updatedAt: at,
  };
}

/** What a worked referral carries for its caseload row: next check-in, latest outcomes, concern, activities. */
export function caseloadFields(
  random: SeededRandom,
  now: Date,
  activityIds: readonly string[],
): Pick<
  Referral,
  | 'status'
  | 'latestOutcomes'
  | 'concernOpen'
  | 'concernRaisedAt'
  | 'activeActivityIds'
  | 'lastContactAt'
  | 'lastContactSort'
> & { nextCheckInAt?: string } {
  const status = random.pick(OPEN_STATUSES);
  const measuredAt = daysBefore(now, random.int(1, 60));
  const withOutcomes = random.chance(0.6);
  const concernOpen = random.chance(0.1);
  const lastContactAt = daysBefore(now, random.int(1, 30));
  return {
    status,
    ...(withOutcomes
      ? {
          latestOutcomes: {
            'ONS4.happiness': { value: random.int(0, 10), measuredAt },
            'ONS4.anxiety': { value: random.int(0, 10), measuredAt },
            'ONS_LONELINESS.lonely': {
              value: random.pick(['Often/always', 'Some of the time', 'Occasionally', 'Hardly ever', 'Never']),
              measuredAt,
            },
          },
        }
      : {}),
    concernOpen,
    ...(concernOpen ? { concernRaisedAt: measuredAt } : {}),
    ...(random.chance(0.6) && activityIds.length > 0 ? { activeActivityIds: random.some(activityIds, 1, 2) } : {}),
    lastContactAt,
    lastContactSort: lastContactAt,
    ...(random.chance(0.7) ? { nextCheckInAt: new Date(now.getTime() + random.int(1, 90) * DAY).toISOString() } : {}),
  };
}

export function buildCheckIn(input: {
  checkInId: string;
  referral: Pick<Referral, 'referralId' | 'patientId'>;
  scheduledFor: string;
  status?: CheckIn['status'];
  questions?: readonly string[];
  questionIndex?: number;
  introSent?: boolean;
  dueAt?: string;
  createdAt: string;
  questionSentAt?: string;
  lastProviderMessageId?: string;
  pcnName?: string;
}): CheckIn {
  return {
    checkInId: input.checkInId,
    referralId: input.referral.referralId,
    patientId: input.referral.patientId,
    wave: 'WEEK_6',
    questions: [...(input.questions ?? DEFAULT_QUESTIONS)],
    senderLabel: senderLabel(input.pcnName ?? 'Northgate PCN'),
    status: input.status ?? 'WAITING',
    questionIndex: input.questionIndex ?? 0,
    introSent: input.introSent ?? false,
    scheduledFor: input.scheduledFor,
    ...(input.dueAt ? { dueAt: input.dueAt, dueShard: dueShardOf(input.checkInId) } : {}),
    attempts: 0,
    answeredCount: 0,
    unansweredCount: 0,
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
    ...(input.questionSentAt ? { questionSentAt: input.questionSentAt } : {}),
    ...(input.lastProviderMessageId ? { lastProviderMessageId: input.lastProviderMessageId } : {}),
  };
}

/** Items for one new patient with one open referral (patient, NHS number claim, referral, RECEIVED event). */
export function referralItems(
  store: DataStore,
  input: { patient: Patient; referral: Referral; event: ReferralEvent },
): Item[] {
  const e = entitiesOf(store);
  return [
    e.patient.put(input.patient).params().Item,
    e.claim
      .put({
        nhsNumber: input.patient.nhsNumber as string,
        patientId: input.patient.patientId,
        claimedAt: input.patient.createdAt,
      })
      .params().Item,
    e.referral.put(input.referral).params().Item,
    e.event.put(input.event).params().Item,
  ];
}

export function newReferral(input: {
  newId: IdGenerator;
  random: SeededRandom;
  patient: Patient;
  linkWorker: StaffUser;
  receivedAt: string;
}): { referral: Referral; event: ReferralEvent } {
  const { patient, linkWorker, random, receivedAt } = input;
  const referralId = input.newId();
  const referral: Referral = {
    referralId,
    patientId: patient.patientId,
    practiceId: patient.practiceId,
    pcnId: patient.pcnId,
    icbId: patient.icbId,
    linkWorkerId: linkWorker.userId,
    caseloadOwner: linkWorker.userId,
    source: random.pick(REFERRAL_SOURCES),
    needs: random.some(NEEDS, 1, 3),
    status: 'RECEIVED',
    caseState: 'OPEN',
    ageBandAtReferral: ageBandAt(patient.dateOfBirth as string, new Date(receivedAt)),
    patientName: patientDisplayName(patient),
    receivedAt,
    nextCheckInSort: '~',
    lastContactSort: '~',
    concernOpen: false,
    snomedCodes: [],
    version: 1,
    createdBy: linkWorker.userId,
    createdAt: receivedAt,
    updatedAt: receivedAt,
  };
  const event: ReferralEvent = {
    referralId,
    eventId: input.newId(),
    kind: 'RECEIVED',
    at: receivedAt,
    actorUserId: linkWorker.userId,
    actorRole: 'LINK_WORKER',
    toStatus: 'RECEIVED',
    toLinkWorkerId: linkWorker.userId,
  };
  return { referral, event };
}

/** A few activities in the link worker's PCN, through the real `createActivity` use case. */
export async function createActivities(
  store: DataStore,
  clock: Clock,
  demo: DemoData,
  pcnId: string,
  count: number,
): Promise<string[]> {
  const admin = demo.users.find((user) => user.role === 'ADMIN');
  if (!admin) throw new Error('no admin in the demo data');
  const deps = createLinkwork({ store, clock }).activities.deps;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const activity = await createActivity(deps, principalOf(admin), {
      pcnId,
      providerOrganisationId: demo.organisations.providerOrganisationId,
      name: `Bench activity ${i + 1}`,
      description: 'A friendly weekly group.',
      category: i % 2 ? 'SOCIAL_GROUPS' : 'PHYSICAL_ACTIVITY',
      venueName: 'Community Hall',
      venueAddress: `${i + 1} High Street, Riverdale`,
      postcode: 'RD1 1AB',
      scheduleText: 'Tuesdays 10:00',
      contact: { name: 'Riverdale Community Action', phone: '0113 496 0999' },
      cost: { kind: 'FREE' },
      capacity: null,
      takesDirectReferrals: true,
    });
    ids.push(activity.activityId);
  }
  return ids;
}

export interface CaseloadSpec {
  store: DataStore;
  random: SeededRandom;
  clock: Clock;
  demo: DemoData;
  linkWorker: StaffUser;
  activityIds: readonly string[];
  count: number;
  /** First patient sequence number (NHS numbers and mobiles); patients get `seqBase .. seqBase + count - 1`. */
  seqBase: number;
  /** `use-case`: createReferral for each, then the caseload fields; `batch`: every item by BatchWriteItem. */
  via: 'use-case' | 'batch';
}

/**
 * An open caseload of `count` referrals for one link worker, each with the fields a worked referral carries: about
 * 70% with a next check-in (and that check-in item), 60% with latest outcomes, 60% with active activities, 10% with
 * an open concern.
 */
export async function buildCaseload(spec: CaseloadSpec): Promise<Referral[]> {
  const { store, random, clock, linkWorker } = spec;
  const now = clock.now();
  const newId = createIdGenerator(clock);
  const pcnId = linkWorker.pcnId as string;
  const practices = spec.demo.organisations.practiceIds.filter((_, i) =>
    spec.demo.organisations.pcnIds[0] === pcnId ? i < 2 : i >= 2,
  );
  const e = entitiesOf(store);
  // The row's names of its activities, as prescribing (and renaming) leave them on the referral.
  const activities = await createLinkwork({ store, clock }).activities.deps.activities.getMany(spec.activityIds);
  const namesOf = (ids: readonly string[] = []) =>
    Object.fromEntries(
      activities
        .filter((activity) => ids.includes(activity.activityId))
        .map((activity) => [activity.activityId, { name: activity.name, activityVersion: activity.version }]),
    );
  const patients = Array.from({ length: spec.count }, (_, i) => {
    const practiceId = practices[i % practices.length] as string;
    const patient = buildPatient(
      random,
      { seq: spec.seqBase + i, practiceId, pcnId, icbId: spec.demo.organisations.icbId },
      now,
    );
    patient.patientId = newId();
    return patient;
  });

  let referrals: Referral[];
  const items: Item[] = [];
  if (spec.via === 'use-case') {
    const deps = createLinkwork({ store, clock, newId }).referrals.deps;
    const principal = principalOf(linkWorker);
    referrals = await inParallel(patients, 6, async (patient) => {
      const result = await createReferral(deps, principal, {
        practiceId: patient.practiceId,
        source: 'GP',
        needs: ['LONELINESS_ISOLATION'],
        linkWorkerId: linkWorker.userId,
        newPatient: {
          nhsNumber: patient.nhsNumber as string,
          givenName: patient.givenName as string,
          familyName: patient.familyName as string,
          dateOfBirth: patient.dateOfBirth as string,
          sex: patient.sex as 'FEMALE',
          mobile: patient.mobile,
          smsConsent: 'GIVEN',
        },
      });
      return result.referral;
    });
  } else {
    referrals = patients.map((patient) => {
      const written = newReferral({
        newId,
        random,
        patient,
        linkWorker,
        receivedAt: daysBefore(now, random.int(1, 150)),
      });
      // The caseload reads neither the NHS number claim nor the RECEIVED event: only patient and referral are written.
      items.push(e.patient.put(patient).params().Item);
      return written.referral;
    });
  }

  const worked = referrals.map((referral) => {
    const { nextCheckInAt, ...fields } = caseloadFields(random, now, spec.activityIds);
    const next: Referral = {
      ...referral,
      ...fields,
      activeActivityNames: namesOf(fields.activeActivityIds),
      version: referral.version + 1,
    };
    if (nextCheckInAt) {
      const checkIn = buildCheckIn({
        checkInId: newId(),
        referral,
        scheduledFor: nextCheckInAt,
        dueAt: nextCheckInAt,
        createdAt: now.toISOString(),
      });
      next.nextCheckInAt = nextCheckInAt;
      next.nextCheckInId = checkIn.checkInId;
      next.nextCheckInSort = nextCheckInAt;
      next.nextCheckInScheduledFor = checkIn.scheduledFor;
      next.nextCheckInWave = checkIn.wave;
      items.push(e.checkIn.put(checkIn).params().Item);
    }
    items.push(e.referral.put(next).params().Item);
    return next;
  });
  await batchPut(store, items);
  return worked;
}
