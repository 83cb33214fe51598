import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { type DocumentNode, Kind } from 'graphql';
import { TRUSTED_HASHES } from './trusted-hashes';

/*
 * Apollo Client set up the way Linkwork's API expects: a bearer token on every request, and the trusted documents
 * (client/operations) sent by hash alone, so a server in `trusted` mode (GRAPHQL_OPERATIONS=trusted) runs them and
 * refuses everything else. The hash is the one codegen put in client/generated/persisted-documents.json.
 */

export interface LinkworkClientOptions {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql` locally. */
  url: string;
  /** The bearer token (a Cognito ID token in AWS; `npm run token -- <user>` locally), or a getter read per request. */
  token: string | (() => string | undefined);
  /** Send trusted documents by hash (default true); other documents are always sent as text. */
  persistedQueries?: boolean;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** The operation's name, the key its hash is kept under. */
function operationName(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) return definition.name?.value;
  }
  return undefined;
}

/** The manifest hash of a client/ operation, or undefined for any other document. */
export function trustedHashOf(document: DocumentNode): string | undefined {
  const name = operationName(document);
  return name ? TRUSTED_HASHES[name] : undefined;
}

export function createLinkworkClient(options: LinkworkClientOptions): ApolloClient {
  const token = typeof options.token === 'string' ? () => options.token as string : options.token;
  const auth = new ApolloLink((operation, forward) => {
    const bearer = token();
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    }));
    return forward(operation);
  });
  const http = new HttpLink({ uri: options.url, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const links: ApolloLink[] = [auth];
  if (options.persistedQueries ?? true) {
    // Documents that are not ours go as text; ours go by hash (and as text only if the server asks for it).
    const persisted = new PersistedQueryLink({ generateHash: (document) => trustedHashOf(document) ?? '' });
    links.push(
      ApolloLink.split((operation) => trustedHashOf(operation.query) !== undefined, persisted.concat(http), http),
    );
  } else {
    links.push(http);
  }
  return new ApolloClient({ link: ApolloLink.from(links), cache: new InMemoryCache() });
}
