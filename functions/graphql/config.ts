import { optionalEnv, requireEnv } from '../shared/env';

export interface GraphQLConfig {
  tableName: string;
  /** `prod` hardens the server (no introspection, landing page, schema hints or stack traces). */
  stage: string;
  /** DynamoDB Local, for `npm start` and tests; unset in AWS. */
  dynamoDbEndpoint?: string;
  /** The Secrets Manager secret paging cursors are sealed with (the stateless stack generates it). */
  cursorKeySecretArn: string;
  /** The staff user pool, where staff administration opens, changes and closes sign-in accounts. */
  userPoolId: string;
}

/** Read once at cold start; a missing variable stops the function with its name. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): GraphQLConfig {
  const endpoint = optionalEnv('DYNAMODB_ENDPOINT', env);
  return {
    tableName: requireEnv('TABLE_NAME', env),
    stage: requireEnv('STAGE', env),
    cursorKeySecretArn: requireEnv('CURSOR_KEY_SECRET_ARN', env),
    userPoolId: requireEnv('USER_POOL_ID', env),
    ...(endpoint ? { dynamoDbEndpoint: endpoint } : {}),
  };
}

export function isProduction(stage: string): boolean {
  return stage === 'prod';
}
