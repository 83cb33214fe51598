import { studentTQuantile } from '../../../functions/outcomes/statistics';
import { type ActivitySpec, bandOf, type Measurement, type PersonSpec, WAVES } from './population';

/*
 * Expected figures computed directly from the test's model of the population, with the rules as documented
 * (docs/decisions/0002), written out again here rather than calling the folding code. Only the t quantile is shared
 * with production (it is unit-tested against published tables).
 */

export type ScopeSpec = { kind: 'NATIONAL' | 'ICB' | 'PCN' | 'PRACTICE'; id: string };
export type Dim = 'NONE' | 'ACTIVITY_CATEGORY' | 'NEED' | 'AGE_BAND' | 'SEX' | 'ICB' | 'PCN' | 'PRACTICE';
export const ITEMS = ['happiness', 'anxiety'] as const;

interface ItemRaw {
  baseline: number[];
  baselineBands: Record<string, number>;
  followUp: Record<string, number[]>;
  followUpBands: Record<string, Record<string, number>>;
  pairs: Record<string, { base: number; follow: number }[]>;
}

export interface RawGroup {
  referralsReceived: number;
  referralsAccepted: number;
  referralsDeclined: number;
  peopleEngaged: number;
  checkInsSent: number;
  checkInsAnswered: number;
  checkInsNoResponse: number;
  optOuts: number;
  concernsRaised: number;
  items: Record<string, ItemRaw>;
}

function emptyGroup(): RawGroup {
  const items: Record<string, ItemRaw> = {};
  for (const item of ITEMS) {
    items[item] = {
      baseline: [],
      baselineBands: {},
      followUp: Object.fromEntries(WAVES.map((w) => [w, []])),
      followUpBands: Object.fromEntries(WAVES.map((w) => [w, {}])),
      pairs: Object.fromEntries(WAVES.map((w) => [w, []])),
    };
  }
  return {
    referralsReceived: 0,
    referralsAccepted: 0,
    referralsDeclined: 0,
    peopleEngaged: 0,
    checkInsSent: 0,
    checkInsAnswered: 0,
    checkInsNoResponse: 0,
    optOuts: 0,
    concernsRaised: 0,
    items,
  };
}

function inScope(person: PersonSpec, scope: ScopeSpec): boolean {
  if (scope.kind === 'NATIONAL') return true;
  const field = { ICB: 'icbId', PCN: 'pcnId', PRACTICE: 'practiceId' } as const;
  return person.org[field[scope.kind]] === scope.id;
}

function earliestOf(measurements: Measurement[]): Measurement | undefined {
  return [...measurements].sort((a, b) =>
    a.measuredAt === b.measuredAt ? a.outcomeId.localeCompare(b.outcomeId) : a.measuredAt.localeCompare(b.measuredAt),
  )[0];
}

/** Raw figures per group of one breakdown, for the people of `scope`, over `months`. */
export function expectedRaw(
  people: readonly PersonSpec[],
  activities: readonly ActivitySpec[],
  scope: ScopeSpec,
  months: readonly string[],
  dimension: Dim,
): Map<string, RawGroup> {
  const categoryOf = new Map(activities.map((a) => [a.activityId, a.category]));
  const groups = new Map<string, RawGroup>();
  const group = (g: string) => {
    if (!groups.has(g)) groups.set(g, emptyGroup());
    return groups.get(g)!;
  };
  const inPeriod = (iso: string | undefined) => iso !== undefined && months.includes(iso.slice(0, 7));

  for (const person of people.filter((p) => inScope(p, scope))) {
    const attended = person.prescriptions.filter((p) => p.firstAttendedOn);
    const categoriesAt = (iso: string) => [
      ...new Set(
        attended.filter((p) => p.firstAttendedOn! <= iso.slice(0, 10)).map((p) => categoryOf.get(p.activityId)!),
      ),
    ];
    // The groups a person-level figure counts in (non-category breakdowns).
    const personGroups: string[] =
      dimension === 'NONE'
        ? ['ALL']
        : dimension === 'NEED'
          ? person.needs.length
            ? [...new Set(person.needs)]
            : ['NOT_RECORDED']
          : dimension === 'AGE_BAND'
            ? [person.ageBand]
            : dimension === 'SEX'
              ? [person.sex]
              : dimension === 'ICB'
                ? [person.org.icbId]
                : dimension === 'PCN'
                  ? [person.org.pcnId]
                  : dimension === 'PRACTICE'
                    ? [person.org.practiceId]
                    : [];
    const flow = (metric: keyof Omit<RawGroup, 'items'>, iso: string | undefined) => {
      if (!inPeriod(iso)) return;
      for (const g of personGroups) group(g)[metric] += 1;
    };
    flow('referralsReceived', person.receivedAt);
    flow('referralsAccepted', person.acceptedAt);
    flow('referralsDeclined', person.declinedAt);
    flow('concernsRaised', person.concernAt);
    flow('optOuts', person.optedOutAt);
    const firstAttended = attended.map((p) => p.firstAttendedOn!).sort()[0];
    flow('peopleEngaged', firstAttended);
    if (dimension === 'ACTIVITY_CATEGORY') {
      const byCategory = new Map<string, string>();
      for (const p of attended) {
        const category = categoryOf.get(p.activityId)!;
        const current = byCategory.get(category);
        if (!current || p.firstAttendedOn! < current) byCategory.set(category, p.firstAttendedOn!);
      }
      for (const [category, day] of byCategory) if (inPeriod(day)) group(category).peopleEngaged += 1;
    }
    for (const c of person.checkIns) {
      if (c.sent) flow('checkInsSent', c.scheduledFor);
      if (c.answered) flow('checkInsAnswered', c.scheduledFor);
      if (c.noResponse) flow('checkInsNoResponse', c.scheduledFor);
    }
    for (const item of ITEMS) {
      const of = (wave: string) => earliestOf(person.outcomes.filter((m) => m.item === item && m.wave === wave));
      const baseline = of('BASELINE');
      const groupsFor = (m: Measurement) =>
        dimension === 'ACTIVITY_CATEGORY' ? categoriesAt(m.measuredAt) : personGroups;
      if (baseline && inPeriod(baseline.measuredAt)) {
        for (const g of groupsFor(baseline)) {
          const raw = group(g).items[item]!;
          raw.baseline.push(baseline.value);
          const band = bandOf(item, baseline.value);
          raw.baselineBands[band] = (raw.baselineBands[band] ?? 0) + 1;
        }
      }
      for (const wave of WAVES) {
        const follow = of(wave);
        if (!follow || !inPeriod(follow.measuredAt)) continue;
        for (const g of groupsFor(follow)) {
          const raw = group(g).items[item]!;
          raw.followUp[wave]!.push(follow.value);
          const band = bandOf(item, follow.value);
          raw.followUpBands[wave]![band] = (raw.followUpBands[wave]![band] ?? 0) + 1;
          if (baseline) raw.pairs[wave]!.push({ base: baseline.value, follow: follow.value });
        }
      }
    }
  }
  return groups;
}

/* ---- the disclosure rules, written out for the test ---------------------------------------------------------- */

export type Released = { value: number | null; suppressed: boolean };

export function count(n: number, exempt: boolean): Released {
  if (exempt || n === 0) return { value: n, suppressed: false };
  if (n <= 7) return { value: null, suppressed: true };
  return { value: Math.round(n / 5) * 5, suppressed: false };
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const r1 = (x: number) => Math.round(x * 10) / 10;

export function meanOf(values: number[], exempt: boolean): Released {
  if (values.length === 0) return { value: null, suppressed: false };
  if (!exempt && values.length <= 7) return { value: null, suppressed: true };
  return { value: r2(values.reduce((a, b) => a + b, 0) / values.length), suppressed: false };
}

export function share(part: number, whole: number, exempt: boolean): Released {
  const top = count(part, exempt);
  const bottom = count(whole, exempt);
  if (top.suppressed || bottom.suppressed) return { value: null, suppressed: true };
  if (!bottom.value) return { value: null, suppressed: false };
  return { value: r1((100 * top.value!) / bottom.value), suppressed: false };
}

export function interval(changes: number[], exempt: boolean) {
  const n = changes.length;
  if (n === 0) return { lower: null, upper: null, suppressed: false };
  if (!exempt && n <= 7) return { lower: null, upper: null, suppressed: true };
  if (n < 2) return { lower: null, upper: null, suppressed: false };
  const mean = changes.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(changes.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  const half = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return { lower: r2(mean - half), upper: r2(mean + half), suppressed: false };
}

const ONS4_BAND_LABELS = ['low', 'medium', 'high', 'very high'];
const ANXIETY_BAND_LABELS = ['very low', 'low', 'medium', 'high'];

/** The expected released row, in the shape outcomeSummary returns (ONS4 happiness and anxiety only). */
export function expectedRow(dimension: Dim, groupName: string, raw: RawGroup, exempt: boolean) {
  const na = { value: null, suppressed: false };
  const applies = (metric: string) => dimension !== 'ACTIVITY_CATEGORY' || metric === 'peopleEngaged';
  const c = (metric: keyof Omit<RawGroup, 'items'>) => (applies(metric) ? count(raw[metric], exempt) : na);
  const higherIsBetter = (item: string) => item !== 'anxiety';
  return {
    dimension,
    group: groupName,
    referralsReceived: c('referralsReceived'),
    referralsAccepted: c('referralsAccepted'),
    referralsDeclined: c('referralsDeclined'),
    peopleEngaged: c('peopleEngaged'),
    checkInsSent: c('checkInsSent'),
    checkInsAnswered: c('checkInsAnswered'),
    checkInsNoResponse: c('checkInsNoResponse'),
    checkInResponseRate: applies('checkInsSent') ? share(raw.checkInsAnswered, raw.checkInsSent, exempt) : na,
    optOuts: c('optOuts'),
    concernsRaised: c('concernsRaised'),
    instruments: ITEMS.map((item) => {
      const r = raw.items[item]!;
      const labels = item === 'anxiety' ? ANXIETY_BAND_LABELS : ONS4_BAND_LABELS;
      const measure = (values: number[], bands: Record<string, number>) => ({
        people: count(values.length, exempt),
        mean: meanOf(values, exempt),
        bands: labels.map((band) => ({
          band,
          people: count(bands[band] ?? 0, exempt),
          share: share(bands[band] ?? 0, values.length, exempt),
        })),
      });
      return {
        key: `ONS4.${item}`,
        instrument: 'ONS4',
        item,
        higherIsBetter: higherIsBetter(item),
        baseline: measure(r.baseline, r.baselineBands),
        waves: WAVES.map((wave) => {
          const pairs = r.pairs[wave]!;
          const changes = pairs.map((p) => p.follow - p.base);
          const direction = (d: number) =>
            d === 0 ? 'unchanged' : d > 0 === higherIsBetter(item) ? 'improved' : 'worse';
          const howMany = (which: string) => changes.filter((d) => direction(d) === which).length;
          return {
            wave,
            followUp: measure(r.followUp[wave]!, r.followUpBands[wave]!),
            paired: {
              people: count(pairs.length, exempt),
              baselineMean: meanOf(
                pairs.map((p) => p.base),
                exempt,
              ),
              followUpMean: meanOf(
                pairs.map((p) => p.follow),
                exempt,
              ),
              meanChange: meanOf(changes, exempt),
              meanChangeCi: interval(changes, exempt),
              improved: share(howMany('improved'), pairs.length, exempt),
              unchanged: share(howMany('unchanged'), pairs.length, exempt),
              worse: share(howMany('worse'), pairs.length, exempt),
            },
          };
        }),
      };
    }),
  };
}
