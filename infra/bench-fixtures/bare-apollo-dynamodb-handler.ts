import { ApolloServer } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

/*
 * The cold-start floor: the smallest Apollo Server Lambda handler whose one resolver reads one item from DynamoDB
 * through the SDK, bundled like the real GraphQL function. What the GraphQL function needs beyond this (the schema,
 * ElectroDB, the use cases, auth, audit) is what bench/cases/cold-start.ts measures against it.
 */
const endpoint = process.env.DYNAMODB_ENDPOINT;
const client = new DynamoDBClient(
  endpoint ? { endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {},
);

const server = new ApolloServer({
  typeDefs: 'type Query { item(pk: String!): Boolean! }',
  resolvers: {
    Query: {
      item: async (_parent: unknown, { pk }: { pk: string }) => {
        const { Item } = await client.send(
          new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { pk: { S: pk }, sk: { S: pk } } }),
        );
        return Item !== undefined;
      },
    },
  },
});

export const handler = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler());
