import type { Activity, ActivityCategory } from '../../functions/activities';
import { createActivity, prescribeActivity, recordAttendance } from '../../functions/activities';
import { createLinkwork } from '../../functions/app/composition-root';
import { defaultDispatchPolicy, dispatchDueCheckIns, handleInboundSms } from '../../functions/checkins';
import type { Principal, StaffUser } from '../../functions/identity';
import type { DataStore } from '../../functions/platform/dynamodb/client';
import {
  createReferral,
  NEEDS,
  type Need,
  REFERRAL_SOURCES,
  type Referral,
  type ReferralStatus,
  SEXES,
  transitionReferral,
} from '../../functions/referrals';
import { type ManualClock, toIsoDate } from '../../functions/shared/clock';
import { createIdGenerator } from '../../functions/shared/ids';
import { fictionalNhsNumber } from '../../functions/shared/nhs-number';
import { dramaMobile } from '../../functions/shared/phone';
import type { DemoData } from './demo';
import type { SeededRandom } from './random';
import { type PendingText, SimulatedPhones } from './simulated-patients';

const DAY = 86_400_000;

const GIVEN_NAMES = [
  'Margaret',
  'John',
  'Priya',
  'Tomasz',
  'Aisha',
  'Derek',
  'Sian',
  'Kwame',
  'Eileen',
  'Raj',
  'Nora',
  'Callum',
  'Fatima',
  'Gordon',
  'Bernadette',
  'Yusuf',
  'Irene',
  'Malcolm',
  'Chloe',
  'Stanley',
  'Mei',
  'Patrick',
];
const FAMILY_NAMES = [
  'Ashworth',
  'Begum',
  'Carter',
  'Dlamini',
  'Evans',
  'Fraser',
  'Gallagher',
  'Hussain',
  'Iqbal',
  'Jenkins',
  'Kowalski',
  'Lloyd',
  'Mensah',
  'Nolan',
  'O’Brien',
  'Pearson',
  'Quinn',
  'Rahman',
  'Singh',
  'Thompson',
];

const ACTIVITIES: { name: string; category: ActivityCategory; venue: string; schedule: string; description: string }[] =
  [
    {
      name: 'Riverside Walking Group',
      category: 'PHYSICAL_ACTIVITY',
      venue: 'Riverside Park gates',
      schedule: 'Tuesdays 10:00, about an hour',
      description: 'Gentle, friendly walks on flat paths with a cuppa after.',
    },
    {
      name: 'Chair Yoga',
      category: 'PHYSICAL_ACTIVITY',
      venue: 'St Mark’s Church Hall',
      schedule: 'Thursdays 14:00',
      description: 'Seated yoga for all abilities.',
    },
    {
      name: 'Watercolour Wednesdays',
      category: 'ARTS_AND_CREATIVITY',
      venue: 'Northgate Library',
      schedule: 'Wednesdays 13:30',
      description: 'Paint together; all materials provided.',
    },
    {
      name: 'Community Choir',
      category: 'ARTS_AND_CREATIVITY',
      venue: 'Elm Tree Community Centre',
      schedule: 'Mondays 18:30',
      description: 'No auditions, no reading music needed.',
    },
    {
      name: 'Allotment Buddies',
      category: 'NATURE_AND_GARDENING',
      venue: 'Castle Street Allotments',
      schedule: 'Saturdays 10:00',
      description: 'Grow veg with others; tools and tea provided.',
    },
    {
      name: 'Green Gym',
      category: 'NATURE_AND_GARDENING',
      venue: 'Southbank Nature Reserve',
      schedule: 'Fridays 10:00',
      description: 'Outdoor conservation tasks that keep you active.',
    },
    {
      name: 'Local History Society',
      category: 'LEARNING_AND_HERITAGE',
      venue: 'Riverdale Museum',
      schedule: 'First Monday of the month 14:00',
      description: 'Talks, old photos and memories of the town.',
    },
    {
      name: 'Digital Skills Drop-in',
      category: 'LEARNING_AND_HERITAGE',
      venue: 'Southbank Library',
      schedule: 'Tuesdays 11:00',
      description: 'Help with phones, tablets and video calls.',
    },
    {
      name: 'Men’s Shed',
      category: 'SOCIAL_GROUPS',
      venue: 'Unit 4, Mill Lane',
      schedule: 'Mon, Wed, Fri 10:00–15:00',
      description: 'Woodwork, repairs and good company.',
    },
    {
      name: 'Friendship Café',
      category: 'SOCIAL_GROUPS',
      venue: 'Riverside Health Centre café',
      schedule: 'Thursdays 10:30',
      description: 'Drop in for a chat, cake and a warm welcome.',
    },
    {
      name: 'Tea Dance',
      category: 'DANCE',
      venue: 'Town Hall Ballroom',
      schedule: 'Sundays 14:00',
      description: 'Ballroom and sequence dancing, beginners welcome.',
    },
    {
      name: 'Seated Dance',
      category: 'DANCE',
      venue: 'Millbrook Court',
      schedule: 'Wednesdays 11:00',
      description: 'Dance to music you love, from your chair.',
    },
    {
      name: 'Food Bank Volunteers',
      category: 'VOLUNTEERING',
      venue: 'Riverdale Food Bank',
      schedule: 'Flexible, weekdays',
      description: 'Sort, pack and serve; training given.',
    },
    {
      name: 'Park Ranger Helpers',
      category: 'VOLUNTEERING',
      venue: 'Southbank Park office',
      schedule: 'Saturdays 09:30',
      description: 'Help look after the park and its wildlife.',
    },
    {
      name: 'Money Advice Clinic',
      category: 'ADVICE_SERVICES',
      venue: 'Citizens Advice, High Street',
      schedule: 'Mondays and Thursdays by appointment',
      description: 'Free, confidential help with debt and benefits.',
    },
    {
      name: 'Housing Help Point',
      category: 'ADVICE_SERVICES',
      venue: 'Riverdale Civic Centre',
      schedule: 'Wednesdays 09:30–12:30',
      description: 'Advice on renting, repairs and moving home.',
    },
    {
      name: 'Carers’ Coffee Morning',
      category: 'SOCIAL_GROUPS',
      venue: 'Castle Street Medical Centre',
      schedule: 'Second Tuesday of the month 10:00',
      description: 'Time out and support for unpaid carers.',
    },
    {
      name: 'Bereavement Walk and Talk',
      category: 'PHYSICAL_ACTIVITY',
      venue: 'Memorial Gardens',
      schedule: 'Fridays 11:00',
      description: 'A gentle walk with others who understand loss.',
    },
    {
      name: 'Pottery for Beginners',
      category: 'ARTS_AND_CREATIVITY',
      venue: 'Southbank Arts Centre',
      schedule: 'Tuesdays 19:00',
      description: 'Make a pot in six weeks; small group.',
    },
    {
      name: 'Book Circle',
      category: 'OTHER',
      venue: 'Elm Tree Library',
      schedule: 'Last Thursday of the month 15:00',
      description: 'A relaxed chat about a book, large print available.',
    },
  ];

/** Where a seeded referral ends up, with how many referrals (per link worker) reach it. */
const CURRENT_STATUSES: ReferralStatus[] = [
  'RECEIVED',
  'CONTACTED',
  'CONTACTED',
  'ACCEPTED',
  'ACCEPTED',
  'ACTIVE',
  'ACTIVE',
  'ACTIVE',
  'ACTIVE',
  'ACTIVE',
];
const PATH: ReferralStatus[] = ['CONTACTED', 'ACCEPTED', 'ACTIVE', 'CLOSED'];

export interface SeededCare {
  activities: Activity[];
  referrals: Referral[];
}

/**
 * About 80 patients with referrals in every status spread over the four link workers (each with more than one page of
 * open caseload), 20 activities, prescriptions, attendance, and a year of SMS check-ins with replies. Everything goes
 * through the use cases in time order, with a manual clock walked through the past year, so the records (and their
 * audit and stream history) are what production would have made.
 */
export async function seedCare(
  store: DataStore,
  clock: ManualClock,
  random: SeededRandom,
  demo: DemoData,
): Promise<SeededCare> {
  const newId = createIdGenerator(clock);
  const phones = new SimulatedPhones(random);
  // The product's own composition root: prescribing, attendance and closing reach the follow-up engine through
  // their care events, exactly as they do in production.
  const linkwork = createLinkwork({ store, clock, newId });
  const referralDeps = linkwork.referrals.deps;
  const activityDeps = linkwork.activities.deps;
  const checkIns = linkwork.checkIns.withSender(phones);
  const admin = principalOf(demo.users.find((user) => user.role === 'ADMIN'));
  const linkWorkers = demo.users.filter((user) => user.role === 'LINK_WORKER');
  const today = clock.now().getTime();

  clock.set(today - 400 * DAY);
  const activities: Activity[] = [];
  for (const [index, spec] of ACTIVITIES.entries()) {
    const pcnId = demo.organisations.pcnIds[index % 2] as string;
    activities.push(
      await createActivity(activityDeps, admin, {
        pcnId,
        providerOrganisationId: demo.organisations.providerOrganisationId,
        name: spec.name,
        description: spec.description,
        category: spec.category,
        venueName: spec.venue,
        venueAddress: `${random.int(1, 120)} High Street, Riverdale`,
        postcode: `RD${random.int(1, 9)} ${random.int(1, 9)}${random.pick(['AB', 'DE', 'FG', 'HJ', 'LN'])}`,
        scheduleText: spec.schedule,
        contact: { name: 'Riverdale Community Action', phone: '0113 496 0999' },
        cost: random.chance(0.7) ? { kind: 'FREE' } : { kind: 'CHARGE', details: `£${random.int(1, 4)} a session` },
        capacity: random.chance(0.6) ? random.int(8, 30) : null,
        takesDirectReferrals: random.chance(0.5),
      }),
    );
  }

  const policy = defaultDispatchPolicy();
  const events: { at: number; order: number; run: () => Promise<void> }[] = [];
  const schedule = (at: number, run: () => Promise<void>) => events.push({ at, order: events.length, run });
  // Mornings when the dispatcher has something to do: a check-in falls due, or a text may need a reminder or expiry.
  // Running it only then (rather than every weekday of the year) keeps `npm start` from nothing well under a minute.
  const wakeups = new Set<number>();
  const wakeAt = (time: number) => wakeups.add(weekdayMorningAfter(time));
  const wakeForCheckIns = (scheduled: { dueAt?: string }[]) => {
    for (const checkIn of scheduled) if (checkIn.dueAt) wakeAt(Date.parse(checkIn.dueAt));
  };

  const referrals: Referral[] = [];
  let patientNumber = 0;
  for (const [workerIndex, worker] of linkWorkers.entries()) {
    const pcnId = worker.pcnId as string;
    const practices = demo.organisations.practiceIds.slice(workerIndex < 2 ? 0 : 2, workerIndex < 2 ? 2 : 4);
    const pcnActivities = activities.filter((activity) => activity.pcnId === pcnId);
    // 21 patients each: every one has a referral that is still open; a third were referred before and closed.
    for (let n = 0; n < 21; n += 1) {
      patientNumber += 1;
      const mobile = random.chance(0.9) ? dramaMobile(patientNumber) : undefined;
      const patient = {
        nhsNumber: fictionalNhsNumber(1000 + patientNumber * 7),
        givenName: random.pick(GIVEN_NAMES),
        familyName: random.pick(FAMILY_NAMES),
        dateOfBirth: `${random.int(1935, 2006)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`,
        sex: random.pick(SEXES.slice(0, 2)),
        mobile,
        smsConsent: mobile && random.chance(0.9) ? ('GIVEN' as const) : ('NOT_ASKED' as const),
      };
      const practiceId = random.pick(practices);
      const episodes: { target: ReferralStatus; receivedAt: number }[] = [];
      if (random.chance(0.33)) {
        const target = random.pick(['CLOSED', 'CLOSED', 'DECLINED', 'UNABLE_TO_CONTACT'] as const);
        episodes.push({ target, receivedAt: today - random.int(150, 360) * DAY });
      }
      episodes.push({ target: random.pick(CURRENT_STATUSES), receivedAt: today - random.int(1, 140) * DAY });
      if (random.chance(0.45)) {
        episodes.push({ target: random.pick(CURRENT_STATUSES), receivedAt: today - random.int(1, 140) * DAY });
      }
      // The earliest episode creates the patient; later ones refer the same person again.
      episodes.sort((a, b) => a.receivedAt - b.receivedAt);
      const person: { patientId?: string } = {};
      for (const episode of episodes) {
        const state: { referral?: Referral } = {};
        const unassigned = episode.target === 'RECEIVED' && random.chance(0.5);
        const source = random.pick(REFERRAL_SOURCES);
        const needs = random.some(NEEDS, 1, 3) as Need[];
        schedule(episode.receivedAt, async () => {
          const created = await createReferral(referralDeps, admin, {
            practiceId,
            ...(person.patientId ? { patientId: person.patientId } : { newPatient: patient }),
            source,
            needs,
            note: 'Seeded demo referral.',
            linkWorkerId: unassigned ? undefined : worker.userId,
          });
          person.patientId = created.patientId;
          state.referral = created.referral;
          referrals.push(created.referral);
        });
        let at = episode.receivedAt;
        for (const step of pathTo(episode.target)) {
          at += random.int(1, 6) * DAY;
          if (at > today) break;
          schedule(at, async () => {
            const referral = state.referral as Referral;
            if (step === 'ACTIVE') {
              // The first attended session moves an accepted referral to ACTIVE by itself (the referrals context's
              // reaction to FirstAttendanceRecorded), as it does in the product; nothing is left to do then.
              const current = await referralDeps.referrals.getReferral(referral.referralId);
              if (current?.status === 'ACTIVE') {
                state.referral = current;
                return;
              }
            }
            state.referral = await transitionReferral(referralDeps, admin, {
              referralId: referral.referralId,
              to: step,
            });
          });
          if (step !== 'ACCEPTED' || pcnActivities.length === 0) continue;
          const activity = random.pick(pcnActivities);
          const attends = episode.target !== 'ACCEPTED' && random.chance(0.8);
          const firstSession = at + random.int(2, 7) * DAY;
          const prescribed: { prescriptionId?: string } = {};
          schedule(at + 3_600_000, async () => {
            const referralId = (state.referral as Referral).referralId;
            const prescription = await prescribeActivity(activityDeps, admin, {
              referralId,
              activityId: activity.activityId,
              startDate: toIsoDate(clock.now()),
            });
            prescribed.prescriptionId = prescription.prescriptionId;
          });
          if (attends && firstSession < today) {
            schedule(firstSession, async () => {
              const result = await recordAttendance(activityDeps, admin, {
                prescriptionId: prescribed.prescriptionId as string,
                sessionDate: toIsoDate(clock.now()),
                status: 'ATTENDED',
              });
              // The follow-ups the engine scheduled in reaction to the first attended session.
              const patientId = (state.referral as Referral).patientId;
              const followUps = (await checkIns.checkIns.listByPatient(patientId)).filter(
                (checkIn) =>
                  checkIn.prescriptionId === result.prescription.prescriptionId && checkIn.wave !== 'BASELINE',
              );
              wakeForCheckIns(followUps);
            });
          }
        }
      }
    }
  }

  // Walk the year in time order, running the dispatcher each weekday morning as AWS would, and letting the seeded
  // patients answer their texts, so check-ins end up in every state with real message threads.
  events.sort((a, b) => a.at - b.at || a.order - b.order);
  const runDispatcherUntil = async (until: number) => {
    for (;;) {
      const due = [...wakeups].filter((time) => time <= until);
      if (due.length === 0) return;
      const morning = Math.min(...due);
      wakeups.delete(morning);
      clock.set(morning);
      await dispatchDueCheckIns(checkIns, {
        policy,
        ratePerSecond: 1_000_000,
        runBudgetMs: 600_000,
        sleep: async () => {},
      });
      let replyAt = morning;
      while (phones.inbox.length > 0) {
        const text = phones.inbox.shift() as PendingText;
        wakeAt(replyAt + policy.reminderAfterMs + 60_000);
        wakeAt(replyAt + policy.expireAfterMs + 60_000);
        const reply = phones.answer(text);
        if (reply === undefined) continue;
        replyAt += random.int(2, 25) * 60_000;
        clock.set(replyAt);
        await handleInboundSms(checkIns, { from: text.to, body: reply, inboundMessageId: newId() }, { policy });
      }
    }
  };
  for (const event of events) {
    await runDispatcherUntil(event.at);
    clock.set(event.at);
    await event.run();
  }
  await runDispatcherUntil(today - DAY / 2);
  clock.set(today);
  return { activities, referrals };
}

/** 10:00 UTC on the first weekday at or after `time` (inside the default sending window, summer or winter). */
function weekdayMorningAfter(time: number): number {
  const day = new Date(time);
  day.setUTCHours(10, 0, 0, 0);
  if (day.getTime() < time) day.setUTCDate(day.getUTCDate() + 1);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.getTime();
}

function pathTo(target: ReferralStatus): ReferralStatus[] {
  if (target === 'RECEIVED') return [];
  if (target === 'UNABLE_TO_CONTACT') return ['UNABLE_TO_CONTACT'];
  if (target === 'DECLINED') return ['CONTACTED', 'DECLINED'];
  return PATH.slice(0, PATH.indexOf(target) + 1);
}

function principalOf(user: StaffUser | undefined): Principal {
  if (!user) throw new Error('the demo data set has no admin');
  return { userId: user.userId, role: user.role, organisationId: user.organisationId, icbId: user.icbId };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
