/**
 * @dynamodb-own-emulator (test/support/dynamodb-environment.ts): folds whole populations from the stream.
 */
import { reportedItems } from '../../../functions/outcomes/instruments';
import { type StreamPoller, startStreamPoller } from '../../../functions/outcomes/local-stream-poller';
import { parsePeriod } from '../../../functions/outcomes/periods';
import { outcomeRow } from '../../../functions/outcomes/release';
import { outcomeSummary, outcomeSummaryCsv } from '../../../functions/outcomes/use-cases/outcome-summary';
import { readPeriodCounters } from '../../../functions/outcomes/use-cases/read-figures';
import { referralActivity } from '../../../functions/outcomes/use-cases/referral-activity';
import { DIMENSIONS_BY_SCOPE, type Dimension, GROUPS_OF, type Scope } from '../../../functions/outcomes/vocabulary';
import { createDataStore, type DataStore } from '../../../functions/platform/dynamodb/client';
import { ManualClock } from '../../../functions/shared/clock';
import { freshTable, type TestTable } from '../../support/table';
import { type Counters, expectedCounters } from './expected';
import { ACTIVITIES, commissioner, figuresDeps, nationalAdmin, ORGS } from './fixtures';
import {
  odsCodeOf,
  type PersonSpec,
  randomPopulation,
  writeActivities,
  writeOrganisations,
  writePopulation,
} from './population';

const PERIODS = ['2026-01', '2026-02', '2026-03', 'FY2025-26-Q4'];
const ALL_ITEMS = ['ONS4', 'ONS_LONELINESS', 'UCLA3'];

/** Non-empty groups only: every group is released, but the model only knows the groups people are in. */
function nonEmpty(groups: Iterable<[string, Counters]>): Record<string, Counters> {
  return Object.fromEntries([...groups].filter(([, counters]) => Object.keys(counters).length > 0));
}

describe('outcome figures folded from the table stream', () => {
  let table: TestTable;
  let store: DataStore;
  let poller: StreamPoller;
  let people: PersonSpec[];
  const errors: unknown[] = [];

  beforeAll(async () => {
    table = await freshTable({ stream: true });
    store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
    await writeOrganisations(store, ORGS);
    await writeActivities(store, ACTIVITIES);
    people = randomPopulation({
      seed: 20260101,
      people: 60,
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

  it('returns every counter of every cell, at every scope, breakdown and period, equal to an independent computation', async () => {
    const scopes: Scope[] = [
      { kind: 'NATIONAL', id: 'ALL' },
      { kind: 'ICB', id: 'ICB-A' },
      { kind: 'ICB', id: 'ICB-B' },
      { kind: 'PCN', id: 'PCN-A1' },
      { kind: 'PRACTICE', id: 'PR-A2a' },
    ];
    let cells = 0;
    for (const scope of scopes) {
      for (const id of PERIODS) {
        const period = parsePeriod(id);
        const dimensions = DIMENSIONS_BY_SCOPE[scope.kind];
        const read = await readPeriodCounters(figuresDeps(store), scope, period, dimensions, new Date('2026-12-01'));
        for (const dimension of dimensions) {
          const actual =
            dimension === 'NONE'
              ? nonEmpty([['ALL', read.total]])
              : nonEmpty(read.groups.filter((g) => g.dimension === dimension).map((g) => [g.group, g.counters]));
          const expected = nonEmpty(expectedCounters(people, ACTIVITIES, scope, dimension, period));
          expect({ scope, id, dimension, counters: actual }).toEqual({ scope, id, dimension, counters: expected });
          cells += Object.keys(expected).length;
        }
      }
    }
    expect(cells).toBeGreaterThan(500);
  });

  it('returns every released cell of every ICB breakdown as the rules release the independently computed counters', async () => {
    const groupBy = DIMENSIONS_BY_SCOPE.ICB.filter((d) => d !== 'NONE');
    const period = parsePeriod('FY2025-26-Q4');
    const instruments = reportedItems(ALL_ITEMS);

    const summary = await outcomeSummary(figuresDeps(store), commissioner('ICB-A'), {
      scope: { icbId: 'ICB-A' },
      period: period.id,
      groupBy,
      instruments: ALL_ITEMS,
    });

    const scope: Scope = { kind: 'ICB', id: 'ICB-A' };
    const release = (dimension: Dimension, group: string) =>
      outcomeRow(
        dimension,
        group,
        expectedCounters(people, ACTIVITIES, scope, dimension, period).get(group) ?? {},
        instruments,
        'CONTROLLED',
      );
    expect(summary.disclosureControl).toBe('CONTROLLED');
    expect(summary.total).toEqual(release('NONE', 'ALL'));
    for (const row of summary.groups) {
      const { label: _label, odsCode: _odsCode, ...released } = row;
      expect(released).toEqual(release(row.dimension, row.group));
    }
    expect(JSON.stringify(summary)).toContain('"suppressed":true');
  });

  it('returns every group of every breakdown, with or without people, organisations with names and ODS codes', async () => {
    const summary = await outcomeSummary(figuresDeps(store), commissioner('ICB-A'), {
      scope: { icbId: 'ICB-A' },
      period: '2026-02',
      groupBy: ['ETHNICITY', 'SEX', 'PRACTICE'],
    });

    const groups = (dimension: Dimension) =>
      summary.groups.filter((r) => r.dimension === dimension).map((r) => r.group);
    expect(groups('ETHNICITY')).toEqual(GROUPS_OF.ETHNICITY);
    expect(groups('SEX')).toEqual(GROUPS_OF.SEX);
    expect(summary.groups.filter((r) => r.dimension === 'PRACTICE').map((r) => [r.group, r.label, r.odsCode])).toEqual(
      ['PR-A1a', 'PR-A1b', 'PR-A2a'].map((id) => [id, `Practice ${id}`, odsCodeOf(id)]),
    );
    expect(summary.scope).toEqual({ kind: 'ICB', id: 'ICB-A', name: 'ICB ICB-A', odsCode: odsCodeOf('ICB-A') });
  });

  it('returns the monthly trend in the same call, each month equal to asking for that month', async () => {
    const quarter = await outcomeSummary(figuresDeps(store), commissioner('ICB-A'), {
      scope: { icbId: 'ICB-A' },
      period: 'FY2025-26-Q4',
    });

    expect(quarter.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    for (const { month, total } of quarter.months) {
      const single = await outcomeSummary(figuresDeps(store), commissioner('ICB-A'), {
        scope: { icbId: 'ICB-A' },
        period: month,
      });
      expect(total).toEqual(single.total);
    }
  });

  it('returns unique people beside episodes: a person referred twice in the quarter counts once', async () => {
    const national = await outcomeSummary(figuresDeps(store), nationalAdmin, { period: 'FY2025-26-Q4' });

    const inQuarter = people.filter((p) => p.receivedAt < '2026-04');
    expect(national.disclosureControl).toBe('EXEMPT');
    expect(national.total.referralsReceived.value).toBe(inQuarter.length);
    expect(national.total.peopleReferred.value).toBe(new Set(inQuarter.map((p) => p.patientId)).size);
    expect(national.total.peopleReferred.value).toBeLessThan(inQuarter.length);
  });

  it('returns SNOMED-coded accepted and declined referrals for every practice and month, as the practice breakdown does', async () => {
    const input = { scope: { icbId: 'ICB-A' }, period: 'FY2025-26-Q4' };
    const activity = await referralActivity(figuresDeps(store), commissioner('ICB-A'), input);

    expect(activity.acceptedCode).toBe('871731000000106');
    expect(activity.declinedCode).toBe('871711000000103');
    expect(activity.rows).toHaveLength(3 * 3);
    for (const row of activity.rows) {
      const month = await outcomeSummary(figuresDeps(store), commissioner('ICB-A'), {
        ...input,
        period: row.month,
        groupBy: ['PRACTICE'],
      });
      const same = month.groups.find((g) => g.group === row.practiceId)!;
      expect([row.accepted, row.declined, row.odsCode]).toEqual([
        same.referralsAccepted,
        same.referralsDeclined,
        same.odsCode,
      ]);
    }
  });

  it('returns a CSV whose figures are the summary figures, with its period and scope on every row', async () => {
    const input = { scope: { icbId: 'ICB-A' }, period: 'FY2025-26-Q4', groupBy: ['SEX' as const] };

    const csv = await outcomeSummaryCsv(figuresDeps(store), commissioner('ICB-A'), input);
    const summary = await outcomeSummary(figuresDeps(store), commissioner('ICB-A'), input);

    const [header, ...lines] = csv
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(lines).toHaveLength(1 + summary.groups.length + 3);
    const column = header!.indexOf('referralsReceived');
    const released = [summary.total, ...summary.groups, ...summary.months.map((m) => m.total)].map(
      (row) => row.referralsReceived,
    );
    expect(lines.map((line) => [line[column], line[column + 1]])).toEqual(
      released.map((c) => [c.value === null ? '' : String(c.value), c.suppressed ? '1' : '0']),
    );
    for (const line of lines) expect(line.slice(0, 3)).toEqual(['ICB', 'ICB-A', odsCodeOf('ICB-A')]);
  });

  it('throws naming the period for a period not yet released or outside the catalogue', async () => {
    const early = figuresDeps(store, new ManualClock('2026-04-10T23:00:00Z'));
    const ask = (deps: typeof early, period: string) =>
      outcomeSummary(deps, commissioner('ICB-A'), { scope: { icbId: 'ICB-A' }, period });

    await expect(ask(early, '2026-03')).rejects.toMatchObject({ field: 'period' });
    await expect(ask(early, 'FY2025-26-Q4')).rejects.toMatchObject({ field: 'period' });
    await expect(ask(early, '2026-02')).resolves.toMatchObject({ period: { id: '2026-02' } });
    await expect(ask(figuresDeps(store), '2026-01-01/2026-03-31')).rejects.toMatchObject({ field: 'period' });
  });
});
