import { ApolloServer } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';

/*
 * The smallest Apollo Server Lambda handler: one field, no plugins. infra/report-bundle-sizes.ts bundles it with the
 * same LinkworkFunction settings as the real GraphQL function and compares the two bundle sizes.
 */
const server = new ApolloServer({
  typeDefs: 'type Query { hello: String! }',
  resolvers: { Query: { hello: () => 'world' } },
});

export const handler = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler());
