import { authenticate, claimsFromEvent, parseGroupsClaim } from '../../../functions/graphql/auth';
import type { StaffUser } from '../../../functions/identity/entities/staff-user';
import { UnauthenticatedError } from '../../../functions/shared/errors';
import { apiGatewayV2Event } from '../../support/events';

const user: StaffUser = {
  userId: 'U1',
  role: 'COORDINATOR',
  name: 'Cora',
  email: 'cora@example.nhs.uk',
  organisationId: 'PCN1',
  icbId: 'ICB1',
  pcnId: 'PCN1',
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
};

function event(claims: Record<string, string | string[]>) {
  return apiGatewayV2Event({ body: { query: '{ me { id } }' }, claims });
}

describe('parseGroupsClaim', () => {
  it.each([
    ['[LINK_WORKER]', ['LINK_WORKER']],
    ['LINK_WORKER', ['LINK_WORKER']],
    ['[LINK_WORKER ADMIN]', ['LINK_WORKER', 'ADMIN']],
    ['["LINK_WORKER","ADMIN"]', ['LINK_WORKER', 'ADMIN']],
    ['[]', []],
    ['', []],
  ])('returns the groups in %j', (claim, groups) => {
    expect(parseGroupsClaim(claim)).toEqual(groups);
  });

  it('returns the groups of an array claim', () => {
    expect(parseGroupsClaim(['COORDINATOR'])).toEqual(['COORDINATOR']);
  });

  it('returns no groups for anything else', () => {
    expect(parseGroupsClaim(42)).toEqual([]);
    expect(parseGroupsClaim(undefined)).toEqual([]);
  });
});

describe('claimsFromEvent', () => {
  it('returns subject, role and organisation from API Gateway claims', () => {
    const claims = claimsFromEvent(
      event({ sub: 'U1', 'cognito:groups': ['COORDINATOR'], 'custom:organisationId': 'PCN1' }),
    );

    expect(claims).toEqual({ sub: 'U1', role: 'COORDINATOR', organisationId: 'PCN1' });
  });

  it('throws UnauthenticatedError for an event that is not an API Gateway event at all', () => {
    expect(() => claimsFromEvent(undefined)).toThrow(UnauthenticatedError);
    expect(() => claimsFromEvent({ headers: { authorization: 'Bearer x' } })).toThrow(UnauthenticatedError);
  });

  it('throws UnauthenticatedError when two roles are claimed', () => {
    expect(() => claimsFromEvent(event({ sub: 'U1', 'cognito:groups': '[COORDINATOR ADMIN]' }))).toThrow(
      UnauthenticatedError,
    );
  });
});

describe('authenticate', () => {
  const directory = (found: StaffUser | undefined) => ({ getStaffUser: async () => found });

  it('returns a principal scoped by the staff record', async () => {
    const principal = await authenticate(
      event({ sub: 'U1', 'cognito:groups': '[COORDINATOR]', 'custom:organisationId': 'PCN1' }),
      directory(user),
    );

    expect(principal).toEqual({
      userId: 'U1',
      role: 'COORDINATOR',
      organisationId: 'PCN1',
      icbId: 'ICB1',
      pcnId: 'PCN1',
    });
  });

  it('throws UnauthenticatedError when the token names no organisation but the record has one', async () => {
    await expect(authenticate(event({ sub: 'U1', 'cognito:groups': 'COORDINATOR' }), directory(user))).rejects.toThrow(
      UnauthenticatedError,
    );
  });

  it('throws UnauthenticatedError when the subject matches the staff record only when case is ignored', async () => {
    // The directory answers as ElectroDB does: its keys are lower-cased, so `u1` finds the record of `U1`.
    const caseInsensitive = { getStaffUser: async (id: string) => (id.toLowerCase() === 'u1' ? user : undefined) };

    await expect(
      authenticate(
        event({ sub: 'u1', 'cognito:groups': '[COORDINATOR]', 'custom:organisationId': 'PCN1' }),
        caseInsensitive,
      ),
    ).rejects.toThrow(UnauthenticatedError);
  });

  it('returns an unscoped principal for a national administrator', async () => {
    const admin: StaffUser = { ...user, role: 'ADMIN', organisationId: undefined, icbId: undefined, pcnId: undefined };

    const principal = await authenticate(event({ sub: 'U1', 'cognito:groups': 'ADMIN' }), directory(admin));

    expect(principal).toEqual({ userId: 'U1', role: 'ADMIN' });
  });
});
