import { canManageActivity, canReadActivity, isActivityProvider } from '../../../functions/activities/policy';
import type { Principal } from '../../../functions/identity/principal';

const activity = { icbId: 'ICB1', pcnId: 'PCN1', providerOrganisationId: 'PROV1' };
const principal = (role: Principal['role'], scope: Partial<Principal> = {}): Principal => ({
  userId: 'U1',
  role,
  ...scope,
});

describe('canManageActivity', () => {
  it.each<[string, Principal, boolean]>([
    ['an ICB admin', principal('ADMIN', { icbId: 'ICB1' }), true],
    ['a national admin', principal('ADMIN'), true],
    ['an admin of another ICB', principal('ADMIN', { icbId: 'ICB2' }), false],
    ['the PCN coordinator', principal('COORDINATOR', { icbId: 'ICB1', pcnId: 'PCN1' }), true],
    ['another PCN coordinator', principal('COORDINATOR', { icbId: 'ICB1', pcnId: 'PCN2' }), false],
    ['the running provider', principal('PROVIDER', { icbId: 'ICB1', organisationId: 'PROV1' }), true],
    ['another provider', principal('PROVIDER', { icbId: 'ICB1', organisationId: 'PROV2' }), false],
    ['a link worker', principal('LINK_WORKER', { icbId: 'ICB1', pcnId: 'PCN1' }), false],
    ['a commissioner', principal('COMMISSIONER', { icbId: 'ICB1' }), false],
  ])('returns the right answer for %s', (_who, caller, expected) => {
    expect(canManageActivity(caller, activity)).toBe(expected);
  });
});

describe('canReadActivity', () => {
  it('returns true for every role within the ICB and false outside it', () => {
    for (const role of ['ADMIN', 'COORDINATOR', 'LINK_WORKER', 'COMMISSIONER', 'PROVIDER'] as const) {
      expect(canReadActivity(principal(role, { icbId: 'ICB1' }), activity)).toBe(true);
      expect(canReadActivity(principal(role, { icbId: 'ICB2' }), activity)).toBe(false);
    }
    expect(canReadActivity(principal('ADMIN'), activity)).toBe(true);
    expect(canReadActivity(principal('COORDINATOR'), activity)).toBe(false);
  });
});

describe('isActivityProvider', () => {
  it('returns true only for a PROVIDER of the running organisation', () => {
    expect(isActivityProvider(principal('PROVIDER', { organisationId: 'PROV1' }), activity)).toBe(true);
    expect(isActivityProvider(principal('COORDINATOR', { organisationId: 'PROV1' }), activity)).toBe(false);
    expect(isActivityProvider(principal('PROVIDER'), activity)).toBe(false);
  });
});
