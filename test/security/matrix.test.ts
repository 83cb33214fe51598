import { logger } from '../../functions/graphql/logger';
import { type CellResult, runCell } from './matrix-cell';
import { markersIn } from './probe';
import type { Recipe } from './recipe';
import { IDENTITY_MUTATION_RECIPES, LOOKUP_RECIPES } from './recipes-identity';
import { MUTATION_RECIPES, VARIANT_RECIPES } from './recipes-mutations';
import { QUERY_RECIPES, QUERY_VARIANTS } from './recipes-queries';
import { listOperations } from './schema-walk';
import { Tally } from './tally';
import { CALLERS, SCOPES, World } from './world';

/*
 * Every query and mutation of the schema, called by every role (the assigned link worker, another link worker of the
 * same PCN, a coordinator, an ICB administrator, a national administrator, a commissioner, a provider and a
 * deactivated user) on a record in scope, in another PCN, in another ICB, and on an id that names nothing. The
 * recipes (recipes-queries.ts, recipes-mutations.ts) say who may do what where; every other cell must be refused with
 * no data, no write, and no value of a patient the caller may not see. Every answered cell is also checked against
 * the audit trail: one event per patient whose identifying fields the response carries, and no read recorded for
 * anyone else (issue 11, "audit that cannot be forgotten").
 */

const RECIPES: Record<string, Recipe> = {
  ...QUERY_RECIPES,
  ...MUTATION_RECIPES,
  ...IDENTITY_MUTATION_RECIPES,
  ...LOOKUP_RECIPES,
};
const operations = listOperations();

/** Each root field with its recipe (undefined for a new one), then the extra cells of some root fields. */
const entries: [string, string, Recipe | undefined][] = [
  ...operations.map((operation): [string, string, Recipe | undefined] => [
    operation.name,
    operation.name,
    RECIPES[operation.name],
  ]),
  ...Object.entries({ ...QUERY_VARIANTS, ...VARIANT_RECIPES }).map(([name, recipe]): [string, string, Recipe] => [
    name,
    recipe.field,
    recipe,
  ]),
];

describe('role × operation × scope matrix, generated from the schema (Lambda handler, DynamoDB Local)', () => {
  let world: World;
  const results = new Map<string, CellResult[]>();
  const logged: string[] = [];
  const matrix = new Tally('role × operation × scope matrix (cells)');
  const audit = new Tally('one audit event per patient per request (answered cells)');

  beforeAll(async () => {
    for (const level of ['debug', 'info', 'warn', 'error'] as const) {
      jest.spyOn(logger, level).mockImplementation((...args: unknown[]) => {
        logged.push(JSON.stringify(args));
      });
    }
    world = await World.build();
  }, 120_000);
  afterAll(async () => {
    matrix.report();
    audit.report();
    jest.restoreAllMocks();
    await world?.close();
  });

  it('has a recipe for every query and mutation of the schema, and none for a root field it lacks', () => {
    const lacking = operations.filter((operation) => !RECIPES[operation.name]).map((operation) => operation.name);
    const stale = Object.keys(RECIPES).filter((name) => !operations.some((operation) => operation.name === name));

    expect(lacking).toEqual([]);
    expect(stale).toEqual([]);
  });

  describe.each(entries)('%s', (name, field, recipe) => {
    it.each(CALLERS)('answers or refuses %s as the policy says, in every scope', async (caller) => {
      if (!recipe) throw new Error(`${name} has no recipe in test/security/recipes-*.ts: add one`);
      const cells: CellResult[] = [];
      for (const scope of recipe.scopes ?? SCOPES) {
        const cell = await runCell(world, name, field, recipe, caller, scope);
        cells.push(cell);
        matrix.record(cell.label, cell.scopeProblems.length === 0);
        if (cell.auditProblems) audit.record(cell.label, cell.auditProblems.length === 0);
      }
      results.set(name, [...(results.get(name) ?? []), ...cells]);

      expect(cells.flatMap((cell) => cell.scopeProblems)).toEqual([]);
    });
  });

  describe('structural audit', () => {
    it.each(entries.map(([name]) => name))(
      'writes exactly one audit event per patient shown by %s, and no read for anyone else',
      (name) => {
        const cells = results.get(name);
        if (!cells) throw new Error(`the matrix did not run ${name}`);
        const answered = cells.filter((cell) => cell.auditProblems !== null);

        expect(answered.length).toBeGreaterThan(0);
        expect(answered.flatMap((cell) => cell.auditProblems ?? [])).toEqual([]);
      },
    );
  });

  it('logs no value of any patient while running the matrix', () => {
    const values = world.patients.flatMap((patient) => [...patient.markers.identifying, ...patient.markers.texts]);

    expect(logged.length).toBeGreaterThan(0);
    expect(markersIn(logged.join('\n'), values)).toEqual([]);
  });
});
