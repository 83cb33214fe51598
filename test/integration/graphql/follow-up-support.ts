import type { StaffUser } from '../../../functions/identity/entities/staff-user';
import { fictionalNhsNumber } from '../../../functions/shared/nhs-number';
import { dramaMobile } from '../../../functions/shared/phone';
import type { GraphQLResponse, Harness } from './harness';

/** Operations and helpers shared by the check-in tests (checkins.test.ts, follow-up-journey.test.ts). */

// biome-ignore lint/suspicious/noExplicitAny: GraphQL response JSON, asserted field by field in the tests
export type Data = Record<string, any>;

export const CREATE_REFERRAL = `mutation CreateReferral($input: CreateReferralInput!) {
  createReferral(input: $input) { referral { id version status patient { id } } }
}`;

export const TRANSITION = `mutation Transition($input: TransitionReferralInput!) {
  transitionReferral(input: $input) { id status version nextCheckInAt nextCheckIn { id } }
}`;

export const SCHEDULE = `mutation Schedule($input: ScheduleCheckInInput!) {
  scheduleCheckIn(input: $input) { id wave status dueAt scheduledFor questions needsReview referral { id nextCheckInAt } }
}`;

export const CANCEL = `mutation Cancel($id: ID!) {
  cancelCheckIn(checkInId: $id) { id status closedAt closeReason referral { id nextCheckInAt nextCheckIn { id } } }
}`;

export const RECORD_OUTCOME = `mutation Record($input: RecordOutcomeInput!) {
  recordOutcome(input: $input) {
    id latestOutcomes { key value score measuredAt }
    outcomes(first: 20) { edges { node { key value option band wave source measuredAt recordedBy { id } } } }
  }
}`;

export const CREATE_ACTIVITY = `mutation CreateActivity($input: CreateActivityInput!) { createActivity(input: $input) { id } }`;

export const PRESCRIBE = `mutation Prescribe($input: PrescribeActivityInput!) {
  prescribeActivity(input: $input) { id status referral { id nextCheckInAt nextCheckIn { id wave status dueAt } } }
}`;

export const RECORD_ATTENDANCE = `mutation Attend($input: RecordAttendanceInput!) {
  recordAttendance(input: $input) { firstAttendance prescriptionStatus }
}`;

export const REFERRAL_FOLLOW_UP = `query Referral($id: ID!) {
  referral(id: $id) {
    id status concernOpen nextCheckInAt
    nextCheckIn { id wave status dueAt }
    latestOutcomes { key value score measuredAt }
    checkIns(first: 20) { edges { node {
      id wave status questionIndex answeredCount unansweredCount dueAt questionSentAt closedAt closeReason needsReview
    } } }
    outcomes(first: 50) { edges { node { key value option wave source measuredAt } } }
  }
}`;

export async function ok(response: Promise<GraphQLResponse>): Promise<Data> {
  const { status, json } = await response;
  expect(json.errors).toBeUndefined();
  expect(status).toBe(200);
  return json.data as Data;
}

export function codesOf(response: GraphQLResponse): unknown[] {
  return (response.json.errors ?? []).map((error) => error.extensions?.code);
}

/** A referral for a new patient on `linkWorker`'s caseload; the patient consented to texts on `dramaMobile(seed)`. */
export async function newReferral(
  h: Harness,
  seed: number,
  linkWorker: StaffUser = h.staff.LINK_WORKER,
  smsConsent = 'GIVEN',
): Promise<{ id: string; version: number; patientId: string }> {
  const data = await ok(
    h.gql(linkWorker, CREATE_REFERRAL, {
      input: {
        practiceId: h.orgs.practice.organisationId,
        source: 'GP',
        needs: ['LONELINESS_ISOLATION'],
        linkWorkerId: linkWorker.userId,
        newPatient: {
          nhsNumber: fictionalNhsNumber(seed),
          givenName: `Given${seed}`,
          familyName: 'Example',
          dateOfBirth: '1950-01-01',
          sex: 'MALE',
          mobile: dramaMobile(seed),
          smsConsent,
        },
      },
    }),
  );
  const referral = data.createReferral.referral;
  return { id: referral.id, version: referral.version, patientId: referral.patient.id };
}

export async function createWalk(h: Harness): Promise<string> {
  const data = await ok(
    h.gql(h.staff.COORDINATOR, CREATE_ACTIVITY, {
      input: {
        pcnId: h.orgs.pcn.organisationId,
        providerOrganisationId: h.orgs.provider.organisationId,
        name: 'Riverside Health Walk',
        description: 'A gentle 45-minute walk along the river, finishing with tea.',
        category: 'PHYSICAL_ACTIVITY',
        venueName: 'Riverside Park Café',
        venueAddress: '1 River Lane, Leeds',
        postcode: 'LS1 4AP',
        scheduleText: 'Tuesdays 10:00–11:00',
        contact: { email: 'walks@example.org' },
        cost: { kind: 'FREE' },
        takesDirectReferrals: true,
      },
    }),
  );
  return data.createActivity.id;
}

/** RECEIVED → CONTACTED → ACCEPTED, as the link worker. */
export async function accept(h: Harness, referralId: string, linkWorker: StaffUser = h.staff.LINK_WORKER) {
  let last: Data = {};
  for (const to of ['CONTACTED', 'ACCEPTED']) {
    last = (await ok(h.gql(linkWorker, TRANSITION, { input: { referralId, to } }))).transitionReferral;
  }
  return last;
}
