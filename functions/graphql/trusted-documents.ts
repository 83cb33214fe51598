import { createHash } from 'node:crypto';
import {
  InMemoryLRUCache,
  type KeyValueCache,
  type KeyValueCacheSetOptions,
  PrefixingKeyValueCache,
} from '@apollo/utils.keyvaluecache';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import manifest from '../../client/generated/persisted-documents.json';
import type { OperationMode } from './config';
import { ErrorCode } from './errors';

/*
 * Trusted documents (persisted queries). `npm run codegen` writes client/generated/persisted-documents.json from
 * client/operations: each operation Linkwork's own frontends send, keyed by the sha256 of its printed text (the
 * GraphQL-over-HTTP `sha256:<hex>` form). esbuild bundles the manifest, so nothing is read from disk at cold start.
 *
 * Apollo Server's own persisted-query support does the protocol (a request carries
 * `extensions.persistedQuery.sha256Hash`, with or without the text); this module gives it a cache that already holds
 * the manifest. In `trusted` mode that cache learns nothing, and the Lambda refuses, before Apollo parses it, any
 * document whose hash is not in the manifest: an attacker with a stolen token can run only what our frontends run.
 */

const HASH_PREFIX = 'sha256:';

/** Manifest documents by Apollo's `queryHash` (the bare sha256 hex of the text). */
export const TRUSTED_DOCUMENTS: ReadonlyMap<string, string> = new Map(
  Object.entries(manifest as Record<string, string>).map(([id, text]) => [
    id.startsWith(HASH_PREFIX) ? id.slice(HASH_PREFIX.length) : id,
    text,
  ]),
);

/** Apollo's APQ cache: the manifest first, then (in `any` mode only) what clients registered on this instance. */
class TrustedDocumentCache implements KeyValueCache<string> {
  constructor(
    private readonly documents: ReadonlyMap<string, string>,
    private readonly registered?: KeyValueCache<string>,
  ) {}

  async get(hash: string): Promise<string | undefined> {
    return this.documents.get(hash) ?? (await this.registered?.get(hash));
  }

  async set(hash: string, text: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (this.documents.has(hash)) return;
    await this.registered?.set(hash, text, options);
  }

  async delete(hash: string): Promise<boolean> {
    return (await this.registered?.delete(hash)) === true;
  }
}

/** Apollo's `persistedQueries` option for the mode. Keys are our hashes as they are (no `apq:` prefix). */
export function persistedQueryOptions(
  mode: OperationMode,
  documents: ReadonlyMap<string, string> = TRUSTED_DOCUMENTS,
): { cache: KeyValueCache<string>; ttl: null } {
  // In `any` mode registrations are bounded (Apollo's default LRU size) and kept only while the instance lives.
  const registered = mode === 'any' ? new InMemoryLRUCache<string>() : undefined;
  return {
    cache: PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(
      new TrustedDocumentCache(documents, registered),
    ),
    ttl: null,
  };
}

export const NOT_TRUSTED_MESSAGE =
  "This API runs only its trusted documents (the operations in Linkwork's client/operations), sent by hash or as their exact text";

/** The document text a GraphQL-over-HTTP request carries (POST JSON body or GET `query`), if any. */
function documentText(event: APIGatewayProxyEventV2): string | undefined {
  if (event.requestContext.http.method === 'GET') return event.queryStringParameters?.query;
  if (!event.body) return undefined;
  try {
    const body: unknown = JSON.parse(event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString() : event.body);
    const query = (body as { query?: unknown } | null)?.query;
    return typeof query === 'string' ? query : undefined;
  } catch {
    return undefined; // not JSON: Apollo answers it with its own 400
  }
}

/**
 * In `trusted` mode, run before Apollo (a Lambda middleware): a request that carries document text not in the manifest
 * gets 400 OPERATION_NOT_TRUSTED before anything parses, validates or authenticates it, so an untrusted document
 * cannot even probe the schema through validation errors. A request by hash alone goes on to Apollo, whose read-only
 * cache either knows the hash or answers PERSISTED_QUERY_NOT_FOUND.
 */
export function refuseUntrustedDocument(
  event: APIGatewayProxyEventV2,
  documents: ReadonlyMap<string, string> = TRUSTED_DOCUMENTS,
): APIGatewayProxyStructuredResultV2 | undefined {
  const text = documentText(event);
  if (text === undefined || documents.has(createHash('sha256').update(text).digest('hex'))) return undefined;
  // As Apollo does: the GraphQL-over-HTTP media type for clients that accept it (their 4xx bodies are then read as
  // GraphQL errors, not as a failed request), plain JSON for everyone else.
  const accept = event.headers?.accept ?? '';
  const mediaType = accept.includes('application/graphql-response+json')
    ? 'application/graphql-response+json'
    : 'application/json';
  return {
    statusCode: 400,
    headers: { 'content-type': `${mediaType}; charset=utf-8` },
    body: JSON.stringify({
      errors: [{ message: NOT_TRUSTED_MESSAGE, extensions: { code: ErrorCode.OPERATION_NOT_TRUSTED } }],
    }),
  };
}
