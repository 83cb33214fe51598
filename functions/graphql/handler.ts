import { createDataStore } from '../platform/dynamodb/client';
import { configFromEnv } from './config';
import { createGraphQLHandler } from './lambda';

/*
 * Lambda entry point (API Gateway HTTP API, payload v2, JWT authorizer). Configuration is read once here; the Apollo
 * server starts at module load (startServerAndCreateLambdaHandler), never per request.
 */
const config = configFromEnv();

export const handler = createGraphQLHandler({
  stage: config.stage,
  operations: config.operations,
  store: createDataStore({
    tableName: config.tableName,
    ...(config.dynamoDbEndpoint ? { endpoint: config.dynamoDbEndpoint } : {}),
  }),
});
