import { dramaMobile } from '../../functions/shared/phone';
import { inputLeaves } from './schema-walk';
import type { CallerName, FixtureNeeds, SeededPatient, World } from './world';

/*
 * Every write a patient's or a referral's record can take, as raced against `erasePatient`: what the fixture needs,
 * who writes, and the write itself, carrying new marker values (a mobile, a name, a note, a reason, a goal) that must
 * not outlive the erasure. The table is keyed by mutation; every mutation that takes an id of a patient's record
 * (`patientId`, `referralId`, `checkInId`, `prescriptionId`) must have an entry, so a new one is raced the day it is
 * added.
 */

export interface RaceRecipe {
  needs: FixtureNeeds;
  caller: CallerName;
  document: string;
  /** The write's variables; new identifying values or texts are added to `patient`'s markers. */
  variables(patient: SeededPatient, world: World): Record<string, unknown>;
}

/** Names of inputs that point into a patient's record. */
export const RECORD_IDS = ['patientId', 'referralId', 'checkInId', 'prescriptionId', 'concernId', 'inboxMessageId'];

/** Mutations taking an id of a patient's record, erasure itself aside: each must be raced against erasure. */
export function writesToRace(): string[] {
  const names = inputLeaves()
    .filter((leaf) => leaf.operation.kind === 'mutation' && RECORD_IDS.includes(String(leaf.segments.at(-1))))
    .map((leaf) => leaf.operation.name)
    .filter((name) => name !== 'erasePatient');
  return [...new Set(names)];
}

const write = (field: string, inputType: string, selection = 'id') =>
  `mutation Race($input: ${inputType}!) { ${field}(input: $input) { ${selection} } }`;

function text(patient: SeededPatient, kind: string): string {
  const value = `Qz${kind}${patient.tag}`;
  patient.markers.texts.push(value);
  return value;
}

export const RACE_RECIPES: Record<string, RaceRecipe> = {
  updatePatientContact: {
    needs: {},
    caller: 'lw',
    document: write('updatePatientContact', 'UpdatePatientContactInput'),
    variables: (patient, world) => {
      const mobile = dramaMobile(world.nextSeed() % 1000);
      const preferredName = `Qzrenamed${patient.tag}`;
      const accessibilityNeeds = `Qzneeds${patient.tag}`;
      patient.markers.identifying.push(mobile.slice(-10), preferredName, accessibilityNeeds);
      return { input: { patientId: patient.patientId, mobile, preferredName, accessibilityNeeds } };
    },
  },
  setSmsConsent: {
    needs: {},
    caller: 'lw',
    document: write('setSmsConsent', 'SetSmsConsentInput'),
    variables: (patient) => ({ input: { patientId: patient.patientId, consent: 'REFUSED' } }),
  },
  movePatient: {
    needs: {},
    caller: 'coord',
    document: write('movePatient', 'MovePatientInput'),
    variables: (patient, world) => ({
      input: { patientId: patient.patientId, practiceId: world.places.home.nextPractice.organisationId },
    }),
  },
  recordWhatMatters: {
    needs: {},
    caller: 'lw',
    document: write('recordWhatMatters', 'RecordWhatMattersInput'),
    variables: (patient) => ({
      input: {
        referralId: patient.referralId,
        notes: [text(patient, 'told')],
        goals: [{ description: text(patient, 'aim') }],
      },
    }),
  },
  transitionReferral: {
    needs: {},
    caller: 'lw',
    document: write('transitionReferral', 'TransitionReferralInput'),
    variables: (patient) => ({
      input: { referralId: patient.referralId, to: 'DECLINED', reason: text(patient, 'why') },
    }),
  },
  assignReferral: {
    needs: {},
    caller: 'coord',
    document: write('assignReferral', 'AssignReferralInput'),
    variables: (patient, world) => ({
      input: { referralId: patient.referralId, linkWorkerId: world.places.home.colleague.userId },
    }),
  },
  createReferral: {
    needs: {},
    caller: 'lw',
    document: write('createReferral', 'CreateReferralInput', 'referral { id }'),
    variables: (patient, world) => ({
      input: {
        patientId: patient.patientId,
        practiceId: world.places.home.practice.organisationId,
        source: 'SELF',
        needs: ['BEREAVEMENT'],
        note: text(patient, 'second'),
        linkWorkerId: world.callers.lw.userId,
      },
    }),
  },
  prescribeActivity: {
    needs: { accepted: true },
    caller: 'lw',
    document: write('prescribeActivity', 'PrescribeActivityInput'),
    variables: (patient, world) => ({
      input: { referralId: patient.referralId, activityId: world.places.home.activityId, startDate: '2026-03-03' },
    }),
  },
  recordAttendance: {
    needs: { prescribed: true },
    caller: 'lw',
    document: write('recordAttendance', 'RecordAttendanceInput', 'firstAttendance'),
    variables: (patient) => ({
      input: { prescriptionId: patient.prescriptionId, sessionDate: '2026-03-02', status: 'ATTENDED' },
    }),
  },
  scheduleCheckIn: {
    needs: {},
    caller: 'lw',
    document: write('scheduleCheckIn', 'ScheduleCheckInInput'),
    variables: (patient) => ({
      input: { referralId: patient.referralId, wave: 'AD_HOC', dueAt: '2026-03-12T10:00:00Z' },
    }),
  },
  cancelCheckIn: {
    needs: { checkIn: true },
    caller: 'lw',
    document: 'mutation Race($checkInId: ID!) { cancelCheckIn(checkInId: $checkInId) { id } }',
    variables: (patient) => ({ checkInId: patient.checkInId }),
  },
  recordOutcome: {
    needs: {},
    caller: 'lw',
    document: write('recordOutcome', 'RecordOutcomeInput'),
    variables: (patient) => ({
      input: {
        referralId: patient.referralId,
        answers: [{ instrument: 'ONS4', item: 'happiness', value: 6 }],
        wave: 'AD_HOC',
      },
    }),
  },
  acknowledgeConcern: {
    needs: { worried: true },
    caller: 'lw',
    document: 'mutation Race($concernId: ID!) { acknowledgeConcern(concernId: $concernId) { id } }',
    variables: (patient) => ({ concernId: patient.concernId }),
  },
  resolveConcern: {
    needs: { worried: true },
    caller: 'lw',
    document: write('resolveConcern', 'ResolveConcernInput'),
    variables: (patient) => ({
      input: { concernId: patient.concernId, action: 'OTHER', note: text(patient, 'resolved') },
    }),
  },
  markInboxMessageHandled: {
    needs: { worried: true },
    caller: 'lw',
    document: 'mutation Race($id: ID!) { markInboxMessageHandled(inboxMessageId: $id) { id } }',
    variables: (patient) => ({ id: patient.inboxMessageId }),
  },
};
