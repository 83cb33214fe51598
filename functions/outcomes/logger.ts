import { Logger } from '@aws-lambda-powertools/logger';

/** One logger for the outcome functions. Logs ids of organisations, counts and codes only: never a person's data. */
export const logger = new Logger({ serviceName: 'linkwork-outcomes' });
