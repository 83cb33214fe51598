import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinkwork } from '../../../functions/app/composition-root';
import { createLocalCheckIns, FastForwardClock } from '../../../functions/checkins/local';
import { createReferral } from '../../../functions/referrals';
import { fictionalNhsNumber } from '../../../functions/shared/nhs-number';
import type { PortalAssets } from '../../../portal/server/build';
import { createPortal } from '../../../portal/server/portal';
import { LocalStatus } from '../../../portal/server/status';
import { type LocalApi, startLocalApi } from '../../../scripts/lib/local-api';
import { createHarness, type Harness } from '../graphql/harness';

/*
 * The portal's server side behind the local API, without a browser: pages and assets, the read routes for the home
 * page and the phone simulator, and the refusal of any request not addressed to localhost.
 */

const ASSETS: PortalAssets = {
  files: new Map([
    ['main.js', { body: Buffer.from('console.log("main")'), type: 'text/javascript; charset=utf-8' }],
    ['main.css', { body: Buffer.from('body{}'), type: 'text/css; charset=utf-8' }],
  ]),
  sizes: { main: { initial: 1, total: 1 }, explorer: { initial: 1, total: 1 } },
  cached: true,
  buildMs: 0,
};

/** GET with a Host header of our choosing (fetch will not let us set one). */
function get(port: number, path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the portal behind the local API', () => {
  let h: Harness;
  let api: LocalApi;
  let keyDir: string;
  const mobile = '+447700900177';

  beforeAll(async () => {
    h = await createHarness();
    keyDir = mkdtempSync(join(tmpdir(), 'linkwork-portal-server-'));
    const keyFile = join(keyDir, 'key.json');
    const clock = new FastForwardClock();
    const linkwork = createLinkwork({ store: h.store, clock });
    const checkIns = createLocalCheckIns({ store: h.store, checkIns: linkwork.checkIns, clock, print: () => {} });
    const lena = h.staff.LINK_WORKER;
    await createReferral(
      linkwork.referrals.deps,
      {
        userId: lena.userId,
        role: lena.role,
        organisationId: lena.organisationId,
        icbId: lena.icbId,
        pcnId: lena.pcnId,
      },
      {
        practiceId: h.orgs.practice.organisationId,
        source: 'GP',
        needs: ['BEREAVEMENT'],
        newPatient: {
          nhsNumber: fictionalNhsNumber(5177),
          givenName: 'Mabel',
          familyName: 'Okoro',
          dateOfBirth: '1948-02-11',
          sex: 'FEMALE',
          mobile,
          smsConsent: 'GIVEN',
        },
      },
    );
    const portal = createPortal({
      store: h.store,
      checkIns,
      status: new LocalStatus('seeding'),
      users: async () => [
        { userId: lena.userId, role: lena.role, name: lena.name, organisationId: lena.organisationId },
      ],
      assets: Promise.resolve(ASSETS),
      stage: 'local',
      operations: 'any',
      dispatcher: { everySeconds: 15, ignoresSendingWindow: false },
      dynamoDbEndpoint: h.table.endpoint,
      tableName: h.table.tableName,
      keyFile,
    });
    api = await startLocalApi({
      store: h.store,
      linkwork,
      clock,
      keyFile,
      localRoutes: portal.localRoutes,
      fallback: portal.handle,
    });
  });
  afterAll(async () => {
    await api.close();
    await h.close();
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('returns each page as an HTML shell that loads its bundle, and the bundle itself', async () => {
    const home = await get(api.port, '/');
    const referral = await get(api.port, '/link-worker/referral/01ABC');
    const script = await get(api.port, '/portal/assets/main.js');

    expect(home.status).toBe(200);
    expect(home.body).toContain('<script type="module" src="/portal/assets/main.js"></script>');
    expect(home.body).toContain('<link rel="stylesheet" href="/portal/assets/main.css">');
    expect(referral.status).toBe(200);
    expect(script).toEqual({ status: 200, body: 'console.log("main")' });
  });

  it('answers 404 for unknown pages and assets, and keeps /graphql for the API', async () => {
    expect((await get(api.port, '/nowhere')).status).toBe(404);
    expect((await get(api.port, '/portal/assets/missing.js')).status).toBe(404);
    expect((await get(api.port, '/graphql')).status).toBe(401);
  });

  it('answers 421 to a request addressed to another host, so a web page cannot read tokens by DNS rebinding', async () => {
    const status = await get(api.port, '/portal/api/status', `attacker.example:${api.port}`);
    const page = await get(api.port, '/', 'attacker.example');

    expect(status.status).toBe(421);
    expect(status.body).not.toContain('token');
    expect(page.status).toBe(421);
  });

  it('returns the seed progress and each seeded user with a token the API accepts', async () => {
    const status = JSON.parse((await get(api.port, '/portal/api/status')).body);
    const me = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${status.users[0].token}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });

    expect(status).toMatchObject({ seed: { state: 'seeding' }, folding: { state: 'waiting' }, stage: 'local' });
    expect(status.users.map((user: { userId: string }) => user.userId)).toEqual([h.staff.LINK_WORKER.userId]);
    expect(await me.json()).toEqual({ data: { me: { id: h.staff.LINK_WORKER.userId } } });
  });

  it('lists the patients with a mobile as demo phones', async () => {
    const phones = JSON.parse((await get(api.port, '/portal/api/phones')).body);

    expect(phones).toEqual([{ mobile, display: '07700 900177', name: 'Mabel Okoro', smsConsent: 'GIVEN' }]);
  });

  it('shows a text sent to /sms/inbound on that phone, with its segments and what Linkwork made of it', async () => {
    const sent = await fetch(api.url.replace('/graphql', '/sms/inbound'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '07700 900177', text: 'HELP' }),
    });
    const phone = JSON.parse((await get(api.port, `/portal/api/phones/${encodeURIComponent(mobile)}/texts`)).body);

    expect(sent.status).toBe(200);
    const { result } = (await sent.json()) as { result: string };
    expect(phone.texts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ direction: 'in', body: 'HELP', segments: 1, encoding: 'GSM-7', state: result }),
      ]),
    );
    // HELP is answered by text: that answer reached the phone through the outbox.
    expect(phone.texts.filter((text: { direction: string }) => text.direction === 'out')).toHaveLength(
      result === 'help' ? 1 : 0,
    );
  });

  it('answers 400 for a phone that is not a UK mobile', async () => {
    expect((await get(api.port, '/portal/api/phones/12345/texts')).status).toBe(400);
  });
});
