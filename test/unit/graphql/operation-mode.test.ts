import { configFromEnv, parseOperationMode } from '../../../functions/graphql/config';

// The GraphQL function's other required settings, which these tests do not read.
const REQUIRED = {
  TABLE_NAME: 't',
  STAGE: 'prod',
  CURSOR_KEY_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:cursor-key-AbCdEf',
  USER_POOL_ID: 'eu-west-2_testpool',
};

describe('parseOperationMode', () => {
  it('returns any when GRAPHQL_OPERATIONS is unset or blank', () => {
    expect(parseOperationMode(undefined)).toBe('any');
    expect(configFromEnv(REQUIRED).operations).toBe('any');
  });

  it('returns trusted when asked', () => {
    expect(configFromEnv({ ...REQUIRED, GRAPHQL_OPERATIONS: 'trusted' }).operations).toBe('trusted');
  });

  it('throws naming the variable and the modes for an unknown value', () => {
    expect(() => parseOperationMode('strict')).toThrow('GRAPHQL_OPERATIONS must be one of any, trusted');
  });
});
