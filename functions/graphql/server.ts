import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { auditingFieldResolver, structuralAuditPlugin } from './audit-plugin';
import { isProduction, type OperationMode } from './config';
import type { GraphQLContext } from './context';
import { createErrorFormatter } from './errors';
import { inputHygienePlugin } from './input-hygiene';
import { MAX_TOKENS, operationWidthRules, queryLimitsPlugin } from './limits';
import { logger } from './logger';
import { executableSchema } from './schema';
import { persistedQueryOptions } from './trusted-documents';

export interface ServerOptions {
  stage: string;
  /** Which operations run (config.ts); default `any`. */
  operations?: OperationMode;
}

/**
 * The Apollo server, hardened for production: no introspection or landing page, no schema hints ("did you mean…")
 * or stack traces in errors. Everywhere: CSRF prevention (Apollo's default), no batching, token/alias/root-field/
 * directive limits while validating, depth/cost/page-size limits and the input rules (ids, text) before executing,
 * one error formatter that never quotes a submitted value. The schema is built from the generated SDL (schema.ts),
 * so esbuild bundles it and a cold start reads no file. Persisted queries answer client/'s trusted documents by
 * hash; in `trusted` mode the cache learns nothing new (and the Lambda refuses other documents before they reach
 * Apollo: trusted-documents.ts).
 */
export function createApolloServer(options: ServerOptions): ApolloServer<GraphQLContext> {
  const production = isProduction(options.stage);
  const operations = options.operations ?? 'any';
  return new ApolloServer<GraphQLContext>({
    schema: executableSchema(),
    // Patient record fields note their patient on the request's audit as they resolve (audit-plugin.ts): the schema's
    // resolvers of those types are wrapped (executableSchema), and every other field goes through this default one.
    fieldResolver: auditingFieldResolver,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    persistedQueries: persistedQueryOptions(operations),
    formatError: createErrorFormatter({ hideSchemaDetails: production }),
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: operationWidthRules(),
    // Apollo logs startup and plugin failures as plain strings; route them through our structured logger.
    logger: {
      debug: (message) => logger.debug(String(message)),
      info: (message) => logger.info(String(message)),
      warn: (message) => logger.warn(String(message)),
      error: (message) => logger.error(String(message)),
    },
    plugins: [
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
      // We send no cache hints (a response of patient data is never cacheable), and the plugin's per-field hook made
      // Apollo wrap every field of every response (docs/performance.md).
      ApolloServerPluginCacheControlDisabled(),
      // Nothing about our operations leaves for Apollo's cloud, even where an APOLLO_KEY is set by mistake: usage
      // and schema reports name operations and fields and quote error messages, which are not Apollo's to hold.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // Inline traces are for federated subgraphs, which this is not: nothing to load and ask at each start.
      ApolloServerPluginInlineTraceDisabled(),
      inputHygienePlugin<GraphQLContext>({ hideSchemaDetails: production }),
      queryLimitsPlugin<GraphQLContext>(),
      structuralAuditPlugin<GraphQLContext>(),
    ],
  });
}
