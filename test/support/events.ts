import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { toApiGatewayClaims } from '../../scripts/lib/local-jwt';

/*
 * Typed factories for the events API Gateway HTTP API (payload format 2.0) sends a Lambda with a JWT authorizer,
 * shaped like the real thing: lower-case header names, `rawQueryString`, `requestContext.http`, claims flattened to
 * strings the way API Gateway flattens them (`cognito:groups` arrives as `[LINK_WORKER]`).
 */

export type ClaimValue = string | number | boolean | string[];

/** API Gateway turns every claim into a string; arrays become `[a b]` (the same code the local API uses). */
export function flattenClaims(claims: Record<string, ClaimValue>): Record<string, string> {
  return toApiGatewayClaims(claims);
}

/** Claims for a staff user as Cognito would issue them (before API Gateway flattens them). */
export function staffClaims(user: {
  userId: string;
  role: string;
  organisationId?: string;
}): Record<string, ClaimValue> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: user.userId,
    'cognito:groups': [user.role],
    ...(user.organisationId ? { 'custom:organisationId': user.organisationId } : {}),
    iss: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_example',
    token_use: 'id',
    iat: now,
    exp: now + 3600,
  };
}

export interface ApiGatewayV2EventOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS' | 'PATCH' | 'HEAD';
  path?: string;
  /** Either already encoded (`a=1&b=2`) or as pairs, encoded here. */
  query?: string | Record<string, string>;
  /** Names are lower-cased, as API Gateway delivers them. */
  headers?: Record<string, string>;
  cookies?: string[];
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  isBase64Encoded?: boolean;
  /**
   * The authorizer's claims (flattened like API Gateway does). `undefined` → no authorizer context at all, as for a
   * route without an authorizer; pass an object to craft malformed claim sets.
   */
  claims?: Record<string, ClaimValue>;
  /** Replaces `requestContext.authorizer` entirely (for malformed shapes). */
  authorizer?: unknown;
}

export function apiGatewayV2Event(options: ApiGatewayV2EventOptions = {}): APIGatewayProxyEventV2WithJWTAuthorizer {
  const method = options.method ?? 'POST';
  const rawPath = options.path ?? '/graphql';
  const rawQueryString =
    typeof options.query === 'string' ? options.query : new URLSearchParams(options.query ?? {}).toString();
  const headers: Record<string, string> = {
    accept: 'application/json',
    host: 'api.linkwork.example',
    'user-agent': 'jest',
    'x-forwarded-for': '203.0.113.10',
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
  };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  if (options.isBase64Encoded && body !== undefined) body = Buffer.from(body).toString('base64');

  const queryStringParameters = rawQueryString ? Object.fromEntries(new URLSearchParams(rawQueryString)) : undefined;
  const now = new Date();
  const authorizer =
    options.authorizer !== undefined
      ? options.authorizer
      : options.claims !== undefined
        ? { principalId: '', integrationLatency: 0, jwt: { claims: flattenClaims(options.claims), scopes: null } }
        : undefined;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    ...(options.cookies ? { cookies: options.cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'api1234567',
      ...(authorizer !== undefined ? { authorizer } : {}),
      domainName: 'api.linkwork.example',
      domainPrefix: 'api',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'jest' },
      requestId: `req-${now.getTime()}`,
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: options.isBase64Encoded ?? false,
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}

/** A GraphQL POST from a staff user's browser. */
export function graphqlEvent(
  query: string,
  variables: Record<string, unknown> | undefined,
  options: Omit<ApiGatewayV2EventOptions, 'body'> = {},
): APIGatewayProxyEventV2WithJWTAuthorizer {
  return apiGatewayV2Event({ ...options, method: 'POST', body: { query, ...(variables ? { variables } : {}) } });
}

export function lambdaContext(overrides: Partial<Context> = {}): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'linkwork-graphql',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:linkwork-graphql',
    memoryLimitInMB: '1024',
    awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
    logGroupName: '/aws/lambda/linkwork-graphql',
    logStreamName: '2026/03/02/[$LATEST]abcdef',
    getRemainingTimeInMillis: () => 10_000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
    ...overrides,
  };
}

export type HandlerResult = APIGatewayProxyStructuredResultV2;
