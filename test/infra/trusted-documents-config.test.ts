import { Match, Template } from 'aws-cdk-lib/assertions';
import { ConfigError, parseConfig } from '../../infra/config';
import { buildStage, PROD_SETTINGS } from './support';

/** The switch that lets production run only client/'s trusted documents (GRAPHQL_OPERATIONS on the GraphQL function). */
describe('api.operations', () => {
  const prodWith = (api: Record<string, unknown>) =>
    parseConfig('prod', { ...PROD_SETTINGS, api: { ...PROD_SETTINGS.api, ...api } });

  it('returns any when unset, and trusted when a deployer asks for it', () => {
    expect(prodWith({}).api.operations).toBe('any');
    expect(prodWith({ operations: 'trusted' }).api.operations).toBe('trusted');
  });

  it('throws naming the key and the modes for anything else', () => {
    expect(() => prodWith({ operations: 'strict' })).toThrow(ConfigError);
    expect(() => prodWith({ operations: 'strict' })).toThrow(
      /linkwork\.prod\.api\.operations: must be one of any, trusted/,
    );
  });

  it.each(['any', 'trusted'] as const)('passes %s to the GraphQL function as GRAPHQL_OPERATIONS', (operations) => {
    const { stateless } = buildStage(prodWith({ operations }));

    Template.fromStack(stateless).hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'linkwork-prod-graphql',
      Environment: { Variables: Match.objectLike({ GRAPHQL_OPERATIONS: operations }) },
    });
  });
});
