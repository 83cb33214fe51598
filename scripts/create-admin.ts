/**
 * Creates an administrator, the one member of staff nobody can create through the API on a new stage:
 *
 *   npm run admin:create -- --email ada@example.nhs.uk --name "Ada Admin" --ods-code QRD              # local stack
 *   npm run admin:create -- --email ada@example.nhs.uk --name "Ada Admin" --ods-code QRD --stage prod # a deployed stage
 *
 * With `--ods-code` (an ICB's, imported first with `npm run import:organisations`) they administer that ICB; without
 * it they are a national administrator. It goes through the same use case as the `createStaffUser` mutation: in AWS
 * the Cognito user (in the ADMIN group, with the organisation claim; Cognito e-mails a temporary password) and then
 * the staff record, so a failure half-way leaves neither; locally the local account, and a bearer token is printed.
 * The operator's AWS credentials are the authority (rights to the stage's table and user pool, from
 * cdk-outputs.json); nothing else about the operator is recorded but the word `operator`.
 */

import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createLinkwork, type SignInOption } from '../functions/app/composition-root';
import { createStaffUser, type Principal, parseOdsCode } from '../functions/identity';
import type { DataStore } from '../functions/platform/dynamodb/client';
import { DomainError, ValidationError } from '../functions/shared/errors';
import { signLocalToken } from './lib/local-jwt';
import { resolveTarget, TargetError } from './lib/operator-target';

const USAGE =
  'usage: npm run admin:create -- --email <address> --name <full name> [--ods-code <ICB code>] [--stage local|dev|prod] [--outputs-file cdk-outputs.json]';

/** Who acts: the operator, with national reach; their AWS credentials are what let them act at all. */
const OPERATOR: Principal = { userId: 'operator', role: 'ADMIN' };

export interface CreateAdminOptions {
  env?: NodeJS.ProcessEnv;
  print?: (line: string) => void;
  /** Use this table instead of resolving the stage's (tests). */
  store?: DataStore;
  /** Where the account is opened instead of the stage's (tests). */
  signIn?: SignInOption;
  /** The local JWT key file tokens are printed with (tests); `.data/local-jwt-key.json` by default. */
  keyFile?: string;
}

/** Runs the command; returns the exit code. */
export async function createAdminCommand(argv: readonly string[], options: CreateAdminOptions = {}): Promise<number> {
  const print = options.print ?? ((line: string) => console.log(line));
  let args: ReturnType<typeof parseCommandLine>;
  try {
    args = parseCommandLine(argv);
  } catch (error) {
    print((error as Error).message);
    print(USAGE);
    return 2;
  }
  let store = options.store;
  let signIn = options.signIn;
  if (!store) {
    try {
      const target = resolveTarget({ stage: args.stage, outputsFile: args.outputsFile }, options.env);
      store = target.store;
      signIn ??= target.userPoolId
        ? {
            kind: 'cognito',
            userPoolId: target.userPoolId,
            client: new CognitoIdentityProviderClient({ region: target.region }),
          }
        : undefined;
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
      print(error.message);
      return 2;
    }
  }
  const keyFile = options.keyFile;
  const linkwork = createLinkwork({
    store,
    signIn: signIn ?? {
      kind: 'local',
      announce: async (account) =>
        print(
          `Bearer ${await signLocalToken(account, keyFile ? { keyFile } : {})} (or: npm run token -- ${account.userId})`,
        ),
    },
  });
  try {
    const organisationId = args.odsCode === undefined ? undefined : await icbOf(linkwork.identity, args.odsCode);
    const admin = await createStaffUser(linkwork.staff, OPERATOR, {
      email: args.email,
      name: args.name,
      role: 'ADMIN',
      ...(organisationId ? { organisationId } : {}),
    });
    const reach = organisationId ? `administrator of ICB ${args.odsCode?.toUpperCase()}` : 'national administrator';
    print(`created ${reach}: ${admin.userId}; they sign in with their e-mail address`);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    print(
      error instanceof ValidationError
        ? `${optionOf(error.field)}: ${error.message.slice(error.field.length + 2)}`
        : error.message,
    );
    return 1;
  } finally {
    if (!options.store) store.client.destroy();
  }
}

/** The ICB registered under `odsCode`, which must have been imported first. */
async function icbOf(identity: ReturnType<typeof createLinkwork>['identity'], odsCode: string): Promise<string> {
  const icb = await identity.findOrganisationByOdsCode(parseOdsCode(odsCode, 'ICB', 'odsCode'));
  if (icb?.kind !== 'ICB') {
    throw new ValidationError(
      'odsCode',
      'names no ICB yet: import the organisations first (npm run import:organisations)',
    );
  }
  return icb.organisationId;
}

/** The command-line option an input field came from. */
function optionOf(field: string): string {
  return field === 'odsCode' ? '--ods-code' : field === 'organisationId' ? '--ods-code' : `--${field}`;
}

function parseCommandLine(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      'ods-code': { type: 'string' },
      stage: { type: 'string' },
      'outputs-file': { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new Error('Unexpected argument: give every value with its option.');
  if (!values.email || !values.name) throw new Error('Give --email and --name.');
  return {
    email: values.email,
    name: values.name,
    odsCode: values['ods-code'],
    stage: values.stage,
    outputsFile: values['outputs-file'],
  };
}

if (require.main === module) {
  createAdminCommand(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      console.error(error.name);
      process.exitCode = 1;
    },
  );
}
