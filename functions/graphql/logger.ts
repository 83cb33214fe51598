import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One logger for the GraphQL function, created at cold start. Callers log ids, codes and error names only: never
 * patient names, NHS numbers, phone numbers or message bodies (errors are logged through `describeError`).
 */
export const logger = new Logger({ serviceName: 'linkwork-graphql' });
