import fc from 'fast-check';
import { canAccessCareRecord, type Principal } from '../../../functions/identity/principal';
import type { OrganisationDirectory } from '../../../functions/outcomes/ports';
import { resolveFigureScope } from '../../../functions/outcomes/use-cases/figure-scope';
import { ForbiddenError } from '../../../functions/shared/errors';

const ORGANISATIONS = [
  { organisationId: 'ICB-A', kind: 'ICB', name: 'A', icbId: 'ICB-A' },
  { organisationId: 'ICB-B', kind: 'ICB', name: 'B', icbId: 'ICB-B' },
  { organisationId: 'PCN-A1', kind: 'PCN', name: 'A1', icbId: 'ICB-A', pcnId: 'PCN-A1' },
  { organisationId: 'PCN-A2', kind: 'PCN', name: 'A2', icbId: 'ICB-A', pcnId: 'PCN-A2' },
  { organisationId: 'PCN-B1', kind: 'PCN', name: 'B1', icbId: 'ICB-B', pcnId: 'PCN-B1' },
  { organisationId: 'PR-A1a', kind: 'PRACTICE', name: 'A1a', icbId: 'ICB-A', pcnId: 'PCN-A1' },
  { organisationId: 'PR-A2a', kind: 'PRACTICE', name: 'A2a', icbId: 'ICB-A', pcnId: 'PCN-A2' },
  { organisationId: 'PR-B1a', kind: 'PRACTICE', name: 'B1a', icbId: 'ICB-B', pcnId: 'PCN-B1' },
];
const deps = {
  organisations: {
    getOrganisation: async (id: string) => ORGANISATIONS.find((o) => o.organisationId === id),
  } satisfies Pick<OrganisationDirectory, 'getOrganisation'>,
};

const icbCommissioner: Principal = { userId: 'c', role: 'COMMISSIONER', organisationId: 'ICB-A', icbId: 'ICB-A' };
const pcnCommissioner: Principal = {
  userId: 'c',
  role: 'COMMISSIONER',
  organisationId: 'PCN-A1',
  icbId: 'ICB-A',
  pcnId: 'PCN-A1',
};
const icbAdmin: Principal = { userId: 'a', role: 'ADMIN', organisationId: 'ICB-A', icbId: 'ICB-A' };
const nationalAdmin: Principal = { userId: 'a', role: 'ADMIN' };

describe('resolveFigureScope', () => {
  it.each([
    ['own ICB', { icbId: 'ICB-A' }, 'ICB'],
    ['a PCN of the ICB', { pcnId: 'PCN-A2' }, 'PCN'],
    ['a practice of the ICB', { practiceId: 'PR-A2a' }, 'PRACTICE'],
  ])('returns controlled figures of %s to an ICB commissioner', async (_, scope, kind) => {
    const resolved = await resolveFigureScope(deps, icbCommissioner, scope);

    expect(resolved).toMatchObject({ scope: { kind }, policy: 'CONTROLLED' });
  });

  it.each([
    ['another ICB', { icbId: 'ICB-B' }],
    ["another ICB's PCN", { pcnId: 'PCN-B1' }],
    ["another ICB's practice", { practiceId: 'PR-B1a' }],
    ['an unknown organisation', { icbId: 'ICB-Z' }],
    ['a PCN id given as an ICB', { icbId: 'PCN-A1' }],
    ['national figures', {}],
  ])('throws FORBIDDEN when an ICB commissioner asks for %s', async (_, scope) => {
    await expect(resolveFigureScope(deps, icbCommissioner, scope)).rejects.toThrow(ForbiddenError);
  });

  it.each([
    ['the ICB', { icbId: 'ICB-A' }],
    ['another PCN', { pcnId: 'PCN-A2' }],
    ["another PCN's practice", { practiceId: 'PR-A2a' }],
  ])('throws FORBIDDEN when a PCN commissioner asks for %s', async (_, scope) => {
    await expect(resolveFigureScope(deps, pcnCommissioner, scope)).rejects.toThrow(ForbiddenError);
  });

  it('returns its own PCN and practices to a PCN commissioner', async () => {
    await expect(resolveFigureScope(deps, pcnCommissioner, { pcnId: 'PCN-A1' })).resolves.toMatchObject({
      scope: { kind: 'PCN', id: 'PCN-A1' },
    });
    await expect(resolveFigureScope(deps, pcnCommissioner, { practiceId: 'PR-A1a' })).resolves.toMatchObject({
      scope: { kind: 'PRACTICE' },
    });
  });

  it.each(['LINK_WORKER', 'COORDINATOR', 'PROVIDER'] as const)('throws FORBIDDEN for a %s', async (role) => {
    const principal: Principal = { userId: 'x', role, organisationId: 'PCN-A1', icbId: 'ICB-A', pcnId: 'PCN-A1' };

    await expect(resolveFigureScope(deps, principal, { pcnId: 'PCN-A1' })).rejects.toThrow(ForbiddenError);
  });

  it('returns unrounded national figures to a national administrator only', async () => {
    await expect(resolveFigureScope(deps, nationalAdmin, undefined)).resolves.toEqual({
      scope: { kind: 'NATIONAL', id: 'ALL' },
      policy: 'EXEMPT',
    });
    await expect(resolveFigureScope(deps, icbAdmin, undefined)).rejects.toThrow(ForbiddenError);
    await expect(resolveFigureScope(deps, nationalAdmin, { practiceId: 'PR-B1a' })).resolves.toMatchObject({
      policy: 'CONTROLLED',
    });
    await expect(resolveFigureScope(deps, icbAdmin, { icbId: 'ICB-B' })).rejects.toThrow(ForbiddenError);
  });

  it('throws naming the field when two scopes are given', async () => {
    await expect(resolveFigureScope(deps, icbCommissioner, { icbId: 'ICB-A', pcnId: 'PCN-A1' })).rejects.toMatchObject({
      field: 'scope',
    });
  });

  it('never lets a commissioner reach a care record, whatever its scope', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.option(fc.string(), { nil: undefined }),
        (icb, pcn, practice, lw) => {
          expect(
            canAccessCareRecord(icbCommissioner, { icbId: icb, pcnId: pcn, practiceId: practice, linkWorkerId: lw }),
          ).toBe(false);
          expect(canAccessCareRecord(pcnCommissioner, { icbId: 'ICB-A', pcnId: 'PCN-A1', practiceId: practice })).toBe(
            false,
          );
        },
      ),
    );
  });
});
