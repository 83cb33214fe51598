import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { createLinkwork, type Linkwork } from '../../../functions/app/composition-root';
import { createGraphQLHandler, type GraphQLLambdaHandler } from '../../../functions/graphql/lambda';
import { DynamoDbIdentityRepository } from '../../../functions/identity/adapters/dynamodb-identity-repository';
import type { Organisation } from '../../../functions/identity/entities/organisation';
import { type Role, type StaffUser, staffUserEntity } from '../../../functions/identity/entities/staff-user';
import { registerOrganisation } from '../../../functions/identity/use-cases/register-organisation';
import { registerStaffUser } from '../../../functions/identity/use-cases/register-staff-user';
import { createDataStore, type DataStore } from '../../../functions/platform/dynamodb/client';
import { entityConfig } from '../../../functions/platform/dynamodb/service';
import { ManualClock } from '../../../functions/shared/clock';
import { createIdGenerator } from '../../../functions/shared/ids';
import {
  type ApiGatewayV2EventOptions,
  graphqlEvent,
  type HandlerResult,
  lambdaContext,
  staffClaims,
} from '../../support/events';
import { freshTable, type TestTable } from '../../support/table';

export interface Organisations {
  icb: Organisation;
  pcn: Organisation;
  otherPcn: Organisation;
  practice: Organisation;
  provider: Organisation;
}

export type Staff = Record<Role, StaffUser> & {
  otherLinkWorker: StaffUser;
  otherPcnLinkWorker: StaffUser;
  inactive: StaffUser;
};

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string | number | boolean>;
  raw: string;
  json: { data?: T | null; errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[] };
}

export interface Harness {
  table: TestTable;
  store: DataStore;
  clock: ManualClock;
  /** The application the handler serves (composition root), for tests that drive the engine beside the API. */
  linkwork: Linkwork;
  handler: GraphQLLambdaHandler;
  orgs: Organisations;
  staff: Staff;
  invoke(event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<HandlerResult>;
  /** POSTs an operation as `user`, through the Lambda handler. */
  gql<T = Record<string, unknown>>(
    user: StaffUser,
    query: string,
    variables?: Record<string, unknown>,
    options?: Omit<ApiGatewayV2EventOptions, 'body' | 'claims'>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export function parseResult<T>(result: HandlerResult): GraphQLResponse<T> {
  const raw = result.body ?? '';
  let json: GraphQLResponse<T>['json'] = {};
  try {
    json = JSON.parse(raw);
  } catch {
    json = {};
  }
  return { status: result.statusCode ?? 200, headers: result.headers ?? {}, raw, json };
}

/** A fresh table with one ICB → PCN → practice tree, a provider, and one active user per role. */
export async function createHarness(): Promise<Harness> {
  const table = await freshTable();
  const store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
  const clock = new ManualClock('2026-03-02T10:00:00Z');
  const newId = createIdGenerator(clock);
  const identity = new DynamoDbIdentityRepository(store);
  const deps = { identity, clock, newId };

  const icb = await registerOrganisation(deps, { kind: 'ICB', name: 'NHS Example ICB', odsCode: 'QXX' });
  const pcn = await registerOrganisation(deps, { kind: 'PCN', name: 'Riverside PCN', parentId: icb.organisationId });
  const otherPcn = await registerOrganisation(deps, {
    kind: 'PCN',
    name: 'Hillside PCN',
    parentId: icb.organisationId,
  });
  const practice = await registerOrganisation(deps, {
    kind: 'PRACTICE',
    name: 'Bridge Street Surgery',
    parentId: pcn.organisationId,
  });
  const provider = await registerOrganisation(deps, {
    kind: 'PROVIDER',
    name: 'Riverside Walking Group',
    parentId: icb.organisationId,
  });
  const user = (role: Role, name: string, organisationId: string) =>
    registerStaffUser(deps, {
      role,
      name,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.nhs.uk`,
      organisationId,
    });
  const staff: Staff = {
    LINK_WORKER: await user('LINK_WORKER', 'Lena Link', pcn.organisationId),
    COORDINATOR: await user('COORDINATOR', 'Cora Coordinator', pcn.organisationId),
    COMMISSIONER: await user('COMMISSIONER', 'Colin Commissioner', icb.organisationId),
    PROVIDER: await user('PROVIDER', 'Priya Provider', provider.organisationId),
    ADMIN: await user('ADMIN', 'Ada Admin', icb.organisationId),
    otherLinkWorker: await user('LINK_WORKER', 'Otto Other', pcn.organisationId),
    otherPcnLinkWorker: await user('LINK_WORKER', 'Hilda Hillside', otherPcn.organisationId),
    inactive: await user('LINK_WORKER', 'Ivan Inactive', pcn.organisationId),
  };
  // The identity context has no "deactivate" use case yet; flip the flag through the entity.
  await staffUserEntity(entityConfig(store)).patch({ userId: staff.inactive.userId }).set({ active: false }).go();

  const linkwork = createLinkwork({ store, clock, newId });
  const handler = createGraphQLHandler({ store, stage: 'test', linkwork });
  const invoke = async (event: APIGatewayProxyEventV2WithJWTAuthorizer) =>
    (await handler(event, lambdaContext(), () => {})) as HandlerResult;

  return {
    table,
    store,
    clock,
    linkwork,
    handler,
    orgs: { icb, pcn, otherPcn, practice, provider },
    staff,
    invoke,
    gql: async (asUser, query, variables, options = {}) =>
      parseResult(await invoke(graphqlEvent(query, variables, { ...options, claims: staffClaims(asUser) }))),
    close: async () => {
      store.client.destroy();
      await table.drop();
    },
  };
}
