import { createHash } from 'node:crypto';
import { createGraphQLHandler, type GraphQLLambdaHandler } from '../../../functions/graphql/lambda';
import { NOT_TRUSTED_MESSAGE, TRUSTED_DOCUMENTS } from '../../../functions/graphql/trusted-documents';
import type { StaffUser } from '../../../functions/identity/entities/staff-user';
import { apiGatewayV2Event, type HandlerResult, lambdaContext, staffClaims } from '../../support/events';
import { createHarness, type GraphQLResponse, type Harness, parseResult } from './harness';

/*
 * Persisted queries through the Lambda handler, in both modes of GRAPHQL_OPERATIONS: `any` (the default: any valid
 * operation, trusted documents also by hash) and `trusted` (only client/'s manifest runs).
 */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The manifest's `Me` query: its hash and text as the client sends them. */
function manifestDocument(operationName: string): { hash: string; text: string } {
  for (const [hash, text] of TRUSTED_DOCUMENTS) {
    if (new RegExp(`^query ${operationName}\\b`).test(text)) return { hash, text };
  }
  throw new Error(`no ${operationName} in the manifest`);
}

const FREE_FORM = '{ me { id role } }';

describe('trusted documents (persisted queries)', () => {
  let h: Harness;
  let anyMode: GraphQLLambdaHandler;
  let trustedMode: GraphQLLambdaHandler;
  let user: StaffUser;

  beforeAll(async () => {
    h = await createHarness();
    user = h.staff.LINK_WORKER;
    anyMode = createGraphQLHandler({ store: h.store, stage: 'prod', linkwork: h.linkwork });
    trustedMode = createGraphQLHandler({ store: h.store, stage: 'prod', linkwork: h.linkwork, operations: 'trusted' });
  });
  afterAll(async () => h.close());

  const send = async (
    handler: GraphQLLambdaHandler,
    body: { query?: string; extensions?: Record<string, unknown>; operationName?: string },
  ): Promise<GraphQLResponse<{ me?: { id: string } }>> =>
    parseResult(
      (await handler(
        apiGatewayV2Event({ method: 'POST', body, claims: staffClaims(user) }),
        lambdaContext(),
        () => {},
      )) as HandlerResult,
    );
  const byHash = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

  it('holds each document under the sha256 of its text, so Apollo finds it by the hash a client sends', () => {
    expect(TRUSTED_DOCUMENTS.size).toBeGreaterThanOrEqual(15);
    for (const [hash, text] of TRUSTED_DOCUMENTS) expect(sha256(text)).toBe(hash);
  });

  describe('in any mode (the default)', () => {
    it('returns data for a trusted document sent by hash alone', async () => {
      const me = manifestDocument('Me');

      const response = await send(anyMode, { extensions: byHash(me.hash) });

      expect(response.json.errors).toBeUndefined();
      expect(response.json.data?.me?.id).toBe(user.userId);
    });

    it('returns data for an operation that is not in the manifest', async () => {
      const response = await send(anyMode, { query: FREE_FORM });

      expect(response.json.data?.me?.id).toBe(user.userId);
    });

    it('returns PERSISTED_QUERY_NOT_FOUND for an unknown hash, then runs it by hash once registered with its text', async () => {
      const query = '{ me { name } }';
      const hash = sha256(query);

      const before = await send(anyMode, { extensions: byHash(hash) });
      const registered = await send(anyMode, { query, extensions: byHash(hash) });
      const after = await send(anyMode, { extensions: byHash(hash) });

      expect(before.json.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(registered.json.data).toEqual({ me: { name: user.name } });
      expect(after.json.data).toEqual({ me: { name: user.name } });
    });
  });

  describe('in trusted mode', () => {
    it('returns data for a trusted document sent by hash alone', async () => {
      const me = manifestDocument('Me');

      const response = await send(trustedMode, { extensions: byHash(me.hash) });

      expect(response.json.errors).toBeUndefined();
      expect(response.json.data?.me?.id).toBe(user.userId);
    });

    it('returns data for a trusted document sent as its exact text', async () => {
      const me = manifestDocument('Me');

      const response = await send(trustedMode, { query: me.text });

      expect(response.json.data?.me?.id).toBe(user.userId);
    });

    it('throws OPERATION_NOT_TRUSTED with status 400 for any other operation, quoting nothing of it', async () => {
      const response = await send(trustedMode, { query: '{ me { id email } } # marker-7f3a' });

      expect(response.status).toBe(400);
      expect(response.json.data).toBeUndefined();
      expect(response.json.errors).toEqual([
        { message: NOT_TRUSTED_MESSAGE, extensions: { code: 'OPERATION_NOT_TRUSTED' } },
      ]);
      expect(response.raw).not.toContain('marker-7f3a');
    });

    it('throws OPERATION_NOT_TRUSTED for a trusted text with a changed selection, even a valid one', async () => {
      const me = manifestDocument('Me');

      const response = await send(trustedMode, { query: me.text.replace(' email', ' ') });

      expect(response.json.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
    });

    it('throws OPERATION_NOT_TRUSTED before parsing or validating, so an untrusted document cannot probe the schema', async () => {
      const probes = ['{ me { favouriteColour } }', '{ me { id ', 'query Me { me { id } }'];

      const responses = await Promise.all(probes.map((query) => send(trustedMode, { query })));

      for (const response of responses) {
        expect(response.json.errors).toEqual([
          { message: NOT_TRUSTED_MESSAGE, extensions: { code: 'OPERATION_NOT_TRUSTED' } },
        ]);
      }
    });

    it('throws OPERATION_NOT_TRUSTED for an untrusted document sent by GET, and runs a trusted one', async () => {
      const get = async (query: string) =>
        parseResult<{ me?: { id: string } }>(
          (await trustedMode(
            apiGatewayV2Event({
              method: 'GET',
              query: { query },
              headers: { 'apollo-require-preflight': '1' },
              claims: staffClaims(user),
            }),
            lambdaContext(),
            () => {},
          )) as HandlerResult,
        );

      const untrusted = await get(FREE_FORM);
      const trusted = await get(manifestDocument('Me').text);

      expect(untrusted.status).toBe(400);
      expect(untrusted.json.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
      expect(trusted.json.data?.me?.id).toBe(user.userId);
    });

    it('learns nothing from an attempt to register a document by hash', async () => {
      const hash = sha256(FREE_FORM);

      const register = await send(trustedMode, { query: FREE_FORM, extensions: byHash(hash) });
      const later = await send(trustedMode, { extensions: byHash(hash) });

      expect(register.json.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
      expect(later.json.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(later.json.data).toBeUndefined();
    });
  });
});
