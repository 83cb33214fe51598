import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStage, type LocalApi, parseStage, startLocalApi } from '../../scripts/lib/local-api';
import { signLocalToken } from '../../scripts/lib/local-jwt';
import { createHarness, type Harness } from '../integration/graphql/harness';

/*
 * `npm start -- --stage prod` (or STAGE=prod) runs the local API with production settings, so the hardening can be
 * tried against it over HTTP (issue 11: STAGE=prod was ignored).
 */

describe('parseStage', () => {
  it.each(['local', 'dev', 'prod'] as const)('returns %s', (stage) => {
    expect(parseStage(stage)).toBe(stage);
  });

  it('returns local when no stage is given', () => {
    expect(parseStage(undefined)).toBe('local');
  });

  it('throws naming the stages there are for an unknown one', () => {
    expect(() => parseStage('production')).toThrow('use one of local, dev, prod');
  });
});

describe('describeStage', () => {
  it('says which settings the stage has', () => {
    expect(describeStage('prod')).toMatch(/^prod: production settings/);
    expect(describeStage('local')).toMatch(/^local: development settings/);
  });
});

describe('startLocalApi at stage prod (HTTP, DynamoDB Local)', () => {
  let h: Harness;
  let prod: LocalApi;
  let local: LocalApi;
  let keyDir: string;
  let keyFile: string;

  beforeAll(async () => {
    h = await createHarness();
    keyDir = mkdtempSync(join(tmpdir(), 'linkwork-jwt-'));
    keyFile = join(keyDir, 'local-jwt-key.json');
    prod = await startLocalApi({ store: h.store, port: 0, keyFile, clock: h.clock, stage: 'prod' });
    local = await startLocalApi({ store: h.store, port: 0, keyFile, clock: h.clock });
  });
  afterAll(async () => {
    await prod.close();
    await local.close();
    await h.close();
    rmSync(keyDir, { recursive: true, force: true });
  });

  async function post(api: LocalApi, query: string, variables?: Record<string, unknown>) {
    const token = await signLocalToken(h.staff.LINK_WORKER, { keyFile });
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
    });
    return { status: response.status, text: await response.text() };
  }

  it('refuses introspection at stage prod and allows it locally', async () => {
    const query = '{ __schema { queryType { name } } }';

    const atProd = await post(prod, query);
    const atLocal = await post(local, query);

    expect(atProd.status).toBe(400);
    expect(JSON.parse(atProd.text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.parse(atLocal.text)).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('gives no suggestions at stage prod for a misspelt field, enum literal or enum variable', async () => {
    const attempts: [string, Record<string, unknown>?][] = [
      ['{ mee { id } }'],
      ['{ caseload(sort: NEXT_CHECK_INN) { edges { cursor } } }'],
      ['query Q($s: CaseloadSort) { caseload(sort: $s) { edges { cursor } } }', { s: 'NEXT_CHECK_INN' }],
    ];
    for (const [query, variables] of attempts) {
      const atProd = await post(prod, query, variables);
      const atLocal = await post(local, query, variables);

      expect(atProd.text).not.toMatch(/did you mean/i);
      expect(atProd.text).not.toContain('NEXT_CHECK_IN"');
      expect(atLocal.text).toMatch(/did you mean|must be one of/i);
    }
  });
});
