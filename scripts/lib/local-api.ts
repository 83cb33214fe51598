import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyResultV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { Linkwork } from '../../functions/app/composition-root';
import { isProduction, type OperationMode } from '../../functions/graphql/config';
import { createGraphQLHandler, type GraphQLLambdaHandler } from '../../functions/graphql/lambda';
import type { DataStore } from '../../functions/platform/dynamodb/client';
import type { Clock } from '../../functions/shared/clock';
import type { IdGenerator } from '../../functions/shared/ids';
import { localTokenVerifier, toApiGatewayClaims } from './local-jwt';

/*
 * API Gateway HTTP API in front of the GraphQL Lambda, on 127.0.0.1, for `npm start` and tests. Each request becomes
 * the payload-v2 event API Gateway would send (lower-case headers, `cookies` split out, `rawQueryString`, base64 for
 * binary bodies), after the bearer token has been verified the way the JWT authorizer verifies it; a missing or bad
 * token gets API Gateway's bare 401 and never reaches the handler. The handler is the very one deployed to Lambda.
 */

export interface LocalApiOptions {
  /** DynamoDB Local, with the table the handler should use. */
  store: DataStore;
  /** 0 (default) picks a free port. */
  port?: number;
  /**
   * Passed to the handler as STAGE is in AWS: `local` by default (introspection, the landing page and schema hints
   * stay on); `prod` turns on every production setting of functions/graphql (see `describeStage`).
   */
  stage?: LocalStage;
  /** Which operations run, as GRAPHQL_OPERATIONS in AWS: `any` (default) or only client/'s trusted documents. */
  operations?: OperationMode;
  /** Route served, as in infra: `/graphql` by default. */
  path?: string;
  /** Origins allowed by CORS (API Gateway's `corsPreflight`); by default any http://localhost or 127.0.0.1 port. */
  allowedOrigins?: readonly string[];
  /** Where the local signing key lives (default `.data/local-jwt-key.json`). */
  keyFile?: string;
  clock?: Clock;
  newId?: IdGenerator;
  /** The application to serve (composition root); built from `store` unless given. */
  linkwork?: Linkwork;
  /** Use this handler instead of building one (tests that wrap it). */
  handler?: GraphQLLambdaHandler;
  log?: (line: string) => void;
  /**
   * Local-only POST routes outside the GraphQL API (the SMS simulator, demo controls). They stand for AWS services
   * that call us (SNS) or for operator actions, so they take no bearer token; the server only listens on loopback.
   */
  localRoutes?: Record<string, (body: string) => Promise<{ statusCode: number; body: string }>>;
  /** Serves every other path (the local portal, `npm start` only); without it they are 404. */
  fallback?: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
}

/** The stages `npm start` can run as: the deployed ones (infra/config.ts) and `local`. */
export const LOCAL_STAGES = ['local', 'dev', 'prod'] as const;
export type LocalStage = (typeof LOCAL_STAGES)[number];

/** `value` as a stage, or an error that lists the stages there are (never a silent fallback to `local`). */
export function parseStage(value: string | undefined): LocalStage {
  const stage = value ?? 'local';
  if (!(LOCAL_STAGES as readonly string[]).includes(stage)) {
    throw new Error(`Unknown stage "${stage}": use one of ${LOCAL_STAGES.join(', ')} (--stage or STAGE)`);
  }
  return stage as LocalStage;
}

/** One line for the start-up banner: what the stage switches on or off in the API. */
export function describeStage(stage: LocalStage): string {
  return isProduction(stage)
    ? `${stage}: production settings (no introspection or landing page, no schema hints or stack traces in errors)`
    : `${stage}: development settings (introspection and schema hints on; --stage prod for production settings)`;
}

export interface LocalApi {
  /** e.g. `http://127.0.0.1:4000/graphql` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** API Gateway's own limit on a request payload. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
const TEXT_CONTENT = /^(application\/(json|graphql|graphql-response\+json|x-www-form-urlencoded)|text\/)/i;
const LOCALHOST_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;
const CORS_HEADERS = 'authorization,content-type,apollo-require-preflight,x-apollo-operation-name';

class PayloadTooLargeError extends Error {}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_PAYLOAD_BYTES) {
        reject(new PayloadTooLargeError());
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body);
}

function lambdaContext(requestId: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'linkwork-graphql-local',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-2:000000000000:function:linkwork-graphql-local',
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: '/aws/lambda/linkwork-graphql-local',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 29_000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

/** Lower-case headers, repeated ones joined with commas; cookies split out as API Gateway does. */
function eventHeaders(request: IncomingMessage): { headers: Record<string, string>; cookies: string[] } {
  const headers: Record<string, string> = {};
  let cookies: string[] = [];
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    const joined = Array.isArray(value) ? value.join(',') : value;
    if (name === 'cookie') cookies = joined.split(/;\s*/).filter(Boolean);
    else headers[name.toLowerCase()] = joined;
  }
  return { headers, cookies };
}

function queryParameters(rawQueryString: string): Record<string, string> | undefined {
  if (!rawQueryString) return undefined;
  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    parameters[name] = name in parameters ? `${parameters[name]},${value}` : value;
  }
  return parameters;
}

export function toEvent(
  request: IncomingMessage,
  body: Buffer,
  claims: Record<string, string>,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const url = request.url ?? '/';
  const queryStart = url.indexOf('?');
  const rawPath = queryStart === -1 ? url : url.slice(0, queryStart);
  const rawQueryString = queryStart === -1 ? '' : url.slice(queryStart + 1);
  const { headers, cookies } = eventHeaders(request);
  const isText = TEXT_CONTENT.test(headers['content-type'] ?? 'application/json');
  const method = (request.method ?? 'GET').toUpperCase();
  const now = new Date();
  const parameters = queryParameters(rawQueryString);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(parameters ? { queryStringParameters: parameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: null } },
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method,
        path: rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !isText,
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}

/** Writes a Lambda result back as API Gateway would (a bare string result is a 200 JSON body). */
function writeResult(response: ServerResponse, result: APIGatewayProxyResultV2, extraHeaders: Record<string, string>) {
  if (typeof result === 'string' || result === undefined || result === null) {
    send(response, 200, typeof result === 'string' ? result : '', extraHeaders);
    return;
  }
  const structured = result as APIGatewayProxyStructuredResultV2;
  const headers: Record<string, string | string[]> = { ...extraHeaders };
  for (const [name, value] of Object.entries(structured.headers ?? {})) headers[name] = String(value);
  if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
  const body = structured.body ?? '';
  response.writeHead(structured.statusCode ?? 200, headers);
  response.end(structured.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

/** Starts the local API; resolves once it listens. `close()` stops it. */
export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const path = options.path ?? '/graphql';
  const log = options.log ?? (() => {});
  const handler =
    options.handler ??
    createGraphQLHandler({
      store: options.store,
      stage: options.stage ?? 'local',
      operations: options.operations ?? 'any',
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.newId ? { newId: options.newId } : {}),
      ...(options.linkwork ? { linkwork: options.linkwork } : {}),
    });
  const verifyToken = localTokenVerifier({ keyFile: options.keyFile });
  const originAllowed = (origin: string | undefined) =>
    origin !== undefined &&
    (options.allowedOrigins ? options.allowedOrigins.includes(origin) : LOCALHOST_ORIGIN.test(origin));

  const server: Server = createServer(async (request, response) => {
    const started = Date.now();
    const origin = request.headers.origin;
    const cors: Record<string, string> = originAllowed(origin)
      ? { 'access-control-allow-origin': origin as string, vary: 'origin' }
      : {};
    try {
      const url = request.url ?? '/';
      const rawPath = url.split('?')[0];
      const localRoute = options.localRoutes?.[rawPath ?? ''];
      if (localRoute && request.method === 'POST') {
        const result = await localRoute((await readBody(request)).toString('utf8'));
        send(response, result.statusCode, result.body, { ...cors, 'content-type': 'application/json' });
        log(`${request.method} ${rawPath} ${result.statusCode} ${Date.now() - started}ms`);
        return;
      }
      if (rawPath !== path && options.fallback) {
        await options.fallback(request, response);
        return;
      }
      if (rawPath !== path) return send(response, 404, JSON.stringify({ message: 'Not Found' }), cors);
      if (request.method === 'OPTIONS') {
        // API Gateway answers CORS preflight itself; the Lambda never sees it.
        response.writeHead(204, {
          ...cors,
          ...(cors['access-control-allow-origin']
            ? {
                'access-control-allow-methods': 'GET,POST,OPTIONS',
                'access-control-allow-headers': CORS_HEADERS,
                'access-control-max-age': '600',
              }
            : {}),
        });
        return response.end();
      }

      const authorization = request.headers.authorization ?? '';
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      let claims: Record<string, string>;
      try {
        if (!match) throw new Error('no bearer token');
        claims = toApiGatewayClaims(await verifyToken(match[1]!));
      } catch {
        return send(response, 401, JSON.stringify({ message: 'Unauthorized' }), {
          ...cors,
          'www-authenticate': 'Bearer',
        });
      }

      const body = await readBody(request);
      const event = toEvent(request, body, claims);
      const result = await handler(event, lambdaContext(event.requestContext.requestId), () => {});
      writeResult(response, result as APIGatewayProxyResultV2, cors);
      log(`${request.method} ${rawPath} ${response.statusCode} ${Date.now() - started}ms`);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        return send(response, 413, JSON.stringify({ message: 'Request Entity Too Large' }), cors);
      }
      log(`local API failed: ${(error as Error).name}`);
      if (!response.headersSent) send(response, 500, JSON.stringify({ message: 'Internal Server Error' }), cors);
      else response.end();
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  return {
    url: `http://127.0.0.1:${port}${path}`,
    port,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolveClose()));
      }),
  };
}
