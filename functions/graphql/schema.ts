import { addResolversToSchema } from '@graphql-tools/schema';
import { buildASTSchema, type GraphQLSchema, parse } from 'graphql';
import { auditingResolvers } from './audit-plugin';
import { sdl, sdlWithoutDescriptions } from './generated/schema';
import { resolvers } from './resolvers';

/**
 * The executable schema, built the short way at cold start. Given `typeDefs`, Apollo Server runs graphql-tools'
 * makeExecutableSchema: it parses every schema file with locations, merges the documents, validates the SDL, builds
 * the schema, and then copies the whole schema again to attach resolvers (about 100 ms of a cold start on the 2-core
 * machine). The generated SDL is already one document without comments (codegen.ts); it is parsed without
 * locations, built without validating it again (the schema tests build and validate the same string, and every
 * operation's execution still validates the schema once), and the resolvers are attached in place.
 *
 * A production bundle leaves out the descriptions (infra/lambda-bundling.ts): esbuild replaces the constant below,
 * and the text of the other string is dropped from the bundle. Unbundled (npm start, tests), both are there and the
 * descriptions are served.
 */
export function executableSchema(): GraphQLSchema {
  const source = process.env.LINKWORK_SCHEMA_DESCRIPTIONS === 'omit' ? sdlWithoutDescriptions : sdl;
  const schema = buildASTSchema(parse(source, { noLocation: true }), { assumeValidSDL: true });
  return addResolversToSchema({
    schema,
    // Patient record types' resolvers note their patient on the request's audit first (audit-plugin.ts).
    resolvers: auditingResolvers(resolvers) as Parameters<typeof addResolversToSchema>[0]['resolvers'],
    updateResolversInPlace: true,
  });
}
