/**
 * @dynamodb-own-emulator (test/support/dynamodb-environment.ts): folds whole populations from the stream.
 */
import { outcomeFoldDeps } from '../../../functions/outcomes/deps';
import { type StreamPoller, startStreamPoller } from '../../../functions/outcomes/local-stream-poller';
import { parsePeriod } from '../../../functions/outcomes/periods';
import type { StreamRecordInput } from '../../../functions/outcomes/stream-records';
import { foldStreamRecords } from '../../../functions/outcomes/use-cases/fold-stream-records';
import { outcomeSummary } from '../../../functions/outcomes/use-cases/outcome-summary';
import { readPeriodCounters } from '../../../functions/outcomes/use-cases/read-figures';
import { reconcileScopeMonth } from '../../../functions/outcomes/use-cases/reconcile-scope-month';
import { referralActivity } from '../../../functions/outcomes/use-cases/referral-activity';
import { DIMENSIONS_BY_SCOPE, type Scope } from '../../../functions/outcomes/vocabulary';
import { createDataStore, type DataStore } from '../../../functions/platform/dynamodb/client';
import { ManualClock } from '../../../functions/shared/clock';
import { freshTable, type TestTable } from '../../support/table';
import { ACTIVITIES, commissioner, figuresDeps, ORGS } from './fixtures';
import {
  entities,
  iso,
  type PersonSpec,
  randomPopulation,
  writeActivities,
  writeOrganisations,
  writePerson,
  writePopulation,
  writeSession,
} from './population';

/*
 * Late and out-of-order records: a new answer is invisible until its period is released; a record written after
 * its period was released (a back-dated measurement or register entry) is counted in its own period but shown only
 * from the next monthly release; engagement follows the first session attended, however the register was written;
 * reconciliation reads the register too, so it catches an engagement folded in the wrong month.
 */

const SCOPES: { input: Record<string, string>; scope: Scope }[] = [
  { input: { icbId: 'ICB-A' }, scope: { kind: 'ICB', id: 'ICB-A' } },
  { input: { pcnId: 'PCN-A1' }, scope: { kind: 'PCN', id: 'PCN-A1' } },
  { input: { pcnId: 'PCN-A2' }, scope: { kind: 'PCN', id: 'PCN-A2' } },
  ...['PR-A1a', 'PR-A1b', 'PR-A2a'].map((id) => ({
    input: { practiceId: id },
    scope: { kind: 'PRACTICE' as const, id },
  })),
];
const RELEASED = ['2026-01', '2026-02', '2026-03', 'FY2025-26-Q4'];
const INSTRUMENTS = ['ONS4', 'ONS_LONELINESS', 'UCLA3'];

/** Every answer an ICB-A commissioner can get about the released periods, at `now`. */
async function everyReleasedAnswer(store: DataStore, now: string): Promise<string> {
  const deps = figuresDeps(store, new ManualClock(now));
  // Asked side by side (answers only read), listed in the same order: one after another, each waited on DynamoDB
  // Local in turn, some 2-3 s for the 48 answers, and the tests ask for them nine times.
  const answers = await Promise.all(
    SCOPES.flatMap(({ input, scope }) =>
      RELEASED.flatMap((period) => {
        const groupBy = DIMENSIONS_BY_SCOPE[scope.kind].filter((d) => d !== 'NONE');
        return [
          outcomeSummary(deps, commissioner('ICB-A'), { scope: input, period, groupBy, instruments: INSTRUMENTS }),
          referralActivity(deps, commissioner('ICB-A'), { scope: input, period }),
        ];
      }),
    ),
  );
  return JSON.stringify(answers);
}

/**
 * Asserts that `after` holds the same answers as `before` (both from everyReleasedAnswer). Identical JSON is the same
 * answers; anything else goes to toEqual, which also accepts the same values in another key order and shows what
 * differs. toEqual alone walked every answer's rows each time, some 6 s a comparison.
 */
function expectSameAnswers(after: string, before: string): void {
  if (after === before) return;
  expect(JSON.parse(after)).toEqual(JSON.parse(before));
}

/** The raw counters a reader of `scope` would see for the total of `period` at `now` (a test's privilege). */
async function rawTotal(store: DataStore, scope: Scope, period: string, now: string) {
  return (await readPeriodCounters(figuresDeps(store), scope, parsePeriod(period), [], new Date(now))).total;
}

/** A referral with one prescription and no sessions yet, received in January. */
function newcomer(id: string, practiceIndex = 0): PersonSpec {
  return {
    patientId: `pat-${id}`,
    referralId: `ref-${id}`,
    org: ORGS[practiceIndex]!,
    sex: 'FEMALE',
    ethnicity: 'A',
    ageBand: '45-54',
    source: 'GP',
    needs: ['LONELINESS_ISOLATION'],
    receivedAt: iso('2026-01-10'),
    contactedAt: iso('2026-01-12'),
    acceptedAt: iso('2026-01-12', 11),
    prescriptions: [{ prescriptionId: `rx-${id}`, activityId: 'act-0-0', sessions: [] }],
    checkIns: [],
    outcomes: [],
  };
}

describe('figures when records arrive late', () => {
  let table: TestTable;
  let store: DataStore;
  let poller: StreamPoller;
  let captured: StreamRecordInput[] = [];
  let people: PersonSpec[];
  const foldClock = new ManualClock('2026-04-20T12:00:00Z');

  /** Waits for the stream to catch up and returns the records written since the last call. */
  async function newRecords(): Promise<StreamRecordInput[]> {
    await poller.waitUntilIdle();
    const records = captured;
    captured = [];
    return records;
  }
  async function fold(records: StreamRecordInput[]): Promise<void> {
    const report = await foldStreamRecords(outcomeFoldDeps(store, foldClock), records);
    expect(report.failures).toEqual([]);
  }

  beforeAll(async () => {
    table = await freshTable({ stream: true });
    store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
    poller = startStreamPoller({
      endpoint: table.endpoint,
      tableName: table.tableName,
      onError: (error) => {
        throw error;
      },
      handleRecords: async (batch) => {
        captured.push(...batch);
      },
    });
    await writeOrganisations(store, ORGS);
    await writeActivities(store, ACTIVITIES);
    people = randomPopulation({
      seed: 11,
      people: 30,
      orgs: ORGS.slice(0, 3),
      activities: ACTIVITIES,
      months: ['2026-01', '2026-02', '2026-03'],
    });
    await writePopulation(store, people);
    await fold(await newRecords());
  }, 900_000);
  afterAll(async () => {
    await poller.stop();
    await table.drop();
  });

  it('changes no released figure when one new answer arrives, and shows it only once its month is released', async () => {
    const before = await everyReleasedAnswer(store, '2026-04-20T12:00:01Z');
    const aprilBefore = await rawTotal(store, { kind: 'PRACTICE', id: 'PR-A1a' }, '2026-04', '2026-05-11T00:00:00Z');

    await entities(store)
      .outcomes.put({
        outcomeId: 'out-new-answer',
        referralId: 'ref-newcomer-answer',
        patientId: 'pat-newcomer-answer',
        instrument: 'ONS4',
        item: 'happiness',
        value: 7,
        wave: 'BASELINE',
        source: 'SMS',
        measuredAt: '2026-04-20T12:00:00.000Z',
        createdAt: '2026-04-20T12:00:00.000Z',
      })
      .go();
    await writePerson(store, {
      ...newcomer('newcomer-answer'),
      receivedAt: iso('2026-04-19'),
      contactedAt: undefined,
      acceptedAt: undefined,
    });
    await fold(await newRecords());

    expectSameAnswers(await everyReleasedAnswer(store, '2026-04-20T12:00:05Z'), before);
    await expect(
      outcomeSummary(figuresDeps(store, new ManualClock('2026-04-20T12:00:05Z')), commissioner('ICB-A'), {
        scope: { practiceId: 'PR-A1a' },
        period: '2026-04',
      }),
    ).rejects.toMatchObject({ field: 'period' });
    const aprilAfter = await rawTotal(store, { kind: 'PRACTICE', id: 'PR-A1a' }, '2026-04', '2026-05-11T00:00:00Z');
    expect((aprilAfter['ONS4.happiness|BASELINE|n'] ?? 0) - (aprilBefore['ONS4.happiness|BASELINE|n'] ?? 0)).toBe(1);
  }, 240_000);

  it('keeps a back-dated answer out of released figures until the next monthly release, then counts it in its own month', async () => {
    const scope: Scope = { kind: 'ICB', id: 'ICB-A' };
    const person = people.find(
      (p) =>
        p.org.icbId === 'ICB-A' &&
        p.acceptedAt &&
        !p.outcomes.some((m) => m.instrument === 'UCLA3' && m.wave === 'WEEK_1'),
    )!;
    const before = await everyReleasedAnswer(store, '2026-04-21T00:00:00Z');
    const marchBefore = await rawTotal(store, scope, '2026-03', '2026-05-11T00:00:00Z');
    // Recorded in person on 20 April for a conversation on 15 March: March was released on 11 April.
    await entities(store)
      .outcomes.put({
        outcomeId: 'out-backdated',
        referralId: person.referralId,
        patientId: person.patientId,
        instrument: 'UCLA3',
        item: 'companionship',
        value: 3,
        wave: 'WEEK_1',
        source: 'IN_PERSON',
        measuredAt: '2026-03-15T10:00:00.000Z',
        createdAt: '2026-04-20T15:00:00.000Z',
      })
      .go();
    await fold(await newRecords());

    expectSameAnswers(await everyReleasedAnswer(store, '2026-04-21T00:00:00Z'), before);
    expectSameAnswers(await everyReleasedAnswer(store, '2026-05-10T23:59:59Z'), before);
    const marchAfter = await rawTotal(store, scope, '2026-03', '2026-05-11T00:00:00Z');
    const measured = (counters: typeof marchAfter) => counters['UCLA3.companionship|WEEK_1|n'] ?? 0;
    expect(measured(marchAfter) - measured(marchBefore)).toBe(1);
  }, 240_000);

  it('counts engagement in the month of the first session attended when the register is written out of order', async () => {
    const person = newcomer('out-of-order');
    const practice: Scope = { kind: 'PRACTICE', id: person.org.practiceId };
    const [prescription] = person.prescriptions;
    await writePerson(store, person);
    await fold(await newRecords());
    const engaged = async (month: string, now = '2026-12-01T00:00:00Z') =>
      (await rawTotal(store, practice, month, now)).peopleEngaged ?? 0;
    const [february, march] = [await engaged('2026-02'), await engaged('2026-03')];

    await writeSession(store, person, prescription!, {
      attendanceId: 'att-march',
      sessionDate: '2026-03-10',
      status: 'ATTENDED',
      recordedAt: '2026-03-10T18:00:00.000Z',
    });
    await fold(await newRecords());
    expect([await engaged('2026-02'), await engaged('2026-03')]).toEqual([february, march + 1]);

    // The register for 3 February is written on 20 March, after February was released (11 March).
    await writeSession(store, person, prescription!, {
      attendanceId: 'att-february',
      sessionDate: '2026-02-03',
      status: 'ATTENDED',
      recordedAt: '2026-03-20T09:00:00.000Z',
    });
    await fold(await newRecords());

    expect([await engaged('2026-02'), await engaged('2026-03')]).toEqual([february + 1, march]);
    // Shown from March's release (11 April), with every other revision written in March.
    expect(await engaged('2026-02', '2026-04-10T00:00:00Z')).toBe(february);
    expect(await engaged('2026-02', '2026-04-11T00:00:00Z')).toBe(february + 1);
    const { data: rx } = await entities(store)
      .prescriptions.get({ referralId: person.referralId, prescriptionId: prescription!.prescriptionId })
      .go();
    expect(rx?.firstAttendedOn).toBe('2026-03-10');
    const deps = outcomeFoldDeps(store, foldClock);
    for (const month of ['2026-02', '2026-03']) {
      expect((await reconcileScopeMonth(deps, { scope: practice, month })).drift).toEqual([]);
    }
  }, 240_000);

  it('finds an engagement left in the wrong month when a register entry was never folded, repairs it, and folds it late without counting twice', async () => {
    const person = newcomer('lost-record', 2);
    const practice: Scope = { kind: 'PRACTICE', id: person.org.practiceId };
    const [prescription] = person.prescriptions;
    await writePerson(store, person);
    await writeSession(store, person, prescription!, {
      attendanceId: 'att-lost-march',
      sessionDate: '2026-03-05',
      status: 'ATTENDED',
      recordedAt: '2026-03-05T18:00:00.000Z',
    });
    await fold(await newRecords());
    await writeSession(store, person, prescription!, {
      attendanceId: 'att-lost-february',
      sessionDate: '2026-02-02',
      status: 'ATTENDED',
      recordedAt: '2026-03-02T18:00:00.000Z',
    });
    const lost = await newRecords();
    const deps = outcomeFoldDeps(store, foldClock);

    const found = await reconcileScopeMonth(deps, { scope: practice, month: '2026-02' });
    const engagedDrift = found.drift
      .find((d) => d.dimension === 'NONE')!
      .counters.find((c) => c.counter === 'peopleEngaged')!;
    expect(engagedDrift.expected - engagedDrift.actual).toBe(1);
    for (const month of ['2026-02', '2026-03'])
      await reconcileScopeMonth(deps, { scope: practice, month, repair: true });
    for (const month of ['2026-02', '2026-03']) {
      expect((await reconcileScopeMonth(deps, { scope: practice, month })).drift).toEqual([]);
    }
    const repaired = await everyReleasedAnswer(store, '2026-12-01T00:00:00Z');

    await fold(lost);

    for (const month of ['2026-02', '2026-03']) {
      expect((await reconcileScopeMonth(deps, { scope: practice, month })).drift).toEqual([]);
    }
    expectSameAnswers(await everyReleasedAnswer(store, '2026-12-01T00:00:00Z'), repaired);
  }, 240_000);
});
