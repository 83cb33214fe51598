import { recordKey } from '../../../functions/outcomes/disclosure';
import type { ActivitySpec, Measurement, PersonSpec } from './population';

/*
 * Expected raw counters computed directly from the test's model of the population, with the rules as documented
 * (docs/decisions/0002), written out again here rather than calling the folding code. Only the record-key hash is
 * shared with production (the cell key of a cell is the sum of its facts' keys, by definition). Counter names are
 * the aggregate items' contract.
 */

export type ScopeSpec = { kind: 'NATIONAL' | 'ICB' | 'PCN' | 'PRACTICE'; id: string };
export type Dim =
  | 'NONE'
  | 'ACTIVITY_CATEGORY'
  | 'NEED'
  | 'AGE_BAND'
  | 'SEX'
  | 'ETHNICITY'
  | 'REFERRAL_SOURCE'
  | 'ICB'
  | 'PCN'
  | 'PRACTICE';
export type Counters = Record<string, number>;

const DAY = 86_400_000;
const WAVES = ['WEEK_1', 'WEEK_6', 'WEEK_12'] as const;
const ETHNIC: Record<string, string> = {
  A: 'WHITE',
  B: 'WHITE',
  D: 'MIXED',
  H: 'ASIAN_OR_ASIAN_BRITISH',
  J: 'ASIAN_OR_ASIAN_BRITISH',
  M: 'BLACK_OR_BLACK_BRITISH',
  N: 'BLACK_OR_BLACK_BRITISH',
  R: 'OTHER_ETHNIC_GROUP',
  Z: 'NOT_STATED',
};
const LONELINESS = ['Often/always', 'Some of the time', 'Occasionally', 'Hardly ever', 'Never'];
const UCLA = ['Hardly ever or never', 'Some of the time', 'Often'];
const LOWER_IS_BETTER = ['ONS4.anxiety', 'UCLA3.companionship', 'UCLA3.leftOut', 'UCLA3.isolated', 'UCLA3.total'];

function band(key: string, value: number): string {
  if (key === 'ONS4.anxiety') return value <= 1 ? 'very low' : value <= 3 ? 'low' : value <= 5 ? 'medium' : 'high';
  if (key.startsWith('ONS4.')) return value <= 4 ? 'low' : value <= 6 ? 'medium' : value <= 8 ? 'high' : 'very high';
  if (key === 'ONS_LONELINESS.lonely') return LONELINESS[value - 1]!;
  if (key === 'UCLA3.total') return value >= 6 ? '6-9' : '3-5';
  return UCLA[value - 1]!;
}

function inScope(person: PersonSpec, scope: ScopeSpec): boolean {
  if (scope.kind === 'NATIONAL') return true;
  const field = { ICB: 'icbId', PCN: 'pcnId', PRACTICE: 'practiceId' } as const;
  return person.org[field[scope.kind]] === scope.id;
}

export function groupsOf(person: PersonSpec, dimension: Dim): string[] {
  switch (dimension) {
    case 'NONE':
      return ['ALL'];
    case 'NEED':
      return person.needs.length ? [...new Set(person.needs)].sort() : ['NOT_RECORDED'];
    case 'AGE_BAND':
      return [person.ageBand];
    case 'SEX':
      return [person.sex];
    case 'ETHNICITY':
      return [person.ethnicity ? ETHNIC[person.ethnicity]! : 'NOT_RECORDED'];
    case 'REFERRAL_SOURCE':
      return [person.source];
    case 'ICB':
      return [person.org.icbId];
    case 'PCN':
      return [person.org.pcnId];
    case 'PRACTICE':
      return [person.org.practiceId];
    case 'ACTIVITY_CATEGORY':
      return [];
  }
}

const byTime =
  <T>(time: (x: T) => string, id: (x: T) => string) =>
  (a: T, b: T) =>
    time(a) === time(b) ? id(a).localeCompare(id(b)) : time(a).localeCompare(time(b));

interface Cell {
  add(group: string, counter: string, factId: string, value?: number): void;
  sum(group: string, counter: string, value: number): void;
}

/**
 * Each group's raw counters for the people of `scope` over a period (its `months`; `id` names the period for
 * distinct people), for one breakdown.
 */
export function expectedCounters(
  people: readonly PersonSpec[],
  activities: readonly ActivitySpec[],
  scope: ScopeSpec,
  dimension: Dim,
  period: { id: string; months: readonly string[] },
): Map<string, Counters> {
  const categoryOf = new Map(activities.map((a) => [a.activityId, a.category]));
  const groups = new Map<string, Counters>();
  const of = (group: string) => groups.get(group) ?? groups.set(group, {}).get(group)!;
  const cell: Cell = {
    add(group, counter, factId, value = 1) {
      const counters = of(group);
      counters[counter] = (counters[counter] ?? 0) + value;
      counters[`${counter}#k`] = (counters[`${counter}#k`] ?? 0) + value * recordKey(factId);
    },
    sum(group, counter, value) {
      const counters = of(group);
      counters[counter] = (counters[counter] ?? 0) + value;
    },
  };
  const inPeriod = (isoTime: string | undefined) =>
    isoTime !== undefined && period.months.includes(isoTime.slice(0, 7));
  const byCategory = dimension === 'ACTIVITY_CATEGORY';

  for (const person of people.filter((p) => inScope(p, scope))) {
    const personGroups = groupsOf(person, dimension);
    const id = person.referralId;
    const flow = (metric: string, factId: string, at: string | undefined) => {
      if (!inPeriod(at)) return;
      for (const g of personGroups) cell.add(g, metric, factId);
    };
    flow('referralsReceived', `referral#${id}#RECEIVED`, person.receivedAt);
    flow('referralsAccepted', `referral#${id}#ACCEPTED`, person.acceptedAt);
    flow('referralsDeclined', `referral#${id}#DECLINED`, person.declinedAt);
    flow('concernsRaised', `referral#${id}#CONCERN`, person.concernAt);

    const contact = [person.contactedAt, person.acceptedAt].filter(Boolean).sort()[0];
    if (contact && inPeriod(contact)) {
      // Whole days, never negative (a contact logged with an earlier clock time on the day of referral is day 0).
      const days = Math.max(0, Math.floor((Date.parse(contact) - Date.parse(person.receivedAt)) / DAY));
      const bandOfDays =
        days <= 7 ? 'WITHIN_7_DAYS' : days <= 14 ? 'DAYS_8_TO_14' : days <= 28 ? 'DAYS_15_TO_28' : 'OVER_28_DAYS';
      for (const g of personGroups) {
        cell.add(g, 'firstContact|n', `referral#${id}#CONTACT`);
        cell.sum(g, 'firstContact|sum', days);
        cell.sum(g, 'firstContact|sumSq', days * days);
        cell.add(g, `firstContact|band|${bandOfDays}`, `referral#${id}#CONTACT`);
      }
    }
    const ending = person.declinedAt
      ? { at: person.declinedAt, reason: 'DECLINED' }
      : person.closed
        ? { at: person.closed.at, reason: person.closed.as === 'CLOSED' ? 'COMPLETED' : 'UNABLE_TO_CONTACT' }
        : undefined;
    if (ending && inPeriod(ending.at)) {
      for (const g of personGroups) {
        cell.add(g, 'closures|n', `referral#${id}#CLOSED`);
        cell.add(g, `closures|reason|${ending.reason}`, `referral#${id}#CLOSED`);
      }
    }

    // Engagement: the first session attended, by session date, whatever order the register was written in.
    const attended = person.prescriptions.flatMap((p) =>
      p.sessions.filter((s) => s.status === 'ATTENDED').map((s) => ({ ...s, category: categoryOf.get(p.activityId)! })),
    );
    const first = [...attended].sort(
      byTime(
        (s) => s.sessionDate,
        (s) => s.attendanceId,
      ),
    )[0];
    flow('peopleEngaged', `referral#${id}#ENGAGED`, first?.sessionDate);
    if (byCategory) {
      for (const category of new Set(attended.map((s) => s.category))) {
        const firstOf = attended
          .filter((s) => s.category === category)
          .sort(
            byTime(
              (s) => s.sessionDate,
              (s) => s.attendanceId,
            ),
          )[0]!;
        if (inPeriod(firstOf.sessionDate)) cell.add(category, 'peopleEngaged', `referral#${id}#ENGAGED#${category}`);
      }
    }
    const categoriesAt = (isoTime: string) => [
      ...new Set(attended.filter((s) => s.sessionDate <= isoTime.slice(0, 10)).map((s) => s.category)),
    ];

    for (const c of person.checkIns) {
      if (c.sent) flow('checkInsSent', `checkin#${c.checkInId}#SENT`, c.scheduledFor);
      if (c.answered) flow('checkInsAnswered', `checkin#${c.checkInId}#ANSWERED`, c.scheduledFor);
      if (c.noResponse) flow('checkInsNoResponse', `checkin#${c.checkInId}#NO_RESPONSE`, c.scheduledFor);
    }

    // Per item and wave, the earliest measurement (then the smallest id).
    const chosen = new Map<string, Map<string, Pick<Measurement, 'value' | 'measuredAt'>>>();
    const sorted = [...person.outcomes].sort(
      byTime(
        (m) => m.measuredAt,
        (m) => m.outcomeId,
      ),
    );
    for (const m of sorted) {
      const key = `${m.instrument}.${m.item}`;
      const waves = chosen.get(key) ?? chosen.set(key, new Map()).get(key)!;
      if (!waves.has(m.wave)) waves.set(m.wave, m);
    }
    const ucla = new Map<string, Pick<Measurement, 'value' | 'measuredAt'>>();
    for (const wave of ['BASELINE', ...WAVES]) {
      const parts = ['companionship', 'leftOut', 'isolated'].map((item) => chosen.get(`UCLA3.${item}`)?.get(wave));
      if (parts.every(Boolean)) {
        ucla.set(wave, {
          value: parts.reduce((sum, part) => sum + part!.value, 0),
          measuredAt: parts.map((part) => part!.measuredAt).sort()[2]!,
        });
      }
    }
    if (ucla.size > 0) chosen.set('UCLA3.total', ucla);

    for (const [key, waves] of chosen) {
      const groupsAt = (at: string) => (byCategory ? categoriesAt(at) : personGroups);
      const baseline = waves.get('BASELINE');
      for (const wave of ['BASELINE', ...WAVES]) {
        const m = waves.get(wave);
        if (!m || !inPeriod(m.measuredAt)) continue;
        const factId = `outcome#${id}#${key}#${wave}`;
        for (const g of groupsAt(m.measuredAt)) {
          cell.add(g, `${key}|${wave}|n`, factId);
          cell.sum(g, `${key}|${wave}|sum`, m.value);
          cell.sum(g, `${key}|${wave}|sumSq`, m.value * m.value);
          cell.add(g, `${key}|${wave}|band|${band(key, m.value)}`, factId);
          if (wave === 'BASELINE' || !baseline) continue;
          const pairId = `pair#${id}#${key}#${wave}`;
          const change = m.value - baseline.value;
          const direction =
            change === 0 ? 'unchanged' : change > 0 === !LOWER_IS_BETTER.includes(key) ? 'improved' : 'worse';
          const p = (field: string) => `${key}|${wave}|pair|${field}`;
          cell.add(g, p('n'), pairId);
          cell.sum(g, p('sumBase'), baseline.value);
          cell.sum(g, p('sumSqBase'), baseline.value ** 2);
          cell.sum(g, p('sumFollow'), m.value);
          cell.sum(g, p('sumSqFollow'), m.value ** 2);
          cell.sum(g, p('sumChange'), change);
          cell.sum(g, p('sumSqChange'), change * change);
          cell.add(g, p(direction), pairId);
        }
      }
    }
  }

  if (!byCategory) {
    // People: once per patient in the period, in the groups of their first referral of the period; opt-outs: in
    // the groups of the referral the opt-out is attributed to.
    const byPatient = new Map<string, PersonSpec[]>();
    for (const person of people) byPatient.set(person.patientId, [...(byPatient.get(person.patientId) ?? []), person]);
    for (const [patientId, referrals] of byPatient) {
      const ordered = [...referrals].sort(
        byTime(
          (p) => p.receivedAt,
          (p) => p.referralId,
        ),
      );
      const firstInPeriod = ordered.find((p) => inPeriod(p.receivedAt));
      if (firstInPeriod && inScope(firstInPeriod, scope)) {
        for (const g of groupsOf(firstInPeriod, dimension))
          cell.add(g, 'peopleReferred', `person#${patientId}#${period.id}`);
      }
      const optedOutAt = referrals.find((p) => p.optedOutAt)?.optedOutAt;
      if (optedOutAt && inPeriod(optedOutAt)) {
        const attributed = ordered.filter((p) => p.receivedAt <= optedOutAt).pop() ?? ordered[0]!;
        if (inScope(attributed, scope)) {
          for (const g of groupsOf(attributed, dimension)) cell.add(g, 'optOuts', `patient#${patientId}#OPTOUT`);
        }
      }
    }
  }
  for (const [group, counters] of groups) {
    for (const [name, value] of Object.entries(counters)) if (value === 0) delete counters[name];
    if (Object.keys(counters).length === 0) groups.delete(group);
  }
  return groups;
}
