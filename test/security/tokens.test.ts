import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { createGraphQLHandler, type GraphQLLambdaHandler } from '../../functions/graphql/lambda';
import { logger } from '../../functions/graphql/logger';
import type { StaffUser } from '../../functions/identity/entities/staff-user';
import { fictionalNhsNumber } from '../../functions/shared/nhs-number';
import { type LocalApi, startLocalApi } from '../../scripts/lib/local-api';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadLocalKey, signLocalToken } from '../../scripts/lib/local-jwt';
import { createHarness, type Harness } from '../integration/graphql/harness';
import { requestWatcher, Tally } from './tally';

/*
 * Tokens as an attacker would send them to the local API over HTTP (API Gateway's JWT authorizer as
 * scripts/lib/local-api.ts plays it, then the very Lambda handler deployed to AWS). A token the authorizer would reject
 * never reaches the handler; a well-signed token whose claims do not match a staff record exactly is refused by the
 * handler after one read of that record. Either way: 401 and no data.
 */

const QUERY = '{ me { id } caseload(first: 5) { edges { node { patient { nhsNumber familyName } } } } }';
const NHS_NUMBER = fictionalNhsNumber(4242);

/** Spellings of `id` that differ from it in case only (staff ids are ULIDs, upper case). */
function caseVariants(id: string): string[] {
  const swapped = [...id].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
  const firstLower = id.charAt(0).toLowerCase() + id.slice(1);
  const lastLower = id.slice(0, -1) + id.charAt(id.length - 1).toLowerCase();
  return [...new Set([id.toLowerCase(), id.toUpperCase(), swapped, firstLower, lastLower])].filter((v) => v !== id);
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('bearer tokens at the local API (HTTP, JWT verification, Lambda handler)', () => {
  let h: Harness;
  let api: LocalApi;
  let keyDir: string;
  let keyFile: string;
  let invocations = 0;
  const tally = new Tally('forged, expired, tampered and mismatched tokens');

  beforeAll(async () => {
    h = await createHarness();
    keyDir = mkdtempSync(join(tmpdir(), 'linkwork-security-jwt-'));
    keyFile = join(keyDir, 'key.json');
    const inner = createGraphQLHandler({ store: h.store, stage: 'local', linkwork: h.linkwork });
    const handler: GraphQLLambdaHandler = (event, context, callback) => {
      invocations += 1;
      return inner(event, context, callback);
    };
    api = await startLocalApi({ store: h.store, keyFile, handler });
    jest.spyOn(logger, 'warn').mockImplementation(() => {});
    await h.gql(
      h.staff.LINK_WORKER,
      `mutation { createReferral(input: {
        practiceId: "${h.orgs.practice.organisationId}", source: GP, needs: [LONELINESS_ISOLATION],
        linkWorkerId: "${h.staff.LINK_WORKER.userId}",
        newPatient: { nhsNumber: "${NHS_NUMBER}", givenName: "Tia", familyName: "Qztokenfamily", dateOfBirth: "1950-02-28", sex: FEMALE }
      }) { referral { id } } }`,
    );
  });
  afterAll(async () => {
    tally.report();
    jest.restoreAllMocks();
    await api?.close();
    await h?.close();
    rmSync(keyDir, { recursive: true, force: true });
  });

  const post = (authorization?: string) =>
    fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
      body: JSON.stringify({ query: QUERY }),
    });

  /** Claims as Cognito issues them for `user`, valid for an hour, signed with the local key unless told otherwise. */
  function claimsOf(user: StaffUser): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    return {
      sub: user.userId,
      'cognito:groups': [user.role],
      ...(user.organisationId ? { 'custom:organisationId': user.organisationId } : {}),
      token_use: 'id',
      iss: LOCAL_ISSUER,
      aud: LOCAL_AUDIENCE,
      iat: now,
      exp: now + 3600,
    };
  }

  async function sign(claims: Record<string, unknown>, secret?: Uint8Array, kid?: string): Promise<string> {
    const key = loadLocalKey(keyFile);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: kid ?? key.kid })
      .sign(secret ?? key.secret);
  }

  it('answers a token signed with the local key, through the handler (the control)', async () => {
    const before = invocations;

    const response = await post(`Bearer ${await signLocalToken(h.staff.LINK_WORKER, { keyFile })}`);
    const body = await response.text();

    expect(response.status).toBe(200);
    expect(invocations).toBe(before + 1);
    expect(body).toContain(NHS_NUMBER);
  });

  /** Header values the authorizer must refuse before the handler runs. */
  async function refusedAtTheGate(): Promise<[string, string | undefined][]> {
    const lena = h.staff.LINK_WORKER;
    const valid = await sign(claimsOf(lena));
    const [header, payload, signature] = valid.split('.') as [string, string, string];
    const now = Math.floor(Date.now() / 1000);
    const otherKey = join(keyDir, 'other-key.json');
    const asAdmin = { ...decode(payload), sub: h.staff.ADMIN.userId, 'cognito:groups': ['ADMIN'] };
    const { exp: _exp, ...withoutExpiry } = claimsOf(lena);
    return [
      ['no Authorization header', undefined],
      ['an empty Authorization header', ''],
      ['Bearer without a token', 'Bearer'],
      ['Basic credentials', `Basic ${Buffer.from('lena:password').toString('base64')}`],
      ['a token without the Bearer scheme', valid],
      ['two tokens', `Bearer ${valid} ${valid}`],
      ['a token that is not a JWT', 'Bearer not-a-token'],
      ['a forged token (signed with another key)', `Bearer ${await signLocalToken(lena, { keyFile: otherKey })}`],
      ['a forged token claiming the local key id', `Bearer ${await sign(claimsOf(lena), randomBytes(32))}`],
      ['an expired token', `Bearer ${await sign({ ...claimsOf(lena), iat: now - 7200, exp: now - 60 })}`],
      ['a token that expired a second ago', `Bearer ${await sign({ ...claimsOf(lena), exp: now - 1 })}`],
      ['a token not valid yet', `Bearer ${await sign({ ...claimsOf(lena), nbf: now + 3600 })}`],
      ['a token without an expiry', `Bearer ${await sign(withoutExpiry)}`],
      ['a token from another issuer', `Bearer ${await sign({ ...claimsOf(lena), iss: 'https://evil.example/auth' })}`],
      ['a token for another audience', `Bearer ${await sign({ ...claimsOf(lena), aud: 'someone-else' })}`],
      ['a payload edited after signing (sub and role)', `Bearer ${header}.${b64url(asAdmin)}.${signature}`],
      [
        'a payload edited after signing (expiry)',
        `Bearer ${header}.${b64url({ ...decode(payload), exp: now + 86_400 * 365 })}.${signature}`,
      ],
      ['a header edited to alg HS512', `Bearer ${b64url({ ...decode(header), alg: 'HS512' })}.${payload}.${signature}`],
      ['alg none, no signature', `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.`],
      ['alg none, signature kept', `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.${signature}`],
      ['the signature removed', `Bearer ${header}.${payload}.`],
    ];
  }

  it('refuses every forged, expired, not-yet-valid, tampered or malformed token with 401 before the handler', async () => {
    const cases = await refusedAtTheGate();
    const let_through: string[] = [];
    for (const [what, authorization] of cases) {
      const before = invocations;
      const response = await post(authorization);
      const body = await response.text();
      const held =
        response.status === 401 &&
        invocations === before &&
        JSON.parse(body).message === 'Unauthorized' &&
        !body.includes('"data"') &&
        !body.includes(NHS_NUMBER);
      tally.record(what, held);
      if (!held) let_through.push(`${what}: ${response.status}`);
    }

    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(let_through).toEqual([]);
  });

  it('refuses a well-signed token whose claims do not match a staff record exactly, after one read of it', async () => {
    const lena = h.staff.LINK_WORKER;
    const requests = requestWatcher(h);
    const cases: [string, Record<string, unknown>][] = [
      ...caseVariants(lena.userId).map((sub): [string, Record<string, unknown>] => [
        `the subject spelt ${sub}`,
        { ...claimsOf(lena), sub },
      ]),
      ['a subject no staff member has', { ...claimsOf(lena), sub: 'nobody-at-all' }],
      ['a role the staff member does not have', { ...claimsOf(lena), 'cognito:groups': ['ADMIN'] }],
      ['two roles', { ...claimsOf(lena), 'cognito:groups': ['LINK_WORKER', 'ADMIN'] }],
      ['another organisation', { ...claimsOf(lena), 'custom:organisationId': h.orgs.otherPcn.organisationId }],
      ['no organisation (national scope)', (({ 'custom:organisationId': _o, ...rest }) => rest)(claimsOf(lena))],
      ['a deactivated staff member', claimsOf(h.staff.inactive)],
    ];
    const accepted: string[] = [];
    for (const [what, claims] of cases) {
      requests.reset();
      const before = invocations;
      const response = await post(`Bearer ${await sign(claims)}`);
      const body = await response.text();
      const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      const held =
        response.status === 401 &&
        invocations === before + 1 &&
        parsed.data === undefined &&
        parsed.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' &&
        !body.includes(NHS_NUMBER) &&
        requests.onlyAuthentication();
      tally.record(what, held);
      if (!held) accepted.push(`${what}: ${response.status}`);
    }

    expect(accepted).toEqual([]);
  });
});
