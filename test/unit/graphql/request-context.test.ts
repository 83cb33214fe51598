import { createLinkwork, type Linkwork } from '../../../functions/app/composition-root';
import { requestContext } from '../../../functions/graphql/lambda';
import type { Principal } from '../../../functions/identity';
import { createDataStore } from '../../../functions/platform/dynamodb/client';

/** Linkwork as built for the GraphQL function, counting how often a request asks for each context built at first use. */
function countingLinkwork(): { linkwork: Linkwork; asked: { activities: number; checkIns: number } } {
  // Nothing here sends a request: the endpoint only has to be local.
  const linkwork = createLinkwork({ store: createDataStore({ tableName: 'unused', endpoint: 'http://127.0.0.1:9' }) });
  const asked = { activities: 0, checkIns: 0 };
  const counting = Object.create(linkwork, {
    activities: {
      get: () => {
        asked.activities++;
        return linkwork.activities;
      },
    },
    checkIns: {
      get: () => {
        asked.checkIns++;
        return linkwork.checkIns;
      },
    },
  }) as Linkwork;
  return { linkwork: counting, asked };
}

const principal: Principal = { userId: 'lw-1', role: 'LINK_WORKER', organisationId: 'PCN1', pcnId: 'PCN1' };

/** What Apollo Server does to a context for each operation (ApolloServer.ts, cloneObject): copies own properties. */
function copiedLikeApollo<T extends object>(context: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(context)), context);
}

describe('requestContext', () => {
  it('asks for no activities or check-ins ports until a resolver uses them, also once Apollo copied it', () => {
    const { linkwork, asked } = countingLinkwork();

    const context = copiedLikeApollo(requestContext(linkwork, principal));

    expect(asked).toEqual({ activities: 0, checkIns: 0 });
    expect(context.referrals.audit).toBe(context.audit);
  });

  it('returns the activities ports with this request audit, built once per request', () => {
    const { linkwork, asked } = countingLinkwork();
    const context = copiedLikeApollo(requestContext(linkwork, principal));

    const first = context.activities;
    const second = context.activities;

    expect(first).toBe(second);
    expect(first.audit).toBe(context.audit);
    expect(context.checkIns).toBe(context.linkwork.checkIns.deps);
    expect(asked.activities).toBe(1);
  });
});
