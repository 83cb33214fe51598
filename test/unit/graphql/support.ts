import { RequestAudit } from '../../../functions/audit';
import type { GraphQLContext } from '../../../functions/graphql/context';
import type { Principal } from '../../../functions/identity/principal';
import { systemClock } from '../../../functions/shared/clock';

/** A context for in-process operations that never reach the store (limits, scalars, errors). */
export function fakeContext(overrides: { principal?: Partial<Principal>; loaders?: Record<string, unknown> } = {}) {
  const principal: Principal = {
    userId: 'U1',
    role: 'LINK_WORKER',
    pcnId: 'PCN1',
    icbId: 'ICB1',
    ...overrides.principal,
  };
  const unexpected = () => {
    throw new Error('this test should not reach the store');
  };
  return {
    principal,
    loaders: new Proxy(overrides.loaders ?? {}, {
      get: (target, name) =>
        (target as Record<string | symbol, unknown>)[name] ?? { load: unexpected, loadMany: unexpected },
    }),
    // A request's audit that nothing in these tests should ever need to write.
    audit: new RequestAudit({ record: unexpected }, principal, systemClock),
    ...Object.fromEntries(
      (['linkwork', 'referrals', 'activities', 'checkIns'] as const).map((name) => [
        name,
        new Proxy({}, { get: unexpected }),
      ]),
    ),
  } as unknown as GraphQLContext;
}

export function singleResult(response: { body: { kind: string } }) {
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return (
    response.body as unknown as {
      singleResult: {
        data?: Record<string, unknown> | null;
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      };
    }
  ).singleResult;
}
