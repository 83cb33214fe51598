import { type StreamPoller, startStreamPoller } from '../../../functions/outcomes/local-stream-poller';
import type { OutcomeRow } from '../../../functions/outcomes/summary';
import { outcomeSummary, outcomeSummaryCsv } from '../../../functions/outcomes/use-cases/outcome-summary';
import { referralActivity } from '../../../functions/outcomes/use-cases/referral-activity';
import { createDataStore, type DataStore } from '../../../functions/platform/dynamodb/client';
import { freshTable, type TestTable } from '../../support/table';
import { type Dim, expectedRaw, expectedRow, ITEMS, type ScopeSpec } from './expected';
import { ACTIVITIES, commissioner, figuresDeps, nationalAdmin, ORGS } from './fixtures';
import { type PersonSpec, randomPopulation, writeActivities, writeOrganisations, writePopulation } from './population';

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const PERIOD = { from: '2026-01-01', to: '2026-06-30' };

/** The released row restricted to the items the population measures, CI bounds compared to within a rounding step. */
function comparable(row: OutcomeRow) {
  return {
    ...row,
    instruments: row.instruments.filter((figures) => (ITEMS as readonly string[]).includes(figures.item)),
  };
}

function expectRowsToMatch(
  actual: OutcomeRow[],
  people: PersonSpec[],
  scope: ScopeSpec,
  dimension: Dim,
  exempt: boolean,
) {
  const raw = expectedRaw(people, ACTIVITIES, scope, MONTHS, dimension);
  const expected = [...raw.keys()].sort().map((group) => expectedRow(dimension, group, raw.get(group)!, exempt));
  const rows = actual.filter((row) => row.dimension === dimension).map(comparable);
  expect(rows.map((row) => row.group)).toEqual(expected.map((row) => row.group));
  rows.forEach((row, i) => {
    const want = expected[i]!;
    // Interval bounds: the running-sums variance and the test's two-pass variance may differ in the last bit.
    const strip = (r: unknown) =>
      JSON.parse(JSON.stringify(r), (key, value) =>
        key === 'meanChangeCi' ? { suppressed: value.suppressed } : value,
      );
    expect(strip(row)).toEqual(strip(want));
    row.instruments.forEach((figures, j) => {
      figures.waves.forEach((wave, k) => {
        const ci = want.instruments[j]!.waves[k]!.paired.meanChangeCi;
        if (ci.lower === null) expect(wave.paired.meanChangeCi.lower).toBeNull();
        else {
          expect(wave.paired.meanChangeCi.lower).toBeCloseTo(ci.lower, 1);
          expect(wave.paired.meanChangeCi.upper).toBeCloseTo(ci.upper!, 1);
        }
      });
    });
  });
}

describe('outcome figures folded from the table stream', () => {
  let table: TestTable;
  let store: DataStore;
  let poller: StreamPoller;
  let people: PersonSpec[];
  const errors: unknown[] = [];

  beforeAll(async () => {
    table = await freshTable();
    store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
    await writeOrganisations(store, ORGS);
    await writeActivities(store, ACTIVITIES);
    people = randomPopulation({
      seed: 20260101,
      people: 160,
      orgs: ORGS,
      activities: ACTIVITIES,
      months: ['2026-01', '2026-02', '2026-03'],
    });
    const started = Date.now();
    await writePopulation(store, people);
    const written = Date.now();
    // The poller starts from the oldest record in the stream, so it folds everything written before it started.
    poller = startStreamPoller({
      endpoint: table.endpoint,
      tableName: table.tableName,
      onError: (error) => errors.push(error),
    });
    await poller.waitUntilIdle();
    process.stderr.write(`population written in ${written - started} ms, folded in ${Date.now() - written} ms\n`);
  }, 480_000);
  afterAll(async () => {
    await poller.stop();
    await table.drop();
  });

  it('folds without errors', () => {
    expect(errors).toEqual([]);
  });

  it('returns every cell of every ICB breakdown equal to an independent computation, suppressed and rounded ones included', async () => {
    const groupBy = ['ACTIVITY_CATEGORY', 'NEED', 'AGE_BAND', 'SEX', 'PCN', 'PRACTICE'] as const;

    const summary = await outcomeSummary(figuresDeps(store), commissioner('ICB-A'), {
      scope: { icbId: 'ICB-A' },
      ...PERIOD,
      groupBy: [...groupBy],
      instruments: ['ONS4'],
    });

    expect(summary.disclosureControl).toBe('CONTROLLED');
    expectRowsToMatch([summary.total], people, { kind: 'ICB', id: 'ICB-A' }, 'NONE', false);
    for (const dimension of groupBy)
      expectRowsToMatch(summary.groups, people, { kind: 'ICB', id: 'ICB-A' }, dimension, false);
    const cells = JSON.stringify(summary);
    expect(cells).toContain('"suppressed":true');
  });

  it('returns PCN and practice figures equal to the independent computation', async () => {
    const pcn = await outcomeSummary(figuresDeps(store), commissioner('ICB-A', 'PCN-A1'), {
      scope: { pcnId: 'PCN-A1' },
      ...PERIOD,
      groupBy: ['PRACTICE', 'SEX'],
      instruments: ['ONS4'],
    });
    const practice = await outcomeSummary(figuresDeps(store), commissioner('ICB-A'), {
      scope: { practiceId: 'PR-A2a' },
      ...PERIOD,
      groupBy: ['NEED'],
      instruments: ['ONS4'],
    });

    expectRowsToMatch([pcn.total], people, { kind: 'PCN', id: 'PCN-A1' }, 'NONE', false);
    expectRowsToMatch(pcn.groups, people, { kind: 'PCN', id: 'PCN-A1' }, 'PRACTICE', false);
    expectRowsToMatch(pcn.groups, people, { kind: 'PCN', id: 'PCN-A1' }, 'SEX', false);
    expectRowsToMatch([practice.total], people, { kind: 'PRACTICE', id: 'PR-A2a' }, 'NONE', false);
    expectRowsToMatch(practice.groups, people, { kind: 'PRACTICE', id: 'PR-A2a' }, 'NEED', false);
  });

  it('returns exact national figures to a national administrator', async () => {
    const summary = await outcomeSummary(figuresDeps(store), nationalAdmin, {
      ...PERIOD,
      groupBy: ['ICB', 'AGE_BAND', 'ACTIVITY_CATEGORY'],
      instruments: ['ONS4'],
    });

    expect(summary.disclosureControl).toBe('EXEMPT');
    expectRowsToMatch([summary.total], people, { kind: 'NATIONAL', id: 'ALL' }, 'NONE', true);
    for (const dimension of ['ICB', 'AGE_BAND', 'ACTIVITY_CATEGORY'] as const) {
      expectRowsToMatch(summary.groups, people, { kind: 'NATIONAL', id: 'ALL' }, dimension, true);
    }
    expect(summary.total.referralsReceived.value).toBe(people.length);
  });

  it('returns one total from its own raw count, not the sum of the released group rows', async () => {
    const summary = await outcomeSummary(figuresDeps(store), commissioner('ICB-A'), {
      scope: { icbId: 'ICB-A' },
      ...PERIOD,
      groupBy: ['PRACTICE'],
    });

    const raw = people.filter((p) => p.org.icbId === 'ICB-A').length;
    expect(summary.total.referralsReceived.value).toBe(Math.round(raw / 5) * 5);
    expect(summary.groups.map((row) => row.group)).toEqual(['PR-A1a', 'PR-A1b', 'PR-A2a']);
  });

  it('returns SNOMED-coded accepted and declined referrals by practice and month', async () => {
    const activity = await referralActivity(figuresDeps(store), commissioner('ICB-A'), {
      scope: { icbId: 'ICB-A' },
      ...PERIOD,
    });

    const expected: { practiceId: string; month: string; accepted: unknown; declined: unknown }[] = [];
    for (const practiceId of ['PR-A1a', 'PR-A1b', 'PR-A2a']) {
      for (const month of MONTHS) {
        const mine = people.filter((p) => p.org.practiceId === practiceId);
        const accepted = mine.filter((p) => p.acceptedAt?.startsWith(month)).length;
        const declined = mine.filter((p) => p.declinedAt?.startsWith(month)).length;
        const anything = mine.some((p) => JSON.stringify(p).includes(`"${month}-`));
        if (!anything) continue;
        const c = (n: number) =>
          n === 0
            ? { value: 0, suppressed: false }
            : n <= 7
              ? { value: null, suppressed: true }
              : { value: Math.round(n / 5) * 5, suppressed: false };
        expected.push({ practiceId, month, accepted: c(accepted), declined: c(declined) });
      }
    }
    expect(activity.acceptedCode).toBe('871731000000106');
    expect(activity.declinedCode).toBe('871711000000103');
    expect(activity.rows).toEqual(expected);
  });

  it('returns a CSV with a header and one line per row, marking suppressed cells', async () => {
    const input = { scope: { icbId: 'ICB-A' }, ...PERIOD, groupBy: ['SEX' as const], instruments: ['ONS4'] };

    const csv = await outcomeSummaryCsv(figuresDeps(store), commissioner('ICB-A'), input);
    const summary = await outcomeSummary(figuresDeps(store), commissioner('ICB-A'), input);

    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 1 + summary.groups.length);
    expect(lines[0]).toMatch(/^dimension,group,label,referralsReceived,/);
    expect(lines[1]).toMatch(/^NONE,ALL,ICB ICB-A,/);
    expect(lines[1]!.split(',')[3]).toBe(String(summary.total.referralsReceived.value));
    expect(csv).toContain('suppressed');
  });
});
