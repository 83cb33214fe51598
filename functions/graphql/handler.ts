import { secretsManagerCursorKey } from '../platform/cursor-key-secret';
import { createDataStore } from '../platform/dynamodb/client';
import { configFromEnv } from './config';
import { createGraphQLHandler } from './lambda';
import { logger } from './logger';

/*
 * Lambda entry point (API Gateway HTTP API, payload v2, JWT authorizer). Configuration is read once here; the Apollo
 * server starts at module load (startServerAndCreateLambdaHandler), never per request.
 */
const config = configFromEnv();

export const handler = createGraphQLHandler({
  stage: config.stage,
  store: createDataStore({
    tableName: config.tableName,
    ...(config.dynamoDbEndpoint ? { endpoint: config.dynamoDbEndpoint } : {}),
  }),
  cursorKey: secretsManagerCursorKey(config.cursorKeySecretArn),
  signIn: { kind: 'cognito', userPoolId: config.userPoolId },
  // Staff administration logs ids, roles and error names only (decision 0006).
  staffChangeLog: {
    info: (message, fields) => logger.info(message, { ...fields }),
    error: (message, fields) => logger.error(message, { ...fields }),
  },
});
