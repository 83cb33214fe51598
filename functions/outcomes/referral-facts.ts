import {
  type AttendanceSnapshot,
  byTimeThenId,
  type Counters,
  closureCounter,
  earliest,
  type Fact,
  firstContactCounter,
  latestTime,
  measureCounter,
  type OutcomeSnapshot,
  pairCounter,
  profileOf,
  type ReferralEventSnapshot,
  type ReferralProfile,
  type ReferralRecord,
  SNOMED_ACCEPTED,
  SNOMED_DECLINED,
} from './facts';
import { bandLabelOf, figureItemSpec, type InstrumentItemSpec, UCLA3_ITEMS, UCLA3_TOTAL_KEY } from './instruments';
import {
  BASELINE,
  CLOSURE_REASON_OF_STATUS,
  CONTACT_STATUSES,
  directionOf,
  type FlowMetric,
  FOLLOW_UP_WAVES,
  firstContactBandOf,
  KNOWN_CATEGORIES,
  type MeasuredWave,
  monthOf,
} from './vocabulary';

/*
 * The facts of one referral (one person's episode), each counted once:
 *  - referral#<id>#RECEIVED | ACCEPTED | DECLINED | CONCERN: the episode, its first acceptance / decline event, its
 *    first concern;
 *  - referral#<id>#CONTACT: the first move into CONTACTED or ACCEPTED, with the days since the referral was received
 *    (time to first contact), in the month of that contact;
 *  - referral#<id>#CLOSED: the first move into a terminal status, counted by closure reason;
 *  - referral#<id>#ENGAGED: the first session *attended* of any activity (from the attendance register, whatever
 *    order sessions were recorded in), and referral#<id>#ENGAGED#<category>: the first attended in each category;
 *  - checkin#<id>#SENT | ANSWERED | NO_RESPONSE: once per check-in, in the month it was scheduled for;
 *  - outcome#<id>#<instrument.item>#<wave>: the earliest measurement of that item in that wave, in its band;
 *    UCLA3.total: the three UCLA3 items' earliest measurements in a wave added up, when all three exist;
 *  - pair#<id>#<instrument.item>#<wave>: that follow-up minus the same episode's baseline.
 * The fixed slots are derived even when empty, so a fact whose records went away is taken back out.
 */

const DAY_MS = 86_400_000;

type FactDraft = Omit<Fact, 'profile' | 'categoryOnly' | 'categories'> & Partial<Fact>;

export function referralFacts(record: ReferralRecord): Fact[] {
  const profile = profileOf(record.referral, record.patient);
  const id = record.referral.referralId;
  const facts: Fact[] = [];
  const add = (draft: FactDraft) => facts.push({ profile, categories: [], categoryOnly: false, ...draft });
  const slot = (factId: string, at: string | undefined, recordedAt: string | undefined, counters: Counters) =>
    add({
      id: factId,
      period: at ? monthOf(at) : '',
      recordedAt: recordedAt ?? at ?? '',
      counters: at ? counters : {},
    });
  const flow = (metric: FlowMetric): Counters => ({ [metric]: 1 });
  const { referral } = record;

  slot(`referral#${id}#RECEIVED`, referral.receivedAt, referral.createdAt, flow('referralsReceived'));
  const eventTime = byTimeThenId<ReferralEventSnapshot>(
    (e) => e.at,
    (e) => e.eventId,
  );
  const firstEvent = (match: (e: ReferralEventSnapshot) => boolean) => record.events.filter(match).sort(eventTime)[0];
  const accepted = firstEvent((e) => e.toStatus === 'ACCEPTED' || e.snomedCode === SNOMED_ACCEPTED);
  slot(`referral#${id}#ACCEPTED`, accepted?.at, accepted?.at, flow('referralsAccepted'));
  const declined = firstEvent((e) => e.toStatus === 'DECLINED' || e.snomedCode === SNOMED_DECLINED);
  slot(`referral#${id}#DECLINED`, declined?.at, declined?.at, flow('referralsDeclined'));

  const contact = firstEvent((e) => e.toStatus !== undefined && CONTACT_STATUSES.includes(e.toStatus));
  const days = contact
    ? Math.max(0, Math.floor((Date.parse(contact.at) - Date.parse(referral.receivedAt)) / DAY_MS))
    : 0;
  slot(`referral#${id}#CONTACT`, contact?.at, contact?.at, {
    [firstContactCounter.n]: 1,
    [firstContactCounter.sum]: days,
    [firstContactCounter.sumSq]: days * days,
    [firstContactCounter.band(firstContactBandOf(days))]: 1,
  });

  const closed = firstEvent((e) => e.toStatus !== undefined && CLOSURE_REASON_OF_STATUS[e.toStatus] !== undefined);
  slot(`referral#${id}#CLOSED`, closed?.at, closed?.at, {
    [closureCounter.n]: 1,
    [closureCounter.reason(CLOSURE_REASON_OF_STATUS[closed?.toStatus ?? ''] ?? 'COMPLETED')]: 1,
  });

  slot(`referral#${id}#CONCERN`, referral.concernRaisedAt, referral.concernRaisedAt, flow('concernsRaised'));

  facts.push(...engagementFacts(record, profile));

  for (const checkIn of record.checkIns) {
    const cid = checkIn.checkInId;
    const at = checkIn.scheduledFor;
    const sent = checkIn.introSent || checkIn.questionSentAt !== undefined;
    slot(`checkin#${cid}#SENT`, sent ? at : undefined, checkIn.questionSentAt ?? at, flow('checkInsSent'));
    const answered = (checkIn.answeredCount ?? 0) > 0;
    slot(`checkin#${cid}#ANSWERED`, answered ? at : undefined, checkIn.updatedAt ?? at, flow('checkInsAnswered'));
    const expired = checkIn.status === 'NO_RESPONSE';
    slot(
      `checkin#${cid}#NO_RESPONSE`,
      expired ? at : undefined,
      checkIn.closedAt ?? checkIn.updatedAt ?? at,
      flow('checkInsNoResponse'),
    );
  }

  facts.push(...outcomeFacts(record, profile));
  return facts;
}

/* ---- engagement, from the attendance register ------------------------------------------------------------------ */

/** An activity's category as a group of the breakdown: a category outside the directory's list counts as OTHER. */
function categoryGroup(category: string | undefined): string | undefined {
  if (category === undefined) return undefined;
  return KNOWN_CATEGORIES.includes(category) ? category : 'OTHER';
}

function attendedSessions(record: ReferralRecord): (AttendanceSnapshot & { category?: string })[] {
  const categoryOf = new Map(record.prescriptions.map((p) => [p.prescriptionId, categoryGroup(p.category)]));
  return record.attendance
    .filter((session) => session.status === 'ATTENDED')
    .map((session) => ({ ...session, category: categoryOf.get(session.prescriptionId) }));
}

const firstSession = (sessions: readonly AttendanceSnapshot[]) =>
  earliest(
    sessions,
    (s) => s.sessionDate,
    (s) => s.attendanceId,
  );

/** Categories of activities the referral had attended a session of on or before `isoTime`'s day. */
export function engagedCategoriesAt(record: ReferralRecord, isoTime: string): string[] {
  const day = isoTime.slice(0, 10);
  const categories = attendedSessions(record)
    .filter((session) => session.sessionDate <= day && session.category !== undefined)
    .map((session) => session.category!);
  return [...new Set(categories)].sort();
}

function engagementFacts(record: ReferralRecord, profile: ReferralProfile): Fact[] {
  const id = record.referral.referralId;
  const attended = attendedSessions(record);
  const fact = (factId: string, session: AttendanceSnapshot | undefined, category?: string): Fact => ({
    id: factId,
    period: session ? monthOf(session.sessionDate) : '',
    recordedAt: session?.recordedAt ?? session?.sessionDate ?? '',
    profile,
    categories: category ? [category] : [],
    categoryOnly: category !== undefined,
    counters: session ? { peopleEngaged: 1 } : {},
  });
  const facts = [fact(`referral#${id}#ENGAGED`, firstSession(attended))];
  const categories = new Set(
    record.prescriptions
      .map((p) => categoryGroup(p.category))
      .filter((category): category is string => category !== undefined),
  );
  for (const category of [...categories].sort()) {
    facts.push(
      fact(
        `referral#${id}#ENGAGED#${category}`,
        firstSession(attended.filter((session) => session.category === category)),
        category,
      ),
    );
  }
  return facts;
}

/* ---- outcome measurements ------------------------------------------------------------------------------------------ */

interface Chosen {
  value: number;
  measuredAt: string;
  recordedAt: string;
}

function measurementCounters(key: string, wave: MeasuredWave, value: number, spec?: InstrumentItemSpec): Counters {
  const counters: Counters = {
    [measureCounter.n(key, wave)]: 1,
    [measureCounter.sum(key, wave)]: value,
    [measureCounter.sumSq(key, wave)]: value * value,
  };
  const band = bandLabelOf(spec, value);
  if (band !== undefined) counters[measureCounter.band(key, wave, band)] = 1;
  return counters;
}

function pairCounters(key: string, wave: string, baseline: number, followUp: number): Counters {
  const change = followUp - baseline;
  return {
    [pairCounter(key, wave, 'n')]: 1,
    [pairCounter(key, wave, 'sumBase')]: baseline,
    [pairCounter(key, wave, 'sumSqBase')]: baseline ** 2,
    [pairCounter(key, wave, 'sumFollow')]: followUp,
    [pairCounter(key, wave, 'sumSqFollow')]: followUp ** 2,
    [pairCounter(key, wave, 'sumChange')]: change,
    [pairCounter(key, wave, 'sumSqChange')]: change * change,
    [pairCounter(key, wave, directionOf(key, change))]: 1,
  };
}

/** Per item, per wave: the earliest measurement. */
function chosenMeasurements(outcomes: readonly OutcomeSnapshot[]): Map<string, Map<string, Chosen>> {
  const byItem = new Map<string, OutcomeSnapshot[]>();
  for (const outcome of outcomes) {
    if (!Number.isFinite(outcome.value)) continue;
    const key = `${outcome.instrument}.${outcome.item}`;
    byItem.set(key, [...(byItem.get(key) ?? []), outcome]);
  }
  const chosen = new Map<string, Map<string, Chosen>>();
  for (const [key, measurements] of byItem) {
    const waves = new Map<string, Chosen>();
    for (const wave of [BASELINE, ...FOLLOW_UP_WAVES]) {
      const first = earliest(
        measurements.filter((m) => m.wave === wave),
        (m) => m.measuredAt,
        (m) => m.outcomeId,
      );
      if (first) {
        waves.set(wave, {
          value: first.value,
          measuredAt: first.measuredAt,
          recordedAt: first.createdAt ?? first.measuredAt,
        });
      }
    }
    chosen.set(key, waves);
  }
  const total = uclaTotals(chosen);
  if (total.size > 0) chosen.set(UCLA3_TOTAL_KEY, total);
  return chosen;
}

/** UCLA3.total per wave: the three items added up, when all three were answered in that wave. */
function uclaTotals(chosen: Map<string, Map<string, Chosen>>): Map<string, Chosen> {
  const totals = new Map<string, Chosen>();
  for (const wave of [BASELINE, ...FOLLOW_UP_WAVES]) {
    const parts = UCLA3_ITEMS.map((key) => chosen.get(key)?.get(wave));
    if (parts.some((part) => part === undefined)) continue;
    const defined = parts as Chosen[];
    totals.set(wave, {
      value: defined.reduce((sum, part) => sum + part.value, 0),
      measuredAt: latestTime(...defined.map((part) => part.measuredAt))!,
      recordedAt: latestTime(...defined.map((part) => part.recordedAt))!,
    });
  }
  return totals;
}

function outcomeFacts(record: ReferralRecord, profile: ReferralProfile): Fact[] {
  const id = record.referral.referralId;
  const facts: Fact[] = [];
  const chosen = chosenMeasurements(record.outcomes);
  for (const [key, waves] of [...chosen].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const spec = figureItemSpec(key);
    const baseline = waves.get(BASELINE);
    for (const wave of [BASELINE, ...FOLLOW_UP_WAVES] as MeasuredWave[]) {
      const measurement = waves.get(wave);
      const common = {
        profile,
        categories: measurement ? engagedCategoriesAt(record, measurement.measuredAt) : [],
        categoryOnly: false,
      };
      facts.push({
        id: `outcome#${id}#${key}#${wave}`,
        period: measurement ? monthOf(measurement.measuredAt) : '',
        recordedAt: measurement?.recordedAt ?? '',
        counters: measurement ? measurementCounters(key, wave, measurement.value, spec) : {},
        ...common,
      });
      if (wave === BASELINE) continue;
      const paired = measurement && baseline;
      facts.push({
        id: `pair#${id}#${key}#${wave}`,
        period: paired ? monthOf(measurement.measuredAt) : '',
        recordedAt: paired ? latestTime(baseline.recordedAt, measurement.recordedAt)! : '',
        counters: paired ? pairCounters(key, wave, baseline.value, measurement.value) : {},
        ...common,
      });
    }
  }
  return facts;
}
