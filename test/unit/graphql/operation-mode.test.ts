import { configFromEnv, parseOperationMode } from '../../../functions/graphql/config';

describe('parseOperationMode', () => {
  it('returns any when GRAPHQL_OPERATIONS is unset or blank', () => {
    expect(parseOperationMode(undefined)).toBe('any');
    expect(configFromEnv({ TABLE_NAME: 't', STAGE: 'prod' }).operations).toBe('any');
  });

  it('returns trusted when asked', () => {
    expect(configFromEnv({ TABLE_NAME: 't', STAGE: 'prod', GRAPHQL_OPERATIONS: 'trusted' }).operations).toBe('trusted');
  });

  it('throws naming the variable and the modes for an unknown value', () => {
    expect(() => parseOperationMode('strict')).toThrow('GRAPHQL_OPERATIONS must be one of any, trusted');
  });
});
