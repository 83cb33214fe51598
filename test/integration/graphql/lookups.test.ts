import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffUser } from '../../../functions/identity/entities/staff-user';
import { registerOrganisation } from '../../../functions/identity/use-cases/register-organisation';
import { createIdGenerator } from '../../../functions/shared/ids';
import { fictionalNhsNumber } from '../../../functions/shared/nhs-number';
import { CREATE_REFERRAL, codesOf, type Data, ok } from './follow-up-support';
import { createHarness, type GraphQLResponse, type Harness } from './harness';

/*
 * The lookups a referral form needs, through the Lambda handler: organisations and link workers the caller may act
 * for, and patients by NHS number or by family name and date of birth. A patient lookup shows exactly whom
 * `patient(id:)` would show; anyone else reads the same as nobody (the whole response, byte for byte), nothing is
 * audited for them, and a page never hints at a match the caller may not see. (Every role × scope cell is in
 * test/security/matrix.test.ts.)
 */

const BY_NHS = `query ByNhs($nhsNumber: NhsNumber!) { patientByNhsNumber(nhsNumber: $nhsNumber) { id familyName } }`;
const BY_NHS_ID_ONLY = `query ByNhs($nhsNumber: NhsNumber!) { patientByNhsNumber(nhsNumber: $nhsNumber) { id } }`;
const SEARCH = `query Search($familyName: String!, $dateOfBirth: Date!, $first: Int, $after: String) {
  patientsByNameAndBirthDate(familyName: $familyName, dateOfBirth: $dateOfBirth, first: $first, after: $after) {
    edges { cursor node { id familyName } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const ERASE = 'mutation Erase($input: ErasePatientInput!) { erasePatient(input: $input) { patientId } }';
const MOVE = 'mutation Move($input: MovePatientInput!) { movePatient(input: $input) { id } }';
const PRACTICES = `query Practices($pcnId: ID, $first: Int, $after: String) {
  practices(pcnId: $pcnId, first: $first, after: $after) {
    edges { cursor node { id name kind parent { id } } } pageInfo { hasNextPage endCursor }
  }
}`;
const PCNS = 'query Pcns($icbId: ID) { pcns(icbId: $icbId) { edges { node { id name } } } }';
const LINK_WORKERS = 'query Workers($pcnId: ID) { linkWorkers(pcnId: $pcnId) { edges { node { id name active } } } }';

describe('lookups for forms (GraphQL, Lambda handler, DynamoDB Local)', () => {
  let h: Harness;
  let seed = 7000;
  /** A practice of the other PCN (the harness has none). */
  let practiceB: string;

  beforeAll(async () => {
    h = await createHarness();
    const deps = { identity: h.linkwork.identity, clock: h.clock, newId: createIdGenerator(h.clock) };
    practiceB = (
      await registerOrganisation(deps, {
        kind: 'PRACTICE',
        name: 'Hill Practice',
        parentId: h.orgs.otherPcn.organisationId,
      })
    ).organisationId;
  });
  afterAll(() => h.close());

  /** A new patient with a referral on `owner`'s caseload; returns the patient's id and NHS number. */
  async function patientOf(owner: StaffUser, familyName: string, dateOfBirth: string, practiceId?: string) {
    seed += 1;
    const nhsNumber = fictionalNhsNumber(seed);
    const data = await ok(
      h.gql(owner, CREATE_REFERRAL, {
        input: {
          practiceId: practiceId ?? h.orgs.practice.organisationId,
          source: 'GP',
          needs: ['LONELINESS_ISOLATION'],
          linkWorkerId: owner.userId,
          newPatient: { nhsNumber, givenName: 'Alex', familyName, dateOfBirth, sex: 'FEMALE' },
        },
      }),
    );
    return { patientId: data.createReferral.referral.patient.id as string, nhsNumber };
  }

  async function trailLength(patientId: string): Promise<number> {
    return (await h.linkwork.audit.listByPatient(patientId, 100)).items.length;
  }

  function search(user: StaffUser, variables: Record<string, unknown>): Promise<GraphQLResponse<Data>> {
    return h.gql<Data>(user, SEARCH, variables);
  }

  describe('patientByNhsNumber', () => {
    it('returns the patient to their link worker and coordinator, and audits the read even when only the id is asked for', async () => {
      const { patientId, nhsNumber } = await patientOf(h.staff.LINK_WORKER, 'Lookup', '1961-04-05');
      const before = await trailLength(patientId);

      const byOwner = await ok(h.gql(h.staff.LINK_WORKER, BY_NHS_ID_ONLY, { nhsNumber }));
      const byCoordinator = await ok(
        h.gql(h.staff.COORDINATOR, BY_NHS, { nhsNumber: `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3)}` }),
      );

      expect(byOwner.patientByNhsNumber).toEqual({ id: patientId });
      expect(byCoordinator.patientByNhsNumber).toEqual({ id: patientId, familyName: 'Lookup' });
      const events = (await h.linkwork.audit.listByPatient(patientId, 100)).items.slice(before);
      expect(events.map((event) => [event.action, event.actorUserId])).toEqual([
        ['READ', h.staff.LINK_WORKER.userId],
        ['READ', h.staff.COORDINATOR.userId],
      ]);
    });

    it('returns the same bytes for a patient the caller may not see as for a number nobody has, and audits nothing', async () => {
      const colleagues = await patientOf(h.staff.otherLinkWorker, 'Hidden', '1962-05-06');
      const elsewhere = await patientOf(h.staff.otherPcnLinkWorker, 'Faraway', '1963-06-07', practiceB);
      const before = [await trailLength(colleagues.patientId), await trailLength(elsewhere.patientId)];
      const nobody = fictionalNhsNumber(seed + 500);

      const none = await h.gql(h.staff.LINK_WORKER, BY_NHS, { nhsNumber: nobody });
      const colleaguesPatient = await h.gql(h.staff.LINK_WORKER, BY_NHS, { nhsNumber: colleagues.nhsNumber });
      const otherPcn = await h.gql(h.staff.COORDINATOR, BY_NHS, { nhsNumber: elsewhere.nhsNumber });

      expect(JSON.parse(none.raw)).toEqual({ data: { patientByNhsNumber: null } });
      expect(colleaguesPatient.raw).toBe(none.raw);
      expect(otherPcn.raw).toBe(none.raw);
      expect([await trailLength(colleagues.patientId), await trailLength(elsewhere.patientId)]).toEqual(before);
    });

    it('throws BAD_USER_INPUT naming nhsNumber for a number with a wrong check digit, without repeating it', async () => {
      const valid = fictionalNhsNumber(seed + 900);
      const wrong = `${valid.slice(0, 9)}${(Number(valid[9]) + 1) % 10}`;

      const response = await h.gql(h.staff.LINK_WORKER, BY_NHS, { nhsNumber: wrong });

      expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.raw).not.toContain(wrong);
      expect(response.json.data ?? null).toBeNull();
    });

    it('throws FORBIDDEN for a commissioner and a provider', async () => {
      const { nhsNumber } = await patientOf(h.staff.LINK_WORKER, 'Lookup', '1964-07-08');

      const responses = [
        await h.gql(h.staff.COMMISSIONER, BY_NHS, { nhsNumber }),
        await h.gql(h.staff.PROVIDER, BY_NHS, { nhsNumber }),
      ];

      expect(responses.map(codesOf)).toEqual([['FORBIDDEN'], ['FORBIDDEN']]);
    });
  });

  describe('patientsByNameAndBirthDate', () => {
    it('returns namesakes whatever the case, accents and punctuation, a page at a time with sealed cursors', async () => {
      const born = '1971-02-03';
      const ids = [
        (await patientOf(h.staff.LINK_WORKER, "O'Brien", born)).patientId,
        (await patientOf(h.staff.LINK_WORKER, 'OBRIEN', born)).patientId,
        (await patientOf(h.staff.LINK_WORKER, 'Ó Brien', born)).patientId,
      ];
      await patientOf(h.staff.LINK_WORKER, "O'Brien", '1971-02-04');

      const first = await ok(search(h.staff.LINK_WORKER, { familyName: 'o brien', dateOfBirth: born, first: 2 }));
      const page1 = first.patientsByNameAndBirthDate;
      const second = await ok(
        search(h.staff.LINK_WORKER, {
          familyName: 'OBrien',
          dateOfBirth: born,
          first: 2,
          after: page1.pageInfo.endCursor,
        }),
      );
      const page2 = second.patientsByNameAndBirthDate;

      expect(page1.edges).toHaveLength(2);
      expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      expect(page2.edges).toHaveLength(1);
      expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      const found = [...page1.edges, ...page2.edges].map((edge: Data) => edge.node.id);
      expect(found.sort()).toEqual([...ids].sort());
      expect(page1.edges[0].cursor).not.toBe(page1.edges[1].cursor);
      expect(page1.pageInfo.endCursor).toBe(page1.edges[1].cursor);
      expect(JSON.stringify(first)).not.toMatch(/brien#|1971-02-03/i);
    });

    it('leaves out a colleague’s patient without a hint: no edge, no next page, nothing audited', async () => {
      const born = '1972-03-04';
      const mine = await patientOf(h.staff.LINK_WORKER, 'Namesake', born);
      const theirs = [
        await patientOf(h.staff.otherLinkWorker, 'Namesake', born),
        await patientOf(h.staff.otherLinkWorker, 'Namesake', born),
      ];
      const before = await Promise.all(theirs.map((patient) => trailLength(patient.patientId)));

      const pages = [
        await ok(search(h.staff.LINK_WORKER, { familyName: 'Namesake', dateOfBirth: born, first: 1 })),
        await ok(search(h.staff.COORDINATOR, { familyName: 'Namesake', dateOfBirth: born, first: 5 })),
      ];

      expect(pages[0]!.patientsByNameAndBirthDate.edges.map((edge: Data) => edge.node.id)).toEqual([mine.patientId]);
      expect(pages[0]!.patientsByNameAndBirthDate.pageInfo.hasNextPage).toBe(false);
      expect(pages[1]!.patientsByNameAndBirthDate.edges).toHaveLength(3);
      expect(await Promise.all(theirs.map((patient) => trailLength(patient.patientId)))).toEqual(
        before.map((count) => count + 1),
      );
    });

    it('throws BAD_USER_INPUT naming after for a changed cursor or one from another search', async () => {
      const born = '1973-04-05';
      await patientOf(h.staff.LINK_WORKER, 'Cursor', born);
      await patientOf(h.staff.LINK_WORKER, 'Cursor', born);
      const page = await ok(search(h.staff.LINK_WORKER, { familyName: 'Cursor', dateOfBirth: born, first: 1 }));
      const cursor: string = page.patientsByNameAndBirthDate.pageInfo.endCursor;
      const changed = `${cursor.slice(0, -3)}${cursor.endsWith('A') ? 'B' : 'A'}${cursor.slice(-2)}`;

      const responses = [
        await search(h.staff.LINK_WORKER, { familyName: 'Cursor', dateOfBirth: born, after: changed }),
        await search(h.staff.LINK_WORKER, { familyName: 'Other', dateOfBirth: born, after: cursor }),
        await h.gql(h.staff.LINK_WORKER, PRACTICES, { after: cursor }),
      ];

      for (const response of responses) {
        expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.json.errors?.[0]?.extensions?.field).toBe('after');
      }
    });

    it('throws BAD_USER_INPUT naming the field for a name without letters, a future date or a control character', async () => {
      const responses = [
        await search(h.staff.LINK_WORKER, { familyName: "'- '", dateOfBirth: '1970-01-01' }),
        await search(h.staff.LINK_WORKER, { familyName: 'Soon', dateOfBirth: '2099-01-01' }),
        await search(h.staff.LINK_WORKER, { familyName: 'Bad\u0007Name', dateOfBirth: '1970-01-01' }),
      ];

      expect(responses.map((response) => response.json.errors?.[0]?.extensions?.field)).toEqual([
        'familyName',
        'dateOfBirth',
        'familyName',
      ]);
      expect(responses.map(codesOf)).toEqual([['BAD_USER_INPUT'], ['BAD_USER_INPUT'], ['BAD_USER_INPUT']]);
      expect(responses[2]!.raw).not.toContain('Bad');
    });

    it('follows a patient moved to another PCN, and finds no one once they are erased (no key left in the table)', async () => {
      const born = '1974-05-06';
      const { patientId } = await patientOf(h.staff.LINK_WORKER, 'Mover', born);

      await ok(h.gql(h.staff.ADMIN, MOVE, { input: { patientId, practiceId: practiceB } }));
      const coordinatorA = await ok(search(h.staff.COORDINATOR, { familyName: 'Mover', dateOfBirth: born }));
      const admin = await ok(search(h.staff.ADMIN, { familyName: 'Mover', dateOfBirth: born }));
      await ok(h.gql(h.staff.ADMIN, ERASE, { input: { patientId } }));
      const afterErasure = await ok(search(h.staff.ADMIN, { familyName: 'Mover', dateOfBirth: born }));
      const scan = await h.store.documentClient.send(new ScanCommand({ TableName: h.store.tableName }));

      expect(coordinatorA.patientsByNameAndBirthDate.edges).toEqual([]);
      expect(admin.patientsByNameAndBirthDate.edges.map((edge: Data) => edge.node.id)).toEqual([patientId]);
      expect(afterErasure.patientsByNameAndBirthDate.edges).toEqual([]);
      expect(JSON.stringify(scan.Items)).not.toMatch(/mover#|1974-05-06/i);
    });
  });

  describe('organisations and link workers', () => {
    it('returns a link worker their own PCN, its practices in name order a page at a time, and its active link workers', async () => {
      const pcns = await ok(h.gql(h.staff.LINK_WORKER, PCNS));
      const page1 = await ok(h.gql(h.staff.LINK_WORKER, PRACTICES, { first: 1 }));
      const page2 = await ok(
        h.gql(h.staff.LINK_WORKER, PRACTICES, { first: 1, after: page1.practices.pageInfo.endCursor }),
      );
      const workers = await ok(h.gql(h.staff.COORDINATOR, LINK_WORKERS));

      expect(pcns.pcns.edges.map((edge: Data) => edge.node.id)).toEqual([h.orgs.pcn.organisationId]);
      const practices = await h.linkwork.identity.listChildOrganisations(h.orgs.pcn.organisationId);
      const names = practices
        .filter((organisation) => organisation.kind === 'PRACTICE')
        .map((organisation) => organisation.name)
        .sort();
      expect([...page1.practices.edges, ...page2.practices.edges].map((edge: Data) => edge.node.name)).toEqual(
        names.slice(0, 2),
      );
      expect(page1.practices.edges[0].node.parent).toEqual({ id: h.orgs.pcn.organisationId });
      const workerIds = workers.linkWorkers.edges.map((edge: Data) => edge.node.id);
      expect(workerIds).toEqual(expect.arrayContaining([h.staff.LINK_WORKER.userId, h.staff.otherLinkWorker.userId]));
      expect(workerIds).not.toContain(h.staff.inactive.userId);
      expect(workerIds).not.toContain(h.staff.otherPcnLinkWorker.userId);
      expect(workerIds).not.toContain(h.staff.COORDINATOR.userId);
    });

    it('throws FORBIDDEN for another PCN’s practices or link workers asked by a link worker, and for a provider', async () => {
      const responses = [
        await h.gql(h.staff.LINK_WORKER, PRACTICES, { pcnId: h.orgs.otherPcn.organisationId }),
        await h.gql(h.staff.LINK_WORKER, LINK_WORKERS, { pcnId: h.orgs.otherPcn.organisationId }),
        await h.gql(h.staff.PROVIDER, PCNS),
        await h.gql(h.staff.COMMISSIONER, LINK_WORKERS, { pcnId: h.orgs.pcn.organisationId }),
      ];

      expect(responses.map(codesOf)).toEqual([['FORBIDDEN'], ['FORBIDDEN'], ['FORBIDDEN'], ['FORBIDDEN']]);
    });
  });
});
