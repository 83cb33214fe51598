import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type CheckInDeps, defaultDispatchPolicy, dispatchDueCheckIns } from '../../../functions/checkins';
import { OutboxSmsSender } from '../../../functions/checkins/adapters/outbox-sms-sender';
import { createInboundSmsHandler } from '../../../functions/checkins/handlers/inbound-sms';
import { fictionalNhsNumber } from '../../../functions/shared/nhs-number';
import { dramaMobile } from '../../../functions/shared/phone';
import { inboundSmsEvent } from '../../support/sms-events';
import {
  accept,
  CREATE_REFERRAL,
  codesOf,
  createWalk,
  type Data,
  ok,
  PRESCRIBE,
  RECORD_ATTENDANCE,
} from './follow-up-support';
import { createHarness, type Harness } from './harness';

/*
 * Erasure, end to end through the API and the engine: a patient with a note, a conversation, goals, a reason on a
 * status change, texts in and out (a worrying one among them), a resolved concern with its note, texts in the inbox,
 * a prescription with attendance and a pending check-in.
 * After `erasePatient`, no word or number of theirs is left anywhere in the table, and no write can put one back.
 * (Erasure raced against every write is in test/security/erasure-races.test.ts.)
 */

const ERASE = `mutation Erase($input: ErasePatientInput!) { erasePatient(input: $input) { patientId erasedAt referralIds } }`;
const WHAT_MATTERS = `mutation WhatMatters($input: RecordWhatMattersInput!) {
  recordWhatMatters(input: $input) { id }
}`;
const CONTACT = `mutation Contact($input: UpdatePatientContactInput!) { updatePatientContact(input: $input) { id } }`;
const OPEN_CONCERNS = `query { openConcerns(first: 50) { edges { node { id referral { id } } } } }`;
const RESOLVE = `mutation Resolve($input: ResolveConcernInput!) { resolveConcern(input: $input) { id } }`;
const INBOX = `query { inbox(first: 50) { edges { node { id body patient { id } } } } }`;
const CONCERNS = `query Concerns($id: ID!) {
  referral(id: $id) { concernOpen concerns(first: 10) { edges { node { status action note texts { body } } } } }
}`;
const THREAD = `query Thread($id: ID!) {
  referral(id: $id) { checkIns(first: 10) { edges { node { status closeReason messages(first: 20) { edges { node {
    direction kind body
  } } } } } } }
}`;

describe('erasePatient reaches everything (GraphQL and the follow-up engine)', () => {
  let h: Harness;
  let engine: CheckInDeps;
  const policy = defaultDispatchPolicy();

  beforeAll(async () => {
    h = await createHarness();
    engine = h.linkwork.checkIns.withSender(new OutboxSmsSender(h.store, h.clock, h.linkwork.newId, () => {}));
  });
  afterAll(() => h.close());

  /** Every item in the table, as the text DynamoDB holds (what an attacker with a table export would see). */
  async function tableText(): Promise<string> {
    const items: unknown[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await h.store.documentClient.send(
        new ScanCommand({ TableName: h.store.tableName, ExclusiveStartKey: start }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return JSON.stringify(items);
  }

  /** A patient whose every word and number carries `marker`, with a record that reaches every context. */
  async function fullFootprint(seed: number, marker: string) {
    const mobile = dramaMobile(seed);
    const created = await ok(
      h.gql(h.staff.LINK_WORKER, CREATE_REFERRAL, {
        input: {
          practiceId: h.orgs.practice.organisationId,
          source: 'GP',
          needs: ['LONELINESS_ISOLATION'],
          note: `${marker} note from the GP`,
          linkWorkerId: h.staff.LINK_WORKER.userId,
          newPatient: {
            nhsNumber: fictionalNhsNumber(seed),
            givenName: `${marker}Given`,
            familyName: `${marker}Family`,
            preferredName: `${marker}Pref`,
            dateOfBirth: '1950-01-01',
            sex: 'FEMALE',
            mobile,
            smsConsent: 'GIVEN',
            accessibilityNeeds: `${marker} needs large print`,
          },
        },
      }),
    );
    const referralId: string = created.createReferral.referral.id;
    const patientId: string = created.createReferral.referral.patient.id;
    await accept(h, referralId);
    await ok(
      h.gql(h.staff.LINK_WORKER, WHAT_MATTERS, {
        input: { referralId, notes: [`${marker} misses her sister`], goals: [{ description: `${marker} choir` }] },
      }),
    );
    const activityId = await createWalk(h);
    const prescription = (
      await ok(h.gql(h.staff.LINK_WORKER, PRESCRIBE, { input: { referralId, activityId, startDate: '2026-03-02' } }))
    ).prescribeActivity;
    await ok(
      h.gql(h.staff.LINK_WORKER, RECORD_ATTENDANCE, {
        input: { prescriptionId: prescription.id, sessionDate: '2026-03-02', status: 'ATTENDED' },
      }),
    );
    // The baseline goes out; the person answers, then writes words of their own.
    await dispatchDueCheckIns(engine, { policy, ratePerSecond: 100, runBudgetMs: 10_000, sleep: async () => {} });
    const inbound = createInboundSmsHandler(() => ({ deps: engine, policy }));
    for (const messageBody of ['7', `${marker} I feel so alone`, `${marker} please help me`]) {
      await inbound(inboundSmsEvent({ originationNumber: mobile, messageBody }));
    }
    // The worrying text raised a concern; the link worker resolves it with a note of their own.
    const concern = ((await ok(h.gql(h.staff.LINK_WORKER, OPEN_CONCERNS))).openConcerns.edges as Data[]).find(
      (edge) => edge.node.referral.id === referralId,
    )!.node;
    await ok(
      h.gql(h.staff.LINK_WORKER, RESOLVE, {
        input: { concernId: concern.id, action: 'CONTACTED_PERSON', note: `${marker} called her, all well` },
      }),
    );
    // After the check-in stopped, a text no question waits for: it goes to the inbox.
    await inbound(inboundSmsEvent({ originationNumber: mobile, messageBody: `${marker} thanks for the call` }));
    return { referralId, patientId, mobile, nhsNumber: fictionalNhsNumber(seed) };
  }

  it('leaves no word or number of the patient anywhere, keeps the skeleton, and cancels what was pending', async () => {
    const marker = 'Zqxerase';
    const { referralId, patientId, mobile, nhsNumber } = await fullFootprint(601, marker);
    const before = await tableText();
    expect(before).toContain(marker);
    expect(before).toContain(mobile);
    expect(before).toContain(`${marker} called her`);
    expect(before).toContain(`${marker} thanks for the call`);

    const erased = (await ok(h.gql(h.staff.ADMIN, ERASE, { input: { patientId } }))).erasePatient;

    expect(erased).toMatchObject({ patientId, referralIds: [referralId] });
    const after = await tableText();
    for (const trace of [marker, mobile, mobile.slice(3), nhsNumber]) expect(after).not.toContain(trace);
    const thread = (await ok(h.gql(h.staff.ADMIN, THREAD, { id: referralId }))).referral.checkIns.edges as Data[];
    const messages = thread.flatMap((edge) => edge.node.messages.edges.map((m: Data) => m.node));
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(messages.every((message: Data) => message.body === null)).toBe(true);
    expect(thread.map((edge) => edge.node.status)).not.toContain('WAITING');
    expect(thread.some((edge) => edge.node.closeReason === 'PATIENT_ERASED')).toBe(true);
    const prescriptions = await h.linkwork.activities.deps.prescriptions.listForReferral(referralId);
    expect(prescriptions.map((prescription) => prescription.erasedAt)).toEqual([erased.erasedAt]);
    // The concern keeps its status and action, not the note or the words; the inbox no longer holds the patient.
    const concerns = (await ok(h.gql(h.staff.ADMIN, CONCERNS, { id: referralId }))).referral;
    expect(concerns.concerns.edges.map((edge: Data) => edge.node)).toEqual([
      { status: 'RESOLVED', action: 'CONTACTED_PERSON', note: null, texts: [{ body: null }] },
    ]);
    const inbox = (await ok(h.gql(h.staff.LINK_WORKER, INBOX))).inbox.edges as Data[];
    expect(inbox.filter((edge) => edge.node.patient.id === patientId)).toEqual([]);
  });

  it('refuses every later change with CONFLICT and writes nothing', async () => {
    const { referralId, patientId } = await fullFootprint(602, 'Zqxlater');
    await ok(h.gql(h.staff.ADMIN, ERASE, { input: { patientId } }));
    const before = await tableText();

    const attempts = await Promise.all([
      h.gql(h.staff.ADMIN, CONTACT, { input: { patientId, mobile: '07700 900602', preferredName: 'Zqxback' } }),
      h.gql(h.staff.ADMIN, WHAT_MATTERS, { input: { referralId, notes: ['Zqxback note'] } }),
    ]);

    expect(attempts.map(codesOf)).toEqual([['CONFLICT'], ['CONFLICT']]);
    const after = await tableText();
    expect(after).not.toContain('Zqxback');
    expect(after.length).toBeLessThanOrEqual(before.length + 2_000); // the audit events of the two refusals at most
  });
});
