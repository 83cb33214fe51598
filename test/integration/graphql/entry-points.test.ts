import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyLocalToken } from '../../../scripts/lib/local-jwt';
import { tokenFor } from '../../../scripts/token';
import { apiGatewayV2Event, type HandlerResult, lambdaContext, staffClaims } from '../../support/events';
import { createHarness, type Harness, parseResult } from './harness';

describe('entry points', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('returns me through functions/graphql/handler.ts configured from the environment', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      TABLE_NAME: h.table.tableName,
      STAGE: 'test',
      DYNAMODB_ENDPOINT: h.table.endpoint,
      // Required settings that `me` never reaches: the cursor key is read when a cursor is first sealed or opened
      // (test/integration/platform/cursor-key-secret.test.ts), and the user pool only by staff administration.
      CURSOR_KEY_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:linkwork-test-cursor-key-AbCdEf',
      USER_POOL_ID: 'eu-west-2_testpool',
    });
    try {
      // A plain require (not isolateModules): graphql must stay one module instance across the schema and Apollo.
      const { handler } =
        require('../../../functions/graphql/handler') as typeof import('../../../functions/graphql/handler');
      const event = apiGatewayV2Event({ body: { query: '{ me { id } }' }, claims: staffClaims(h.staff.ADMIN) });

      const result = parseResult((await handler(event, lambdaContext(), () => {})) as HandlerResult);

      expect(result.json).toEqual({ data: { me: { id: h.staff.ADMIN.userId } } });
    } finally {
      process.env = saved;
    }
  });

  it('throws naming TABLE_NAME when the handler module loads without it', () => {
    const saved = { ...process.env };
    delete process.env.TABLE_NAME;
    process.env.STAGE = 'test';
    try {
      expect(() =>
        jest.isolateModules(() => {
          require('../../../functions/graphql/handler');
        }),
      ).toThrow('Environment variable TABLE_NAME is required but not set');
    } finally {
      process.env = saved;
    }
  });

  it('returns a verifiable token for a seeded user found by e-mail (scripts/token.ts)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkwork-token-'));
    const keyFile = join(dir, 'key.json');
    try {
      const token = await tokenFor(
        h.staff.LINK_WORKER.email,
        {
          DYNAMODB_ENDPOINT: h.table.endpoint,
          TABLE_NAME: h.table.tableName,
        },
        { keyFile },
      );

      const claims = await verifyLocalToken(token, { keyFile });

      expect(claims).toMatchObject({
        sub: h.staff.LINK_WORKER.userId,
        'cognito:groups': ['LINK_WORKER'],
        'custom:organisationId': h.orgs.pcn.organisationId,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
