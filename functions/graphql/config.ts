import { optionalEnv, requireEnv } from '../shared/env';

/**
 * Which operations the API runs.
 * - `any`: any valid operation; the trusted documents (client/'s manifest) are also answered by hash alone, and other
 *   operations may register by hash for this instance's lifetime (Apollo's automatic persisted queries).
 * - `trusted`: only the trusted documents, sent by hash or as their exact text; anything else is refused with
 *   OPERATION_NOT_TRUSTED before it is parsed (safelisting). For a production whose only frontends are built on client/.
 */
export const OPERATION_MODES = ['any', 'trusted'] as const;
export type OperationMode = (typeof OPERATION_MODES)[number];

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
  /** GRAPHQL_OPERATIONS (default `any`): see OperationMode. */
  operations: OperationMode;
}

/** Read once at cold start; a missing or unknown variable stops the function with its name. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): GraphQLConfig {
  const endpoint = optionalEnv('DYNAMODB_ENDPOINT', env);
  return {
    tableName: requireEnv('TABLE_NAME', env),
    stage: requireEnv('STAGE', env),
    cursorKeySecretArn: requireEnv('CURSOR_KEY_SECRET_ARN', env),
    userPoolId: requireEnv('USER_POOL_ID', env),
    ...(endpoint ? { dynamoDbEndpoint: endpoint } : {}),
    operations: parseOperationMode(optionalEnv('GRAPHQL_OPERATIONS', env)),
  };
}

/** `value` as an OperationMode (`any` when unset); throws naming the variable and the modes there are. */
export function parseOperationMode(value: string | undefined): OperationMode {
  if (value === undefined || value === '') return 'any';
  if (!(OPERATION_MODES as readonly string[]).includes(value)) {
    throw new Error(`GRAPHQL_OPERATIONS must be one of ${OPERATION_MODES.join(', ')}`);
  }
  return value as OperationMode;
}

export function isProduction(stage: string): boolean {
  return stage === 'prod';
}
