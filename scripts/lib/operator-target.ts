import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDataStore, type DataStore } from '../../functions/platform/dynamodb/client';
import { assertLoopbackEndpoint } from './dynamodb-local';
import { readLocalState } from './local-state';

/*
 * Where an operator command (organisation import, first administrator) acts: the local stack `npm start` runs, or a
 * deployed stage, found from the outputs `npm run deploy` writes to cdk-outputs.json (table name, region, user pool).
 * In AWS the command runs with the operator's own credentials (the AWS SDK's usual chain: profile, SSO, environment);
 * those credentials are its authority, so it needs rights to the table (and, for administrators, the user pool).
 */

export const DEFAULT_OUTPUTS_FILE = join(resolve(__dirname, '..', '..'), 'cdk-outputs.json');
const STAGES = ['local', 'dev', 'prod'] as const;
export type OperatorStage = (typeof STAGES)[number];

export interface TargetOptions {
  /** `local` (default), `dev` or `prod`. */
  stage?: string;
  /** cdk-outputs.json written by `npm run deploy`; the repository root's by default. */
  outputsFile?: string;
}

export interface OperatorTarget {
  stage: OperatorStage;
  store: DataStore;
  /** Deployed stages only: the staff user pool. */
  userPoolId?: string;
  region?: string;
  /** For the report: where it acted, e.g. `table linkwork-prod-table (eu-west-2)`. */
  description: string;
}

export class TargetError extends Error {}

export function parseOperatorStage(value: string | undefined): OperatorStage {
  const stage = value ?? 'local';
  if (!(STAGES as readonly string[]).includes(stage)) {
    throw new TargetError(`Unknown stage "${stage}": use one of ${STAGES.join(', ')}`);
  }
  return stage as OperatorStage;
}

/** The deployed stage's outputs, as `cdk deploy --outputs-file` wrote them. */
export function readStageOutputs(stage: Exclude<OperatorStage, 'local'>, outputsFile = DEFAULT_OUTPUTS_FILE) {
  const stack = `Linkwork-${stage}-Stateful`;
  if (!existsSync(outputsFile)) {
    throw new TargetError(
      `${outputsFile} does not exist: deploy first (npm run deploy -- -c stage=${stage} …), which writes it, ` +
        'or pass --outputs-file with the file it wrote',
    );
  }
  const outputs = (JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, Record<string, string>>)[stack];
  const { TableName: tableName, Region: region, UserPoolId: userPoolId } = outputs ?? {};
  if (!tableName || !region || !userPoolId) {
    throw new TargetError(
      `${outputsFile} has no TableName, Region and UserPoolId for ${stack}: deploy that stage first`,
    );
  }
  return { tableName, region, userPoolId };
}

export function resolveTarget(options: TargetOptions, env: NodeJS.ProcessEnv = process.env): OperatorTarget {
  const stage = parseOperatorStage(options.stage);
  if (stage === 'local') {
    const running = readLocalState();
    const endpoint = env.DYNAMODB_ENDPOINT || running?.dynamodbEndpoint || 'http://127.0.0.1:8000';
    assertLoopbackEndpoint(endpoint);
    const tableName = env.TABLE_NAME || running?.tableName || 'linkwork-local';
    return {
      stage,
      store: createDataStore({ tableName, endpoint }),
      description: `local table ${tableName} at ${endpoint}`,
    };
  }
  const { tableName, region, userPoolId } = readStageOutputs(stage, options.outputsFile);
  return {
    stage,
    store: createDataStore({ tableName, clientConfig: { region } }),
    userPoolId,
    region,
    description: `table ${tableName} (${region})`,
  };
}
