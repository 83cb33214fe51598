import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ORGANISATION_CLAIM } from '../../functions/identity/adapters/cognito-sign-in-accounts';
import { ROLES } from '../../functions/identity/entities/staff-user';
import { freeLoopbackPort } from '../../scripts/lib/dynamodb-local';
import { stopProcess } from '../../scripts/lib/stop-process';

/*
 * A local Cognito for tests: `cognito-local` (npm) in a child process on a free loopback port, keeping its data in a
 * temporary directory that goes when it stops. It serves the user-pool admin API to the real
 * @aws-sdk/client-cognito-identity-provider. Its limits: it cannot deliver invitation e-mails (create users with
 * MessageAction SUPPRESS) and has no AdminUserGlobalSignOut.
 */

export interface CognitoLocal {
  endpoint: string;
  /** A client for the emulator; tests use it to look behind the adapter, or to break the pool on purpose. */
  client: CognitoIdentityProviderClient;
  stop(): Promise<void>;
}

export function cognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

export async function startCognitoLocal(readyTimeoutMs = 20_000): Promise<CognitoLocal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cognito-local-'));
  const port = await freeLoopbackPort();
  const entry = join(dirname(require.resolve('cognito-local/package.json')), 'lib', 'bin', 'start.js');
  // cognito-local keeps its data under `.cognito/` in its working directory.
  const child = spawn(process.execPath, [entry], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const client = cognitoClient(endpoint);
  const stop = async () => {
    client.destroy();
    await stopProcess(child);
    process.off('exit', killOnExit);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilAnswering(client, child, readyTimeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  return { endpoint, client, stop };
}

/**
 * A user pool shaped like the deployed one (infra/constructs/staff-identity.ts): e-mail as username, the custom
 * organisation attribute, one group per role. Returns its id.
 */
export async function createStaffUserPool(client: CognitoIdentityProviderClient, name = 'staff'): Promise<string> {
  const { UserPool } = await client.send(
    new CreateUserPoolCommand({
      PoolName: name,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Schema: [
        { Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true },
        {
          // Declared without the `custom:` prefix, as CDK's customAttributes does.
          Name: ORGANISATION_CLAIM.replace(/^custom:/, ''),
          AttributeDataType: 'String',
          Mutable: true,
          StringAttributeConstraints: { MinLength: '1', MaxLength: '64' },
        },
      ],
    }),
  );
  const userPoolId = UserPool!.Id!;
  for (const [precedence, role] of ROLES.entries()) {
    await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: role, Precedence: precedence }));
  }
  return userPoolId;
}

async function waitUntilAnswering(
  client: CognitoIdentityProviderClient,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`cognito-local exited with code ${child.exitCode} before it answered`);
    try {
      await client.send(new ListUserPoolsCommand({ MaxResults: 1 }));
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error('cognito-local did not answer', { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}
