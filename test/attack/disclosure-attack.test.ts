/**
 * @dynamodb-own-emulator (test/support/dynamodb-environment.ts): folds whole populations from the stream.
 */
import { createDataStore } from '../../functions/platform/dynamodb/client';
import { freshTable, type TestTable } from '../support/table';
import { accuracyOf, summariseAccuracy } from './accuracy';
import { attack, summariseAttack } from './attack';
import { type AnswerSet, perCellAnswers } from './collect';
import { CELL_KEY_MODEL, PER_CELL_MODEL } from './releases';
import { collectAll, loadPopulation } from './scenario';

/*
 * The attacker of docs/decisions/0002, on seeded data: one ICB commissioner collects every answer they can get
 * (every scope, released period, breakdown and instrument, the monthly trends and the referral activity) and narrows
 * every cell by propagation across periods, breakdowns, hierarchy, means and intervals. Against the released figures
 * it must recover no suppressed cell and pin no released count; against the same cells released by the old
 * per-cell rules it must find many, or the attack proves nothing.
 */

describe('an attacker with every answer one ICB commissioner can get', () => {
  let table: TestTable;
  let answers: AnswerSet;

  beforeAll(async () => {
    table = await freshTable();
    const store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
    const started = Date.now();
    const loaded = await loadPopulation(store, 500, 20260412);
    const collecting = Date.now();
    answers = await collectAll(store, loaded);
    process.stderr.write(
      `attack data: ${loaded.referrals} referrals (${loaded.items} aggregate items) loaded in ${collecting - started} ms; ` +
        `${answers.answers} answers, ${answers.rows.size} cells' rows collected in ${Date.now() - collecting} ms\n`,
    );
  }, 900_000);
  afterAll(() => table.drop());

  it('returns every cell the same wherever it is shown (a PCN row of the ICB and the PCN total, a month and the trend)', () => {
    expect(answers.inconsistencies).toEqual([]);
  });

  it('recovers no suppressed cell and pins no released count, however the answers are combined', () => {
    const started = Date.now();
    const report = attack(answers, CELL_KEY_MODEL);
    process.stderr.write(`${summariseAttack(report)}\n  (${Date.now() - started} ms)\n`);

    expect(report.suppressedTried).toBeGreaterThan(10_000);
    expect(report.releasedSmallTried).toBeGreaterThan(1_000);
    expect(report.meansTried).toBeGreaterThan(1_000);
    expect(report.recovered).toEqual([]);
    expect(report.pinned).toEqual([]);
  }, 300_000);

  it('recovers many cells from the same figures released by the old per-cell rules, so the attack has teeth', () => {
    // Referrals and ONS4 happiness (5 families) are plenty to show it: the rest behave alike, and take minutes.
    const report = attack(perCellAnswers(answers), PER_CELL_MODEL, {
      families: (name) => name === 'referrals and people' || name.startsWith('ONS4.happiness'),
      stepsPerRelation: 10,
    });
    process.stderr.write(`${summariseAttack(report)}\n`);

    expect(report.recovered.length).toBeGreaterThan(report.suppressedTried / 10);
    expect(report.pinned.length).toBeGreaterThan(0);
  }, 300_000);

  it('returns released counts within 5 of the truth and means within a noise of it, and says what that costs', () => {
    const accuracy = accuracyOf(answers);
    process.stderr.write(`${summariseAccuracy(accuracy)}\n`);

    expect(accuracy.counts.maxError).toBeLessThanOrEqual(5);
    expect(accuracy.means.maxError).toBeLessThanOrEqual(0.35);
    expect(accuracy.counts.released).toBeGreaterThan(1_000);
  });
});
