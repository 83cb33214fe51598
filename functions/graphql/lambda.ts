import {
  handlers,
  type LambdaHandler,
  type middleware,
  startServerAndCreateLambdaHandler,
} from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createLinkwork, type Linkwork, type LinkworkOptions } from '../app/composition-root';
import { RequestAudit } from '../audit';
import type { CheckInTelemetry } from '../checkins';
import type { Principal } from '../identity';
import type { CursorCodec } from '../platform/cursor-codec';
import type { DataStore } from '../platform/dynamodb/client';
import type { ReferralDeps } from '../referrals';
import { DomainError } from '../shared/errors';
import { authenticate } from './auth';
import type { OperationMode } from './config';
import type { GraphQLContext, Loaders } from './context';
import { toGraphQLError } from './errors';
import { createLoaders } from './loaders';
import { logger } from './logger';
import { createApolloServer } from './server';
import { refuseUntrustedDocument } from './trusted-documents';

export const requestHandler =
  handlers.createAPIGatewayProxyEventV2RequestHandler<APIGatewayProxyEventV2WithJWTAuthorizer>();
export type GraphQLLambdaHandler = LambdaHandler<typeof requestHandler>;

/** Bodies larger than this are refused before parsing; no legitimate operation comes close. */
export const MAX_BODY_BYTES = 100 * 1024;

/** Refuses oversized bodies with 413 before Apollo parses them. */
export const bodySizeLimit: middleware.MiddlewareFn<typeof requestHandler> = async (event) => {
  if (!event.body) return undefined;
  const bytes = event.isBase64Encoded ? Math.floor((event.body.length * 3) / 4) : Buffer.byteLength(event.body, 'utf8');
  if (bytes > MAX_BODY_BYTES) {
    return {
      statusCode: 413,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        errors: [
          { message: `Request body is larger than ${MAX_BODY_BYTES} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } },
        ],
      }),
    };
  }
  return undefined;
};

/** In `trusted` mode: documents not in client/'s manifest are refused before Apollo sees them. */
export const trustedDocumentsOnly: middleware.MiddlewareFn<typeof requestHandler> = async (event) =>
  refuseUntrustedDocument(event);

/** The engine reports ids, counts and reasons only (its port's contract), so they go to the API's logger as they are. */
const apiCheckInTelemetry: CheckInTelemetry = {
  count: () => {},
  gauge: () => {},
  info: (message, fields) => logger.info(message, { ...fields }),
  warn: (message, fields) => logger.warn(message, { ...fields }),
  error: (message, fields) => logger.error(message, { ...fields }),
};

export interface GraphQLHandlerOptions extends Omit<LinkworkOptions, 'store'> {
  store: DataStore;
  stage: string;
  /** Which operations run: any valid one (default), or only client/'s trusted documents (config.ts). */
  operations?: OperationMode;
  /** Built from `store` by the composition root unless given (`npm start` shares one with its follow-up engine). */
  linkwork?: Linkwork;
}

/**
 * The per-request context: the use cases' ports for this caller, and fresh loaders. The activities and check-ins
 * ports are looked up when a resolver first asks for them, so a request that needs neither (a caseload) does not
 * build those contexts (functions/app/composition-root.ts). They are getters of the class, not of the object:
 * Apollo copies a context's own properties for each operation, which would call getters defined on the object.
 */
class RequestContext implements GraphQLContext {
  readonly cursors: CursorCodec;
  /** Everything this request's use cases audit, and every patient its response shows (audit-plugin.ts). */
  readonly audit: RequestAudit;
  readonly referrals: ReferralDeps;
  readonly loaders: Loaders;
  private activityPorts: GraphQLContext['activities'] | undefined;

  constructor(
    readonly linkwork: Linkwork,
    readonly principal: Principal,
  ) {
    this.cursors = linkwork.cursors;
    this.audit = new RequestAudit(linkwork.audit, principal, linkwork.clock);
    this.referrals = { ...linkwork.referrals.deps, audit: this.audit };
    this.loaders = createLoaders(linkwork, principal, this);
  }

  get activities(): GraphQLContext['activities'] {
    this.activityPorts ??= { ...this.linkwork.activities.deps, audit: this.audit };
    return this.activityPorts;
  }

  get checkIns(): GraphQLContext['checkIns'] {
    return this.linkwork.checkIns.deps;
  }
}

/** The per-request context (RequestContext). */
export function requestContext(linkwork: Linkwork, principal: Principal): GraphQLContext {
  return new RequestContext(linkwork, principal);
}

/**
 * The Lambda handler for API Gateway HTTP API (payload v2) with a JWT authorizer. Per request: the caller is
 * established from the authorizer's claims and their staff record (auth.ts), and fresh DataLoaders are made.
 */
export function createGraphQLHandler(options: GraphQLHandlerOptions): GraphQLLambdaHandler {
  const linkwork = options.linkwork ?? createLinkwork({ checkInTelemetry: apiCheckInTelemetry, ...options });
  const server = createApolloServer({ stage: options.stage, operations: options.operations ?? 'any' });
  const handler = startServerAndCreateLambdaHandler(server, requestHandler, {
    middleware: [bodySizeLimit, ...(options.operations === 'trusted' ? [trustedDocumentsOnly] : [])],
    context: async ({ event }): Promise<GraphQLContext> => {
      // At a cold start the cursor key is read while the caller's staff record and first page are (a no-op after).
      linkwork.cursors.prefetchKey();
      try {
        const principal = await authenticate(event, linkwork.identity);
        return requestContext(linkwork, principal);
      } catch (error) {
        // Context errors skip resolver error handling; give them their code and HTTP status here.
        if (error instanceof DomainError) throw toGraphQLError(error);
        throw error;
      }
    },
  });
  return async (event, context, callback) =>
    neverStored(await (handler(event, context, callback) as Promise<APIGatewayProxyStructuredResultV2>));
}

/**
 * Every response says `Cache-Control: no-store`, answers and refusals alike (the middleware's early answers included):
 * a response may carry a patient's record, and no browser or proxy between us and the caller may keep it. Apollo's
 * cache-control plugin used to say so, and it is disabled (server.ts).
 */
function neverStored(result: APIGatewayProxyStructuredResultV2): APIGatewayProxyStructuredResultV2 {
  return { ...result, headers: { ...result.headers, 'cache-control': 'no-store' } };
}
