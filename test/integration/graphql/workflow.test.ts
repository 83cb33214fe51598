import { fictionalNhsNumber } from '../../../functions/shared/nhs-number';
import { dramaMobile } from '../../../functions/shared/phone';
import { createHarness, type Harness } from './harness';

// biome-ignore lint/suspicious/noExplicitAny: GraphQL response JSON, asserted field by field below
type Data = Record<string, any>;

const CREATE_ACTIVITY = `mutation CreateActivity($input: CreateActivityInput!) {
  createActivity(input: $input) { id name category status version venue { postcode } provider { id name } }
}`;

const CREATE_REFERRAL = `mutation CreateReferral($input: CreateReferralInput!) {
  createReferral(input: $input) {
    patientCreated
    referral { id status version allowedTransitions linkWorker { id } patient { id name nhsNumber mobile } }
  }
}`;

const TRANSITION = `mutation Transition($input: TransitionReferralInput!) {
  transitionReferral(input: $input) { id status version snomedCodes }
}`;

const CASELOAD = `query Caseload($first: Int, $after: String, $filter: CaseloadFilter) {
  caseload(first: $first, after: $after, filter: $filter) {
    edges { cursor node {
      id status nextCheckInAt concernOpen
      patient { name }
      latestOutcomes { key value measuredAt }
      activeActivities { edges { node { id name } } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('graphql workflow through the Lambda handler (DynamoDB Local)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  function newPatient(seed: number) {
    return {
      nhsNumber: fictionalNhsNumber(seed),
      givenName: `Given${seed}`,
      familyName: 'Example',
      dateOfBirth: '1948-06-01',
      sex: 'FEMALE',
      mobile: dramaMobile(seed),
      smsConsent: 'GIVEN',
    };
  }

  async function ok(
    response: Promise<{ status: number; json: { data?: unknown; errors?: unknown[] } }>,
  ): Promise<Data> {
    const { status, json } = await response;
    expect(json.errors).toBeUndefined();
    expect(status).toBe(200);
    return json.data as Data;
  }

  async function referralFor(seed: number) {
    const data = await ok(
      h.gql(h.staff.LINK_WORKER, CREATE_REFERRAL, {
        input: {
          practiceId: h.orgs.practice.organisationId,
          source: 'GP',
          needs: ['LONELINESS_ISOLATION'],
          note: 'Recently bereaved, lives alone',
          linkWorkerId: h.staff.LINK_WORKER.userId,
          newPatient: newPatient(seed),
        },
      }),
    );
    return data.createReferral.referral as Data;
  }

  it('walks a referral from receipt to an attended activity', async () => {
    // A coordinator adds an activity to the PCN's directory.
    const activity = (
      await ok(
        h.gql(h.staff.COORDINATOR, CREATE_ACTIVITY, {
          input: {
            pcnId: h.orgs.pcn.organisationId,
            providerOrganisationId: h.orgs.provider.organisationId,
            name: 'Riverside Health Walk',
            description: 'A gentle 45-minute walk along the river, finishing with tea.',
            category: 'PHYSICAL_ACTIVITY',
            venueName: 'Riverside Park Café',
            venueAddress: '1 River Lane, Leeds',
            postcode: 'ls1 4ap',
            scheduleText: 'Tuesdays 10:00–11:00',
            contact: { email: 'walks@example.org' },
            cost: { kind: 'FREE' },
            takesDirectReferrals: true,
          },
        }),
      )
    ).createActivity;
    expect(activity).toMatchObject({
      status: 'ACTIVE',
      venue: { postcode: 'LS1 4AP' },
      provider: { name: 'Riverside Walking Group' },
    });

    // Anyone in the ICB finds it in the directory, by category and by text.
    const directory = (
      await ok(
        h.gql(
          h.staff.LINK_WORKER,
          `query D($filter: ActivityFilter) { activities(filter: $filter, first: 10) { edges { node { id name } } pageInfo { hasNextPage } } }`,
          { filter: { category: 'PHYSICAL_ACTIVITY', text: 'RIVER' } },
        ),
      )
    ).activities;
    expect(directory).toEqual({
      edges: [{ node: { id: activity.id, name: 'Riverside Health Walk' } }],
      pageInfo: { hasNextPage: false },
    });
    const one = await ok(
      h.gql(h.staff.COMMISSIONER, 'query A($id: ID!) { activity(id: $id) { name cost { kind } } }', {
        id: activity.id,
      }),
    );
    expect(one.activity).toEqual({ name: 'Riverside Health Walk', cost: { kind: 'FREE' } });

    // The link worker receives a referral for a new patient and takes it on.
    const referral = await referralFor(1);
    expect(referral).toMatchObject({
      status: 'RECEIVED',
      linkWorker: { id: h.staff.LINK_WORKER.userId },
      patient: { name: 'Given1 Example', nhsNumber: fictionalNhsNumber(1), mobile: dramaMobile(1) },
    });
    expect(referral.allowedTransitions).toEqual(['CONTACTED', 'UNABLE_TO_CONTACT', 'DECLINED']);

    // RECEIVED → CONTACTED → ACCEPTED records the SNOMED code for a referral to social prescribing.
    let version = referral.version as number;
    for (const to of ['CONTACTED', 'ACCEPTED']) {
      h.clock.advance(60_000);
      const moved = (
        await ok(
          h.gql(h.staff.LINK_WORKER, TRANSITION, { input: { referralId: referral.id, to, expectedVersion: version } }),
        )
      ).transitionReferral;
      expect(moved.status).toBe(to);
      version = moved.version;
    }

    // What matters to the person, and a goal.
    const recorded = (
      await ok(
        h.gql(
          h.staff.LINK_WORKER,
          `mutation W($input: RecordWhatMattersInput!) { recordWhatMatters(input: $input) {
            id whatMatters { edges { node { text recordedBy { id } } } } goals { edges { node { description status } } } } }`,
          {
            input: {
              referralId: referral.id,
              notes: ['Wants to get out of the house'],
              goals: [{ description: 'Walk weekly', status: 'NOT_STARTED' }],
            },
          },
        ),
      )
    ).recordWhatMatters;
    expect(recorded.whatMatters.edges[0].node).toEqual({
      text: 'Wants to get out of the house',
      recordedBy: { id: h.staff.LINK_WORKER.userId },
    });
    expect(recorded.goals.edges[0].node).toEqual({ description: 'Walk weekly', status: 'NOT_STARTED' });

    // Prescribe the walk.
    const prescription = (
      await ok(
        h.gql(
          h.staff.LINK_WORKER,
          `mutation P($input: PrescribeActivityInput!) { prescribeActivity(input: $input) {
            id status startDate activity { id name } referral { id } prescribedBy { id } } }`,
          { input: { referralId: referral.id, activityId: activity.id, startDate: '2026-03-03' } },
        ),
      )
    ).prescribeActivity;
    expect(prescription).toMatchObject({
      status: 'PROPOSED',
      activity: { id: activity.id },
      referral: { id: referral.id },
    });

    // The provider records the first session; the prescription starts.
    h.clock.set('2026-03-04T12:00:00Z');
    const attendance = (
      await ok(
        h.gql(
          h.staff.PROVIDER,
          `mutation A($input: RecordAttendanceInput!) { recordAttendance(input: $input) {
            firstAttendance prescriptionStatus attendance { sessionDate status recordedBy { id } } } }`,
          { input: { prescriptionId: prescription.id, sessionDate: '2026-03-03', status: 'ATTENDED' } },
        ),
      )
    ).recordAttendance;
    expect(attendance).toEqual({
      firstAttendance: true,
      prescriptionStatus: 'STARTED',
      attendance: { sessionDate: '2026-03-03', status: 'ATTENDED', recordedBy: { id: h.staff.PROVIDER.userId } },
    });

    // The full record, with its history.
    const full = (
      await ok(
        h.gql(
          h.staff.LINK_WORKER,
          `query R($id: ID!) { referral(id: $id) { status snomedCodes
            events { edges { node { kind fromStatus toStatus snomedCode actor { id } } } }
            activeActivities { edges { node { id } } } } }`,
          { id: referral.id },
        ),
      )
    ).referral;
    expect(full.snomedCodes).toContain('871731000000106');
    expect(full.events.edges.map((edge: Data) => edge.node.toStatus)).toEqual(
      expect.arrayContaining(['CONTACTED', 'ACCEPTED']),
    );
    expect(full.events.edges.find((edge: Data) => edge.node.toStatus === 'ACCEPTED').node.snomedCode).toBe(
      '871731000000106',
    );
    expect(full.activeActivities.edges).toEqual([{ node: { id: activity.id } }]);

    // The caseload row shows what a link worker needs at a glance.
    const caseload = (await ok(h.gql(h.staff.LINK_WORKER, CASELOAD, { first: 10 }))).caseload;
    const row = caseload.edges.find((edge: Data) => edge.node.id === referral.id).node;
    expect(row).toEqual({
      id: referral.id,
      // The attended session moved it on: support is under way.
      status: 'ACTIVE',
      // The baseline check-in scheduled when the walk was prescribed (the patient agreed to texts).
      nextCheckInAt: '2026-03-02T10:02:00.000Z',
      concernOpen: false,
      patient: { name: 'Given1 Example' },
      latestOutcomes: [],
      activeActivities: { edges: [{ node: { id: activity.id, name: 'Riverside Health Walk' } }] },
    });

    // An illegal move is a CONFLICT.
    const illegal = await h.gql(h.staff.LINK_WORKER, TRANSITION, {
      input: { referralId: referral.id, to: 'RECEIVED' },
    });
    expect(illegal.json.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('pages a caseload with cursors, without repeats or gaps', async () => {
    const ids = new Set<string>();
    for (let seed = 10; seed < 15; seed++) ids.add((await referralFor(seed)).id);

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Data = (await ok(h.gql(h.staff.LINK_WORKER, CASELOAD, { first: 2, after }))).caseload;
      seen.push(...page.edges.map((edge: Data) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 20);

    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen).toContain(id);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('returns the existing patient when a referral names a known NHS number', async () => {
    await referralFor(20);
    const again = await ok(
      h.gql(h.staff.LINK_WORKER, CREATE_REFERRAL, {
        input: {
          practiceId: h.orgs.practice.organisationId,
          source: 'SELF',
          needs: ['HOUSING'],
          newPatient: { ...newPatient(20), givenName: 'Someone Else' },
        },
      }),
    );

    expect(again.createReferral.patientCreated).toBe(false);
  });

  describe('roles', () => {
    let referralId: string;
    let patientId: string;

    beforeAll(async () => {
      const referral = await referralFor(30);
      referralId = referral.id;
      patientId = referral.patient.id;
    });

    it.each(['COMMISSIONER', 'PROVIDER'] as const)(
      'returns FORBIDDEN to a %s for patient, referral and caseload',
      async (role) => {
        const user = h.staff[role];
        const responses = await Promise.all([
          h.gql(user, 'query P($id: ID!) { patient(id: $id) { id name } }', { id: patientId }),
          h.gql(user, 'query R($id: ID!) { referral(id: $id) { id } }', { id: referralId }),
          h.gql(user, '{ caseload { edges { node { id } } } }'),
        ]);

        for (const response of responses) {
          expect(response.json.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
          expect(JSON.stringify(response.json)).not.toContain('Given30');
        }
      },
    );

    it('returns FORBIDDEN to a link worker of another PCN, and to one not assigned', async () => {
      for (const user of [h.staff.otherPcnLinkWorker, h.staff.otherLinkWorker]) {
        const response = await h.gql(user, 'query R($id: ID!) { referral(id: $id) { id } }', { id: referralId });
        expect(response.json.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });

    it('returns the referral to the PCN coordinator and lets them reassign it', async () => {
      const reassigned = await ok(
        h.gql(
          h.staff.COORDINATOR,
          'mutation A($input: AssignReferralInput!) { assignReferral(input: $input) { id linkWorker { id } } }',
          { input: { referralId, linkWorkerId: h.staff.otherLinkWorker.userId } },
        ),
      );

      expect(reassigned.assignReferral.linkWorker.id).toBe(h.staff.otherLinkWorker.userId);
    });

    it('returns the audit trail to an ICB admin and FORBIDDEN to anyone else', async () => {
      const query =
        'query T($id: ID!) { auditTrail(patientId: $id, first: 50) { edges { node { action operation actor { id } } } } }';

      const admin = await ok(h.gql(h.staff.ADMIN, query, { id: patientId }));
      const linkWorker = await h.gql(h.staff.LINK_WORKER, query, { id: patientId });

      expect(admin.auditTrail.edges.length).toBeGreaterThan(0);
      expect(admin.auditTrail.edges.map((edge: Data) => edge.node.action)).toContain('CREATE');
      expect(linkWorker.json.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('returns BAD_USER_INPUT naming first for a caseload page over 100', async () => {
      const response = await h.gql(h.staff.LINK_WORKER, CASELOAD, { first: 101 });

      expect(response.status).toBe(400);
      expect(response.json.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    });
  });
});
