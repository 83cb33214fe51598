import { ApolloProvider } from '@apollo/client/react';
import { type ReactNode, useEffect, useMemo } from 'react';
import { createLinkworkClient } from '../../../client';

/**
 * An Apollo Client for one seeded user, talking to the local API on this origin with their token. Our operations go
 * by hash (client/'s trusted documents), so the pages work the same when the API runs with --operations trusted.
 */
export function WithClient({ token, children }: { token: string; children: ReactNode }) {
  const client = useMemo(() => createLinkworkClient({ url: '/graphql', token }), [token]);
  useEffect(() => () => client.stop(), [client]);
  return <ApolloProvider client={client}>{children}</ApolloProvider>;
}
