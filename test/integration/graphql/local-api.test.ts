import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalApi, startLocalApi } from '../../../scripts/lib/local-api';
import { signLocalToken } from '../../../scripts/lib/local-jwt';
import { createHarness, type Harness } from './harness';

describe('startLocalApi', () => {
  let h: Harness;
  let api: LocalApi;
  let keyDir: string;
  let keyFile: string;

  beforeAll(async () => {
    h = await createHarness();
    keyDir = mkdtempSync(join(tmpdir(), 'linkwork-jwt-'));
    keyFile = join(keyDir, 'local-jwt-key.json');
    api = await startLocalApi({ store: h.store, port: 0, keyFile, clock: h.clock });
  });
  afterAll(async () => {
    await api.close();
    await h.close();
    rmSync(keyDir, { recursive: true, force: true });
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('returns me for a signed local token, through the Lambda handler', async () => {
    const token = await signLocalToken(h.staff.COORDINATOR, { keyFile });

    const response = await post({ query: '{ me { id role } }' }, { authorization: `Bearer ${token}` });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { me: { id: h.staff.COORDINATOR.userId, role: 'COORDINATOR' } } });
  });

  it('answers 401 like API Gateway, without reaching the handler, for a missing, forged or expired token', async () => {
    const otherKey = join(keyDir, 'other-key.json');
    const forged = await signLocalToken(h.staff.ADMIN, { keyFile: otherKey });
    const expired = await signLocalToken(h.staff.ADMIN, { keyFile, expiresIn: -60 });

    const attempts: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${forged}` },
      { authorization: `Bearer ${expired}` },
      { authorization: 'Basic x' },
    ];
    for (const headers of attempts) {
      const response = await post({ query: '{ me { id } }' }, headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: 'Unauthorized' });
    }
  });

  it('serves GET with a preflight header and answers CORS preflight for a localhost origin', async () => {
    const token = await signLocalToken(h.staff.LINK_WORKER, { keyFile });
    const url = `${api.url}?query=${encodeURIComponent('{ me { id } }')}`;

    const get = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': '1' } });
    const preflight = await fetch(api.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });

    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: { me: { id: string } } }).data.me.id).toBe(h.staff.LINK_WORKER.userId);
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('answers 404 for other paths', async () => {
    const response = await fetch(api.url.replace('/graphql', '/other'));

    expect(response.status).toBe(404);
  });
});
