import { ROLES } from '../../../functions/identity/entities/staff-user';
import { apiGatewayV2Event, staffClaims } from '../../support/events';
import { createHarness, type Harness, parseResult } from './harness';

const ME = 'query Me { me { id role name email active organisation { id kind name } } }';

describe('graphql handler (DynamoDB Local)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  describe('me', () => {
    it.each(ROLES)('returns the signed-in %s with their organisation', async (role) => {
      const user = h.staff[role];

      const response = await h.gql<{ me: Record<string, unknown> }>(user, ME);

      expect(response.status).toBe(200);
      expect(response.json.errors).toBeUndefined();
      expect(response.json.data?.me).toMatchObject({
        id: user.userId,
        role,
        name: user.name,
        active: true,
        organisation: { id: user.organisationId },
      });
    });
  });

  describe('authentication', () => {
    async function expectUnauthenticated(event: Parameters<Harness['invoke']>[0]) {
      const response = parseResult(await h.invoke(event));
      expect(response.status).toBe(401);
      expect(response.json.data).toBeUndefined();
      expect(response.json.errors).toEqual([
        { message: 'A valid identity is required', extensions: { code: 'UNAUTHENTICATED' } },
      ]);
    }

    it('throws UNAUTHENTICATED when the event has no authorizer context', async () => {
      await expectUnauthenticated(apiGatewayV2Event({ body: { query: ME } }));
    });

    it('throws UNAUTHENTICATED when the authorizer context has no jwt claims', async () => {
      await expectUnauthenticated(apiGatewayV2Event({ body: { query: ME }, authorizer: { jwt: {} } }));
      await expectUnauthenticated(apiGatewayV2Event({ body: { query: ME }, authorizer: { jwt: { claims: 'sub=x' } } }));
      await expectUnauthenticated(apiGatewayV2Event({ body: { query: ME }, authorizer: null }));
    });

    it('throws UNAUTHENTICATED when sub is missing or blank', async () => {
      const { sub: _sub, ...noSub } = staffClaims(h.staff.LINK_WORKER);
      await expectUnauthenticated(apiGatewayV2Event({ body: { query: ME }, claims: noSub }));
      await expectUnauthenticated(
        apiGatewayV2Event({ body: { query: ME }, claims: { ...staffClaims(h.staff.LINK_WORKER), sub: ' ' } }),
      );
    });

    it('throws UNAUTHENTICATED when the token carries no role or two roles', async () => {
      const claims = staffClaims(h.staff.LINK_WORKER);
      await expectUnauthenticated(
        apiGatewayV2Event({ body: { query: ME }, claims: { ...claims, 'cognito:groups': [] } }),
      );
      await expectUnauthenticated(
        apiGatewayV2Event({ body: { query: ME }, claims: { ...claims, 'cognito:groups': ['LINK_WORKER', 'ADMIN'] } }),
      );
      await expectUnauthenticated(
        apiGatewayV2Event({ body: { query: ME }, claims: { ...claims, 'cognito:groups': ['SUPERUSER'] } }),
      );
    });

    it('throws UNAUTHENTICATED when the token role differs from the staff record', async () => {
      const claims = { ...staffClaims(h.staff.LINK_WORKER), 'cognito:groups': ['ADMIN'] };
      await expectUnauthenticated(apiGatewayV2Event({ body: { query: ME }, claims }));
    });

    it('throws UNAUTHENTICATED when the token organisation differs from the staff record', async () => {
      const claims = { ...staffClaims(h.staff.LINK_WORKER), 'custom:organisationId': h.orgs.otherPcn.organisationId };
      await expectUnauthenticated(apiGatewayV2Event({ body: { query: ME }, claims }));
    });

    it('throws UNAUTHENTICATED for a subject with no staff record', async () => {
      const claims = staffClaims({ userId: '01JNOSUCHUSER0000000000000', role: 'LINK_WORKER' });
      await expectUnauthenticated(apiGatewayV2Event({ body: { query: ME }, claims }));
    });

    it('throws UNAUTHENTICATED for an inactive staff user', async () => {
      await expectUnauthenticated(apiGatewayV2Event({ body: { query: ME }, claims: staffClaims(h.staff.inactive) }));
    });

    it('ignores identity headers a caller adds', async () => {
      await expectUnauthenticated(
        apiGatewayV2Event({
          body: { query: ME },
          headers: { 'x-user-id': h.staff.ADMIN.userId, authorization: 'Bearer forged' },
        }),
      );
    });
  });

  describe('GraphQL over HTTP', () => {
    const claims = () => staffClaims(h.staff.LINK_WORKER);

    it('returns data for a GET with the query in the query string and a preflight header', async () => {
      const response = parseResult(
        await h.invoke(
          apiGatewayV2Event({
            method: 'GET',
            query: { query: ME, operationName: 'Me' },
            headers: { 'apollo-require-preflight': 'true' },
            claims: claims(),
          }),
        ),
      );

      expect(response.status).toBe(200);
      expect(response.json.data).toMatchObject({ me: { id: h.staff.LINK_WORKER.userId } });
    });

    it('blocks a GET without a preflight-forcing header (CSRF prevention)', async () => {
      const response = parseResult(
        await h.invoke(apiGatewayV2Event({ method: 'GET', query: { query: ME }, claims: claims() })),
      );

      expect(response.status).toBe(400);
      expect(response.raw).toMatch(/CSRF/);
    });

    it('refuses a mutation sent by GET', async () => {
      const response = parseResult(
        await h.invoke(
          apiGatewayV2Event({
            method: 'GET',
            query: { query: 'mutation { __typename }' },
            headers: { 'apollo-require-preflight': 'true' },
            claims: claims(),
          }),
        ),
      );

      expect(response.status).toBe(405);
    });

    it('answers application/graphql-response+json with that content type and 400 for a parse error', async () => {
      const response = parseResult(
        await h.invoke(
          apiGatewayV2Event({
            body: { query: '{ me { id ' },
            headers: { accept: 'application/graphql-response+json' },
            claims: claims(),
          }),
        ),
      );

      expect(response.status).toBe(400);
      expect(String(response.headers['content-type'])).toMatch(/^application\/graphql-response\+json/);
      expect(response.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    });

    it('answers application/graphql-response+json with 400 for a validation error', async () => {
      const response = parseResult(
        await h.invoke(
          apiGatewayV2Event({
            body: { query: '{ me { noSuchField } }' },
            headers: { accept: 'application/graphql-response+json' },
            claims: claims(),
          }),
        ),
      );

      expect(response.status).toBe(400);
      expect(response.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('returns a bare 400 for a body that is not JSON', async () => {
      const response = parseResult(
        await h.invoke(
          apiGatewayV2Event({
            body: '{"query": "{ me { id }"',
            headers: { 'content-type': 'application/json' },
            claims: claims(),
          }),
        ),
      );

      expect(response.status).toBe(400);
    });

    it('reads a base64-encoded body', async () => {
      const response = parseResult(
        await h.invoke(apiGatewayV2Event({ body: { query: ME }, isBase64Encoded: true, claims: claims() })),
      );

      expect(response.json.data).toMatchObject({ me: { id: h.staff.LINK_WORKER.userId } });
    });

    it('refuses a body over 100 KB with 413 before parsing it', async () => {
      const padding = 'x'.repeat(101 * 1024);
      const response = parseResult(
        await h.invoke(apiGatewayV2Event({ body: { query: ME, extensions: { padding } }, claims: claims() })),
      );

      expect(response.status).toBe(413);
      expect(response.json.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('tells every cache not to keep a response (Cache-Control: no-store), answers and refusals alike', async () => {
      const answered = await h.invoke(apiGatewayV2Event({ body: { query: ME }, claims: claims() }));
      const unauthenticated = await h.invoke(apiGatewayV2Event({ body: { query: ME } }));
      const tooLarge = await h.invoke(
        apiGatewayV2Event({ body: { query: ME, extensions: { padding: 'x'.repeat(101 * 1024) } }, claims: claims() }),
      );
      const notJson = await h.invoke(
        apiGatewayV2Event({
          body: '{"query": "{ me',
          headers: { 'content-type': 'application/json' },
          claims: claims(),
        }),
      );

      expect([answered, unauthenticated, tooLarge, notJson].map((result) => result.statusCode)).toEqual([
        200, 401, 413, 400,
      ]);
      for (const result of [answered, unauthenticated, tooLarge, notJson]) {
        expect(result.headers?.['cache-control']).toBe('no-store');
      }
    });

    it('refuses batched requests', async () => {
      const response = parseResult(
        await h.invoke(apiGatewayV2Event({ body: [{ query: ME }, { query: ME }], claims: claims() })),
      );

      expect(response.status).toBe(400);
      expect(response.json.data).toBeUndefined();
    });
  });
});
