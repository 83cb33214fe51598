import { DynamoDbIdentityRepository } from '../../functions/identity/adapters/dynamodb-identity-repository';
import type { StaffUser } from '../../functions/identity/entities/staff-user';
import { registerStaffUser } from '../../functions/identity/use-cases/register-staff-user';
import { createIdGenerator } from '../../functions/shared/ids';
import { createHarness, type Harness, parseResult } from '../integration/graphql/harness';
import { graphqlEvent, staffClaims } from '../support/events';
import { Tally } from './tally';

/*
 * A token names its staff member by `sub`. DynamoDB keys are lower-cased by ElectroDB, so a look-up by `LW-ASHA` finds
 * `lw-asha`'s record (issue 11); a subject that differs from a staff id in case alone must not authenticate.
 */

/** Spellings of `id` that differ from it in case only. */
function caseVariants(id: string): string[] {
  const variants = [id.toUpperCase(), id.toLowerCase(), id.charAt(0).toUpperCase() + id.slice(1).toLowerCase()];
  const swapped = [...id].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
  return [...new Set([...variants, swapped])].filter((variant) => variant !== id);
}

describe('token subjects compare exactly', () => {
  let h: Harness;
  let asha: StaffUser;
  const tally = new Tally('case-changed token subjects');

  beforeAll(async () => {
    h = await createHarness();
    asha = await registerStaffUser(
      { identity: new DynamoDbIdentityRepository(h.store), clock: h.clock, newId: createIdGenerator(h.clock) },
      {
        role: 'LINK_WORKER',
        name: 'Asha Seeded',
        email: 'asha.seeded@example.nhs.uk',
        organisationId: h.orgs.pcn.organisationId,
        userId: 'lw-asha',
      },
    );
  });
  afterAll(async () => {
    tally.report();
    await h.close();
  });

  async function me(user: StaffUser, sub: string) {
    return parseResult<{ me: { id: string } }>(
      await h.invoke(graphqlEvent('{ me { id } }', undefined, { claims: { ...staffClaims(user), sub } })),
    );
  }

  it('returns the staff member whose id is the subject exactly', async () => {
    const response = await me(asha, 'lw-asha');

    expect(response.json.data?.me.id).toBe('lw-asha');
  });

  it.each(['LW-ASHA', 'Lw-Asha', 'lW-aShA'])('refuses the subject %s for staff member lw-asha', async (sub) => {
    const response = await me(asha, sub);
    tally.record(`lw-asha as ${sub}`, response.status === 401);

    expect(response.status).toBe(401);
    expect(response.json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses every case-changed spelling of every staff member’s id', async () => {
    const users = [...Object.values(h.staff), asha].filter((user) => user.active);
    const accepted: string[] = [];
    for (const user of users) {
      for (const sub of caseVariants(user.userId)) {
        const response = await me(user, sub);
        tally.record(`${user.userId} as ${sub}`, response.status === 401);
        if (response.status !== 401) accepted.push(`${user.userId} as ${sub}`);
      }
    }

    expect(accepted).toEqual([]);
  });
});
