import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApolloClient } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { parse } from 'graphql';
import {
  AcknowledgeConcernDocument,
  ActivityDirectoryDocument,
  AssignReferralDocument,
  CaseloadPageDocument,
  CreateReferralDocument,
  createLinkworkClient,
  InboxDocument,
  MarkInboxMessageHandledDocument,
  MeDocument,
  OpenConcernsDocument,
  OutcomeSummaryCsvDocument,
  OutcomeSummaryDocument,
  PrescribeActivityDocument,
  RecordAttendanceDocument,
  RecordOutcomeDocument,
  RecordWhatMattersDocument,
  ReferralActivityDocument,
  ReferralConcernsDocument,
  ReferralDetailDocument,
  ReferralOutcomesDocument,
  ReferralThreadDocument,
  ReleasedOutcomePeriodsDocument,
  ResolveConcernDocument,
  SetSmsConsentDocument,
  TRUSTED_HASHES,
  TransitionReferralDocument,
  UpdatePatientContactDocument,
} from '../../../client';
import type { StaffUser } from '../../../functions/identity/entities/staff-user';
import { fictionalNhsNumber } from '../../../functions/shared/nhs-number';
import { type LocalApi, startLocalApi } from '../../../scripts/lib/local-api';
import { signLocalToken } from '../../../scripts/lib/local-jwt';
import { createWalk } from '../graphql/follow-up-support';
import { createHarness, type Harness } from '../graphql/harness';
import { texting } from '../graphql/sms-support';

/*
 * The typed operations in client/ through Apollo Client, against the local API (the Lambda handler behind the local
 * API Gateway) in `trusted` mode: every operation goes by hash alone and still runs, anything else is refused. The
 * story is a link worker's and a commissioner's day; the last test checks that every client operation took part.
 */

describe('client operations through Apollo Client', () => {
  let h: Harness;
  let api: LocalApi;
  let keyDir: string;
  const sent = new Set<string>();
  const clients = new Map<string, ApolloClient>();

  beforeAll(async () => {
    h = await createHarness();
    keyDir = mkdtempSync(join(tmpdir(), 'linkwork-client-'));
    api = await startLocalApi({
      store: h.store,
      linkwork: h.linkwork,
      clock: h.clock,
      keyFile: join(keyDir, 'key.json'),
      operations: 'trusted',
    });
  });
  afterAll(async () => {
    for (const client of clients.values()) client.stop();
    await api.close();
    await h.close();
    rmSync(keyDir, { recursive: true, force: true });
  });

  /** A client for `user`, recording which operations it sends and whether they went by hash alone. */
  async function clientFor(user: StaffUser): Promise<ApolloClient> {
    const existing = clients.get(user.userId);
    if (existing) return existing;
    const token = await signLocalToken(user, { keyFile: join(keyDir, 'key.json') });
    const recordingFetch: typeof fetch = async (input, init) => {
      const body = JSON.parse(String(init?.body ?? '{}')) as { operationName?: string; query?: string };
      if (body.operationName && body.query === undefined) sent.add(body.operationName);
      return fetch(input, init);
    };
    const client = createLinkworkClient({ url: api.url, token, fetch: recordingFetch });
    clients.set(user.userId, client);
    return client;
  }

  const state: { referralId?: string; patientId?: string; version?: number; activityId?: string } = {};

  it('returns the signed-in link worker', async () => {
    const client = await clientFor(h.staff.LINK_WORKER);

    const { data } = await client.query({ query: MeDocument });

    expect(data?.me).toMatchObject({ id: h.staff.LINK_WORKER.userId, role: 'LINK_WORKER' });
  });

  it('creates a referral in the PCN queue, and a coordinator assigns it to the link worker', async () => {
    const coordinator = await clientFor(h.staff.COORDINATOR);

    const created = await coordinator.mutate({
      mutation: CreateReferralDocument,
      variables: {
        input: {
          practiceId: h.orgs.practice.organisationId,
          source: 'GP',
          needs: ['LONELINESS_ISOLATION'],
          newPatient: {
            nhsNumber: fictionalNhsNumber(4242),
            givenName: 'Rosa',
            familyName: 'Clarke',
            dateOfBirth: '1950-04-02',
            sex: 'FEMALE',
            mobile: '07700900142',
            smsConsent: 'GIVEN',
          },
        },
      },
    });
    const referral = created.data!.createReferral.referral;
    const assigned = await coordinator.mutate({
      mutation: AssignReferralDocument,
      variables: { input: { referralId: referral.id, linkWorkerId: h.staff.LINK_WORKER.userId } },
    });

    expect(created.data?.createReferral.patientCreated).toBe(true);
    expect(referral).toMatchObject({ status: 'RECEIVED', linkWorker: null });
    expect(assigned.data?.assignReferral.linkWorker?.id).toBe(h.staff.LINK_WORKER.userId);
    state.referralId = referral.id;
    state.patientId = referral.patient.id;
  });

  it('moves the referral on to ACCEPTED, one allowed transition at a time', async () => {
    const client = await clientFor(h.staff.LINK_WORKER);
    let allowed: readonly string[] = [];

    for (const to of ['CONTACTED', 'ACCEPTED'] as const) {
      const { data } = await client.mutate({
        mutation: TransitionReferralDocument,
        variables: { input: { referralId: state.referralId!, to } },
      });
      expect(data?.transitionReferral.status).toBe(to);
      allowed = data!.transitionReferral.allowedTransitions;
    }

    expect(allowed).toEqual(['ACTIVE', 'CLOSED', 'DECLINED']);
  });

  it('records what matters, prescribes an activity from the directory and records the first attendance', async () => {
    state.activityId = await createWalk(h);
    const client = await clientFor(h.staff.LINK_WORKER);

    const whatMatters = await client.mutate({
      mutation: RecordWhatMattersDocument,
      variables: {
        input: {
          referralId: state.referralId!,
          notes: ['Misses her choir since moving.'],
          goals: [{ description: 'Sing with others again' }],
        },
      },
    });
    const directory = await client.query({ query: ActivityDirectoryDocument, variables: { first: 10 } });
    const activity = directory.data!.activities.edges.find((edge) => edge.node.id === state.activityId)!.node;
    const prescribed = await client.mutate({
      mutation: PrescribeActivityDocument,
      variables: { input: { referralId: state.referralId!, activityId: activity.id, startDate: '2026-03-02' } },
    });
    const attended = await client.mutate({
      mutation: RecordAttendanceDocument,
      variables: {
        input: { prescriptionId: prescribed.data!.prescribeActivity.id, sessionDate: '2026-03-02', status: 'ATTENDED' },
      },
    });

    expect(whatMatters.data?.recordWhatMatters.whatMatters.edges.map((e) => e.node.text)).toEqual([
      'Misses her choir since moving.',
    ]);
    expect(activity.name).toBe('Riverside Health Walk');
    expect(prescribed.data?.prescribeActivity).toMatchObject({ status: 'PROPOSED', activity: { id: activity.id } });
    expect(attended.data?.recordAttendance).toMatchObject({ firstAttendance: true, prescriptionStatus: 'STARTED' });
  });

  it('records answers given in person, and changes the patient contact and consent', async () => {
    const client = await clientFor(h.staff.LINK_WORKER);

    const outcome = await client.mutate({
      mutation: RecordOutcomeDocument,
      variables: {
        input: {
          referralId: state.referralId!,
          wave: 'AD_HOC',
          answers: [{ instrument: 'ONS4', item: 'happiness', value: 6 }],
        },
      },
    });
    const contact = await client.mutate({
      mutation: UpdatePatientContactDocument,
      variables: { input: { patientId: state.patientId!, preferredName: 'Ro' } },
    });
    const consent = await client.mutate({
      mutation: SetSmsConsentDocument,
      variables: { input: { patientId: state.patientId!, consent: 'GIVEN' } },
    });

    expect(outcome.data?.recordOutcome.latestOutcomes).toEqual([
      expect.objectContaining({ key: 'ONS4.happiness', score: 6 }),
    ]);
    expect(contact.data?.updatePatientContact).toMatchObject({ preferredName: 'Ro', name: 'Ro Clarke' });
    expect(consent.data?.setSmsConsent.smsConsent).toBe('GIVEN');
  });

  it('returns the referral on the caseload page and its detail, thread and answers', async () => {
    const client = await clientFor(h.staff.LINK_WORKER);

    const caseload = await client.query({ query: CaseloadPageDocument, variables: { first: 20 } });
    const detail = await client.query({ query: ReferralDetailDocument, variables: { id: state.referralId! } });
    const thread = await client.query({ query: ReferralThreadDocument, variables: { id: state.referralId! } });
    const outcomes = await client.query({ query: ReferralOutcomesDocument, variables: { id: state.referralId! } });

    const row = caseload.data!.caseload.edges.find((edge) => edge.node.id === state.referralId)!.node;
    // The first attendance moved the referral on to ACTIVE.
    expect(row).toMatchObject({ status: 'ACTIVE', patient: { name: 'Ro Clarke' }, concernOpen: false });
    expect(row.latestOutcomes.map((answer) => answer.key)).toEqual(['ONS4.happiness']);
    const referral = detail.data!.referral!;
    expect(referral.whatMatters.edges[0]?.node.text).toBe('Misses her choir since moving.');
    expect(referral.goals.edges[0]?.node).toMatchObject({
      description: 'Sing with others again',
      status: 'NOT_STARTED',
    });
    expect(referral.activeActivities.edges.map((edge) => edge.node.name)).toEqual(['Riverside Health Walk']);
    expect(referral.events.edges.map((edge) => edge.node.kind)).toEqual([
      'RECEIVED',
      'ASSIGNED',
      'STATUS_CHANGED',
      'STATUS_CHANGED',
      'STATUS_CHANGED', // ACCEPTED → ACTIVE at the first attendance
    ]);
    // Prescribing scheduled the baseline check-in; the first attendance scheduled the follow-ups.
    const waves = thread.data!.referral!.checkIns.edges.map((edge) => edge.node.wave);
    expect(waves).toEqual(expect.arrayContaining(['BASELINE', 'WEEK_6', 'WEEK_12']));
    expect(outcomes.data!.referral!.outcomes.edges.map((edge) => [edge.node.key, edge.node.value])).toEqual([
      ['ONS4.happiness', 6],
    ]);
  });

  it('returns the concern and the inbox text a worrying reply made, then acknowledges, resolves and handles them', async () => {
    const client = await clientFor(h.staff.LINK_WORKER);
    const inboxOf = async () =>
      (
        await client.query({
          query: InboxDocument,
          variables: { linkWorkerId: h.staff.LINK_WORKER.userId, first: 20 },
          fetchPolicy: 'network-only',
        })
      ).data!.inbox.edges.map((edge) => edge.node);

    expect(await texting(h).text('07700900142', 'Please call me, I feel like I want to end it all')).toBe('concern');
    const open = await client.query({ query: OpenConcernsDocument, variables: { first: 20 } });
    const concern = open.data!.openConcerns.edges.find((edge) => edge.node.referral.id === state.referralId)!.node;
    const inbox = await inboxOf();
    const waiting = inbox[0];
    const acknowledged = await client.mutate({
      mutation: AcknowledgeConcernDocument,
      variables: { concernId: concern.id },
    });
    const resolved = await client.mutate({
      mutation: ResolveConcernDocument,
      variables: { input: { concernId: concern.id, action: 'CONTACTED_PERSON', note: 'Rang her; she is safe.' } },
    });
    const handled = await client.mutate({
      mutation: MarkInboxMessageHandledDocument,
      variables: { inboxMessageId: waiting!.id },
    });
    const onReferral = await client.query({ query: ReferralConcernsDocument, variables: { id: state.referralId! } });

    expect(concern).toMatchObject({
      status: 'OPEN',
      reasons: ['WORRYING_TEXT'],
      texts: {
        edges: [{ node: { body: 'Please call me, I feel like I want to end it all' } }],
        pageInfo: { hasNextPage: false },
      },
      referral: { concernOpen: true, patient: { name: 'Ro Clarke' } },
    });
    // No question was waiting, so the text is in the inbox as well as on the concern.
    expect(inbox).toHaveLength(1);
    expect(waiting).toMatchObject({
      reason: 'OUTSIDE_CHECK_IN',
      body: 'Please call me, I feel like I want to end it all',
      handled: false,
      referral: { id: state.referralId },
    });
    expect(acknowledged.data?.acknowledgeConcern).toMatchObject({
      status: 'ACKNOWLEDGED',
      acknowledgedBy: { id: h.staff.LINK_WORKER.userId },
    });
    expect(resolved.data?.resolveConcern).toMatchObject({
      status: 'RESOLVED',
      action: 'CONTACTED_PERSON',
      referral: { concernOpen: false },
    });
    expect(handled.data?.markInboxMessageHandled).toMatchObject({
      handled: true,
      handledBy: { id: h.staff.LINK_WORKER.userId },
    });
    expect(await inboxOf()).toEqual([]);
    expect(onReferral.data?.referral).toMatchObject({
      openConcern: null,
      concerns: { edges: [{ node: { id: concern.id, status: 'RESOLVED' } }] },
    });
  });

  it("returns the released periods, then a commissioner's figures, their CSV and the SNOMED referral counts for a released quarter", async () => {
    const client = await clientFor(h.staff.COMMISSIONER);
    const scope = { icbId: h.orgs.icb.organisationId };

    // The harness's clock is 2 March 2026: January is released (11 February), February not until 11 March.
    const months = await client.query({ query: ReleasedOutcomePeriodsDocument, variables: { kind: 'MONTH', last: 2 } });
    const quarters = await client.query({
      query: ReleasedOutcomePeriodsDocument,
      variables: { kind: 'QUARTER', last: 1 },
    });
    const quarter = quarters.data!.releasedOutcomePeriods[0]!;
    const input = { scope, period: quarter.id };
    const summary = await client.query({
      query: OutcomeSummaryDocument,
      variables: { input: { ...input, groupBy: ['PCN'], instruments: ['ONS4'] } },
    });
    const csv = await client.query({ query: OutcomeSummaryCsvDocument, variables: { input } });
    const activity = await client.query({ query: ReferralActivityDocument, variables: { input } });

    expect(months.data?.releasedOutcomePeriods.map((period) => period.id)).toEqual(['2026-01', '2025-12']);
    expect(quarter).toMatchObject({
      id: 'FY2025-26-Q3',
      kind: 'QUARTER',
      from: '2025-10-01',
      to: '2025-12-31',
      months: ['2025-10', '2025-11', '2025-12'],
    });
    expect(summary.data?.outcomeSummary).toMatchObject({
      scope: { kind: 'ICB', id: h.orgs.icb.organisationId },
      period: { id: 'FY2025-26-Q3', months: ['2025-10', '2025-11', '2025-12'] },
      disclosureControl: 'CONTROLLED',
      total: { dimension: 'NONE', group: 'ALL' },
    });
    expect(csv.data?.outcomeSummaryCsv.split('\r\n')[0]).toMatch(/^scope_kind,scope_id,/);
    expect(csv.data?.outcomeSummaryCsv.split('\r\n')[1]).toContain(',FY2025-26-Q3,2025-10-01,2025-12-31,');
    expect(activity.data?.referralActivity).toMatchObject({
      period: { id: 'FY2025-26-Q3' },
      acceptedCode: '871731000000106',
      declinedCode: '871711000000103',
    });
  });

  it('throws BAD_USER_INPUT on period for a month not released yet, naming the field', async () => {
    const client = await clientFor(h.staff.COMMISSIONER);

    const attempt = client.query({
      query: OutcomeSummaryDocument,
      variables: { input: { scope: { icbId: h.orgs.icb.organisationId }, period: '2026-02' } },
    });

    await expect(attempt).rejects.toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'period' } }],
    });
  });

  it('throws OPERATION_NOT_TRUSTED for an operation that is not in client/, in trusted mode', async () => {
    const client = await clientFor(h.staff.LINK_WORKER);

    const attempt = client.query({ query: parse('query Sneaky { me { id email } }'), fetchPolicy: 'network-only' });

    await expect(attempt).rejects.toBeInstanceOf(CombinedGraphQLErrors);
    await expect(attempt).rejects.toMatchObject({ errors: [{ extensions: { code: 'OPERATION_NOT_TRUSTED' } }] });
  });

  it('sent every operation in client/operations by hash alone', () => {
    expect([...sent].sort()).toEqual(Object.keys(TRUSTED_HASHES).sort());
  });
});
