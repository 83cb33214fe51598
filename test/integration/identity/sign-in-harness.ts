import { ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { authenticate } from '../../../functions/graphql/auth';
import { CognitoSignInAccounts } from '../../../functions/identity/adapters/cognito-sign-in-accounts';
import { DynamoDbIdentityRepository } from '../../../functions/identity/adapters/dynamodb-identity-repository';
import { LocalSignInAccounts } from '../../../functions/identity/adapters/local-sign-in-accounts';
import { localSignInAccountEntity } from '../../../functions/identity/entities/local-sign-in-account';
import type { SignInAccount, SignInAccounts, StaffChangeLog } from '../../../functions/identity/ports';
import type { Principal } from '../../../functions/identity/principal';
import { createDataStore, type DataStore } from '../../../functions/platform/dynamodb/client';
import { entityConfig } from '../../../functions/platform/dynamodb/service';
import { createIdGenerator } from '../../../functions/shared/ids';
import { type CognitoLocal, createStaffUserPool, startCognitoLocal } from '../../support/cognito-local';
import { apiGatewayV2Event } from '../../support/events';
import { freshTable, type TestTable } from '../../support/table';

/*
 * The two SignInAccounts adapters under one harness, so the same tests run against Cognito (cognito-local, through
 * the real SDK) and against the local stand-in `npm start` uses, each beside a fresh DynamoDB Local table.
 */

export type AdapterName = 'cognito' | 'local';
export const ADAPTERS: AdapterName[] = ['cognito', 'local'];

export interface SignInHarness {
  table: TestTable;
  store: DataStore;
  accounts: SignInAccounts;
  /** Every e-mail with an account, read behind the adapter's back (Cognito ListUsers, or the local items). */
  accountEmails(): Promise<string[]>;
  /** Cognito only: the emulator, for breaking the pool on purpose. */
  cognito?: { emulator: CognitoLocal; userPoolId: string };
  stop(): Promise<void>;
}

export async function startHarness(adapter: AdapterName): Promise<SignInHarness> {
  const table = await freshTable();
  const store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
  const stopTable = async () => {
    store.client.destroy();
    await table.drop();
  };
  if (adapter === 'local') {
    const items = localSignInAccountEntity(entityConfig(store));
    return {
      table,
      store,
      accounts: new LocalSignInAccounts(store, createIdGenerator()),
      accountEmails: async () => (await items.scan.go({ pages: 'all' })).data.map((item) => item.email),
      stop: stopTable,
    };
  }
  const emulator = await startCognitoLocal();
  const userPoolId = await createStaffUserPool(emulator.client);
  return {
    table,
    store,
    accounts: new CognitoSignInAccounts({ client: emulator.client, userPoolId, sendInvitation: false }),
    accountEmails: async () => {
      const { Users } = await emulator.client.send(new ListUsersCommand({ UserPoolId: userPoolId }));
      return (Users ?? []).map((user) => user.Attributes?.find((a) => a.Name === 'email')?.Value ?? '');
    },
    cognito: { emulator, userPoolId },
    stop: async () => {
      await emulator.stop();
      await stopTable();
    },
  };
}

/**
 * What functions/graphql/auth.ts makes of a token this account would be issued (its subject, groups and
 * organisation claim), checked against the staff records in `store`. Throws UnauthenticatedError when refused.
 */
export function signInAs(store: DataStore, account: SignInAccount): Promise<Principal> {
  const event = apiGatewayV2Event({
    claims: {
      sub: account.userId,
      'cognito:groups': account.roles,
      ...(account.organisationId ? { 'custom:organisationId': account.organisationId } : {}),
      token_use: 'id',
    },
  });
  return authenticate(event, new DynamoDbIdentityRepository(store));
}

/**
 * Makes the next write of a staff record fail as DynamoDB would under a fault, and only that one: other items (the
 * local accounts) and reads go through. The fault is raised inside the real SDK's middleware stack, before retries.
 */
export function failNextStaffRecordWrite(store: DataStore): { fired(): boolean } {
  let fired = false;
  const isStaffRecord = (item: unknown) => {
    const entity = (item as { __edb_e__?: unknown } | undefined)?.__edb_e__;
    return entity === 'staffUser' || (entity as { S?: string } | undefined)?.S === 'staffUser';
  };
  store.documentClient.middlewareStack.add(
    (next) => async (args) => {
      const input = (args as { input?: { Item?: unknown } }).input;
      if (!fired && isStaffRecord(input?.Item)) {
        fired = true;
        throw Object.assign(new Error('Injected fault'), { name: 'InternalServerError', $fault: 'server' });
      }
      return next(args);
    },
    { step: 'initialize', name: 'injectStaffRecordFault', override: true },
  );
  return { fired: () => fired };
}

/** A StaffChangeLog that keeps what it was told, for asserting what (and what not) gets logged. */
export class RecordingLog implements StaffChangeLog {
  readonly entries: { level: 'info' | 'error'; message: string; fields: Record<string, unknown> }[] = [];
  info(message: string, fields: Record<string, unknown>): void {
    this.entries.push({ level: 'info', message, fields });
  }
  error(message: string, fields: Record<string, unknown>): void {
    this.entries.push({ level: 'error', message, fields });
  }
  text(): string {
    return JSON.stringify(this.entries);
  }
}
