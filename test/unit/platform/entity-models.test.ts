import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Entity } from 'electrodb';
import { createDataStore } from '../../../functions/platform/dynamodb/client';
import { entityConfig, SERVICE } from '../../../functions/platform/dynamodb/service';

/*
 * Lambda bundles skip ElectroDB's model validation (infra/bundle-stubs/jsonschema-validated-in-tests.js) to save it on
 * every cold start; this is where every model is validated instead, by the real validator, on every test run.
 */

const FUNCTIONS = join(__dirname, '..', '..', '..', 'functions');

/** Every `…Entity(config)` factory in every context's entities/ folder. */
function entityFactories(): [string, (config: ReturnType<typeof entityConfig>) => unknown][] {
  const factories: [string, (config: ReturnType<typeof entityConfig>) => unknown][] = [];
  for (const context of readdirSync(FUNCTIONS, { withFileTypes: true })) {
    if (!context.isDirectory()) continue;
    const folder = join(FUNCTIONS, context.name, 'entities');
    let files: string[];
    try {
      files = readdirSync(folder).filter((file) => file.endsWith('.ts'));
    } catch {
      continue;
    }
    for (const file of files) {
      const module = require(join(folder, file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        if (name.endsWith('Entity') && typeof value === 'function') {
          factories.push([`${context.name}/${name}`, value as (config: ReturnType<typeof entityConfig>) => unknown]);
        }
      }
    }
  }
  return factories;
}

describe('ElectroDB entity models', () => {
  const config = entityConfig(createDataStore({ tableName: 'models', endpoint: 'http://127.0.0.1:1' }));
  const factories = entityFactories();

  it('finds the entities of every context', () => {
    expect(factories.map(([name]) => name)).toEqual(
      expect.arrayContaining(['referrals/patientEntity', 'checkins/checkInEntity', 'audit/auditEventEntity']),
    );
    expect(factories.length).toBeGreaterThanOrEqual(15);
  });

  it.each(entityFactories())('validates %s with ElectroDB’s own model validation', (_name, factory) => {
    expect(() => factory(config)).not.toThrow();
  });

  it('throws for an invalid model here, so the validation these tests rely on is the real one', () => {
    const invalid = {
      model: { entity: 'broken', version: '1', service: SERVICE },
      attributes: { id: { type: 'string' } },
      indexes: { byId: { pk: { field: 'pk', composite: 'not-a-list' } } },
    };
    expect(() => new Entity(invalid as never, config)).toThrow(/composite/i);
  });
});
