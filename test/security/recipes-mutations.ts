import {
  ADMINS,
  ALL_PLACES,
  assigneeFor,
  CARE,
  type CellContext,
  DIRECTORY_MANAGE,
  orWhenMissing,
  PATIENT_FIELDS,
  placeOf,
  type Recipe,
  targetPatient,
} from './recipe';
import { activityInput, newPatientDetails, type SeededPatient } from './world';

/*
 * Mutation recipes. An allowed cell changes state, so it gets a target made for it (`targetPatient`); a refused cell
 * aims at the place's seeded patient, which it must leave as it was. Policy, from the schema's descriptions and the
 * use cases:
 * - createReferral for an existing patient: care roles, for a patient registered in their scope, which for a link
 *   worker is their PCN (schema: "your PCN"). So another link worker of the PCN may refer the home patient too.
 * - assignReferral: coordinators and administrators in scope; a link worker only picks up an unassigned referral for
 *   themselves, so assigning the home referral (on the owner's caseload) to a colleague is refused to both.
 * - transitionReferral, recordWhatMatters, setSmsConsent, updatePatientContact, scheduleCheckIn, cancelCheckIn,
 *   recordOutcome, prescribeActivity: care roles with the record in scope.
 * - erasePatient: administrators only. movePatient: administrators within their ICB, coordinators within their PCN.
 * - createActivity, updateActivity: coordinators of the PCN, administrators of the ICB, the activity's provider.
 *   A missing PCN is BAD_USER_INPUT naming `activity.pcnId`; a missing activity NOT_FOUND (both documented).
 * - recordAttendance: care roles in scope, and the provider running the activity.
 * - acknowledgeConcern, resolveConcern, markInboxMessageHandled: care roles with the patient's record in scope.
 */

const REFERRAL_WITH_PATIENT = `id status version note patient { ${PATIENT_FIELDS} }`;

/** The id of `patient`'s `key`, or the world's missing id. */
function idOf(context: CellContext, patient: SeededPatient | undefined, key: keyof SeededPatient): string {
  const value = patient?.[key];
  return typeof value === 'string' ? value : context.world.missingId;
}

function referralMutation(
  field: string,
  inputType: string,
  input: (patient: SeededPatient | undefined, context: CellContext) => Record<string, unknown>,
  needs: Parameters<typeof targetPatient>[1] = {},
  selection = REFERRAL_WITH_PATIENT,
  may = CARE,
): Recipe {
  return {
    document: `mutation Probe($input: ${inputType}!) { ${field}(input: $input) { ${selection} } }`,
    may,
    prepare: async (context) => {
      const patient = await targetPatient(context, needs, true);
      return { variables: { input: input(patient, context) }, targets: patient ? [patient] : [] };
    },
  };
}

function patientMutation(
  field: string,
  inputType: string,
  input: (patient: SeededPatient | undefined, context: CellContext) => Record<string, unknown>,
  may = CARE,
  selection = PATIENT_FIELDS,
): Recipe {
  return {
    document: `mutation Probe($input: ${inputType}!) { ${field}(input: $input) { ${selection} } }`,
    may,
    prepare: async (context) => {
      const patient = await targetPatient(context, {}, true);
      return { variables: { input: input(patient, context) }, targets: patient ? [patient] : [] };
    },
  };
}

/** A new text marker written about `patient` (so scans know whose it is). */
function newText(patient: SeededPatient | undefined, kind: string): string {
  const text = `Qz${kind}${patient?.tag ?? 'nobody'}`;
  patient?.markers.texts.push(text);
  return text;
}

/**
 * A mutation of something a worrying text left on a patient's record (a concern, an inbox text): an allowed cell
 * gets a fresh worried patient, a refused one aims at the place's worried patient, which it must leave as it is.
 */
function worryMutation(
  document: string,
  variables: (patient: SeededPatient | undefined, context: CellContext) => Record<string, unknown>,
): Recipe {
  return {
    document,
    may: CARE,
    prepare: async (context) => {
      const { world, scope, allowed } = context;
      const patient =
        scope === 'missing'
          ? undefined
          : allowed
            ? await world.fresh(scope, { worried: true })
            : await world.worried(scope);
      return { variables: variables(patient, context), targets: patient ? [patient] : [] };
    },
  };
}

const CONCERN_FIELDS = `id status note referral { ${REFERRAL_WITH_PATIENT} }`;

export const MUTATION_RECIPES: Record<string, Recipe> = {
  acknowledgeConcern: worryMutation(
    `mutation Probe($concernId: ID!) { acknowledgeConcern(concernId: $concernId) { ${CONCERN_FIELDS} } }`,
    (patient, context) => ({ concernId: idOf(context, patient, 'concernId') }),
  ),

  resolveConcern: worryMutation(
    `mutation Probe($input: ResolveConcernInput!) { resolveConcern(input: $input) { ${CONCERN_FIELDS} } }`,
    (patient, context) => ({
      input: { concernId: idOf(context, patient, 'concernId'), action: 'OTHER', note: newText(patient, 'resolved') },
    }),
  ),

  markInboxMessageHandled: worryMutation(
    `mutation Probe($id: ID!) {
      markInboxMessageHandled(inboxMessageId: $id) { id handled body patient { ${PATIENT_FIELDS} } }
    }`,
    (patient, context) => ({ id: idOf(context, patient, 'inboxMessageId') }),
  ),

  createReferral: {
    document: `mutation Probe($input: CreateReferralInput!) {
      createReferral(input: $input) { patientCreated referral { ${REFERRAL_WITH_PATIENT} } }
    }`,
    may: { ...CARE, lw2: ['home'] },
    prepare: async (context) => {
      const patient = await targetPatient(context, {}, true);
      const place = placeOf(context.scope);
      return {
        variables: {
          input: {
            patientId: idOf(context, patient, 'patientId'),
            practiceId: context.world.places[place].practice.organisationId,
            source: 'SELF',
            needs: ['BEREAVEMENT'],
            note: newText(patient, 'second'),
            linkWorkerId: assigneeFor(context, place),
          },
        },
        targets: patient ? [patient] : [],
      };
    },
  },

  assignReferral: referralMutation(
    'assignReferral',
    'AssignReferralInput',
    (patient, context) => ({
      referralId: idOf(context, patient, 'referralId'),
      linkWorkerId: context.world.places[patient?.place ?? 'home'].colleague.userId,
    }),
    {},
    `${REFERRAL_WITH_PATIENT} linkWorker { id }`,
    { coord: ['home'], icbAdmin: ['home', 'otherPcn'], natAdmin: ALL_PLACES },
  ),

  transitionReferral: referralMutation('transitionReferral', 'TransitionReferralInput', (patient, context) => ({
    referralId: idOf(context, patient, 'referralId'),
    to: 'CONTACTED',
    reason: newText(patient, 'why'),
  })),

  recordWhatMatters: referralMutation(
    'recordWhatMatters',
    'RecordWhatMattersInput',
    (patient, context) => ({
      referralId: idOf(context, patient, 'referralId'),
      notes: [newText(patient, 'told')],
      goals: [{ description: newText(patient, 'aim') }],
    }),
    {},
    `${REFERRAL_WITH_PATIENT} whatMatters(first: 20) { edges { node { text } } } goals { edges { node { description } } }`,
  ),

  setSmsConsent: patientMutation('setSmsConsent', 'SetSmsConsentInput', (patient, context) => ({
    patientId: idOf(context, patient, 'patientId'),
    consent: 'REFUSED',
  })),

  updatePatientContact: patientMutation('updatePatientContact', 'UpdatePatientContactInput', (patient, context) => {
    const preferredName = `Qzrenamed${patient?.tag ?? 'nobody'}`;
    patient?.markers.identifying.push(preferredName);
    return { patientId: idOf(context, patient, 'patientId'), preferredName };
  }),

  erasePatient: patientMutation(
    'erasePatient',
    'ErasePatientInput',
    (patient, context) => ({ patientId: idOf(context, patient, 'patientId') }),
    ADMINS,
    'patientId erasedAt referralIds',
  ),

  movePatient: patientMutation(
    'movePatient',
    'MovePatientInput',
    (patient, context) => ({
      patientId: idOf(context, patient, 'patientId'),
      practiceId: context.world.places[placeOf(context.scope)].nextPractice.organisationId,
    }),
    { coord: ['home'], icbAdmin: ['home', 'otherPcn'], natAdmin: ALL_PLACES },
    `${PATIENT_FIELDS} practice { id }`,
  ),

  scheduleCheckIn: {
    ...referralMutation('scheduleCheckIn', 'ScheduleCheckInInput', (patient, context) => ({
      referralId: idOf(context, patient, 'referralId'),
      wave: 'AD_HOC',
      dueAt: '2026-03-12T10:00:00Z',
    })),
    document: `mutation Probe($input: ScheduleCheckInInput!) {
      scheduleCheckIn(input: $input) { id status referral { ${REFERRAL_WITH_PATIENT} } }
    }`,
  },

  cancelCheckIn: {
    document: `mutation Probe($checkInId: ID!) {
      cancelCheckIn(checkInId: $checkInId) { id status closeReason referral { ${REFERRAL_WITH_PATIENT} } }
    }`,
    may: CARE,
    prepare: async (context) => {
      const patient = await targetPatient(context, { checkIn: true }, true);
      return { variables: { checkInId: idOf(context, patient, 'checkInId') }, targets: patient ? [patient] : [] };
    },
  },

  recordOutcome: referralMutation(
    'recordOutcome',
    'RecordOutcomeInput',
    (patient, context) => ({
      referralId: idOf(context, patient, 'referralId'),
      answers: [{ instrument: 'ONS4', item: 'happiness', value: 7 }],
      wave: 'AD_HOC',
    }),
    {},
    `${REFERRAL_WITH_PATIENT} latestOutcomes { key value }`,
  ),

  createActivity: {
    document: 'mutation Probe($input: CreateActivityInput!) { createActivity(input: $input) { id name } }',
    may: DIRECTORY_MANAGE,
    refusalCodes: orWhenMissing('BAD_USER_INPUT'),
    prepare: async ({ world, scope }) => {
      const place = world.places[placeOf(scope)];
      const pcnId = scope === 'missing' ? world.missingId : place.pcn.organisationId;
      return { variables: { input: activityInput(pcnId, place.provider.organisationId, 'Probe choir') }, targets: [] };
    },
  },

  updateActivity: {
    document: 'mutation Probe($input: UpdateActivityInput!) { updateActivity(input: $input) { id name version } }',
    may: DIRECTORY_MANAGE,
    refusalCodes: orWhenMissing('NOT_FOUND'),
    prepare: async ({ world, scope }) => ({
      variables: {
        input: { id: scope === 'missing' ? world.missingId : world.places[scope].activityId, name: 'Renamed walk' },
      },
      targets: [],
    }),
  },

  prescribeActivity: {
    document: `mutation Probe($input: PrescribeActivityInput!) {
      prescribeActivity(input: $input) { id status referral { ${REFERRAL_WITH_PATIENT} } }
    }`,
    may: CARE,
    prepare: async (context) => {
      const patient = await targetPatient(context, { accepted: true }, true);
      const input = {
        referralId: idOf(context, patient, 'referralId'),
        activityId: context.world.places[placeOf(context.scope)].activityId,
        startDate: '2026-03-03',
      };
      return { variables: { input }, targets: patient ? [patient] : [] };
    },
  },

  recordAttendance: {
    document: `mutation Probe($input: RecordAttendanceInput!) {
      recordAttendance(input: $input) { firstAttendance prescriptionStatus attendance { id sessionDate status } }
    }`,
    may: { ...CARE, provider: ['home'] },
    prepare: async (context) => {
      const patient = await targetPatient(context, { prescribed: true }, true);
      const input = {
        prescriptionId: idOf(context, patient, 'prescriptionId'),
        sessionDate: '2026-03-02',
        status: 'ATTENDED',
      };
      return { variables: { input }, targets: patient ? [patient] : [] };
    },
  },
};

/**
 * Extra cells for one root field, beyond its recipe: the takeover of issue 11, `createReferral` with the NHS number
 * of a patient registered in the scope under test, from a practice of the caller's own PCN. In scope, the existing
 * patient is used; elsewhere, FORBIDDEN and nothing of that patient comes back; a number registered nowhere makes a
 * new patient.
 */
export const VARIANT_RECIPES: Record<string, Recipe & { field: string }> = {
  'createReferral by a known NHS number': {
    field: 'createReferral',
    document: MUTATION_RECIPES.createReferral!.document,
    may: {
      lw: ['home', 'missing'],
      lw2: ['home', 'missing'],
      coord: ['home', 'missing'],
      icbAdmin: ['home', 'otherPcn', 'missing'],
      natAdmin: [...ALL_PLACES, 'missing'],
    },
    prepare: async (context) => {
      const { world, scope } = context;
      const patient = await targetPatient(context, {}, true);
      const decoy = newPatientDetails(world.nextSeed());
      const created: SeededPatient = {
        label: `new patient ${decoy.tag}`,
        place: 'home',
        linkWorkerId: assigneeFor(context, 'home'),
        patientId: '',
        referralId: '',
        nhsNumber: decoy.input.nhsNumber,
        mobile: decoy.input.mobile,
        tag: decoy.tag,
        markers: { identifying: decoy.identifying, texts: [] },
      };
      const newPatient = { ...decoy.input, ...(patient ? { nhsNumber: patient.nhsNumber } : {}) };
      return {
        variables: {
          input: {
            newPatient,
            practiceId: world.places.home.practice.organisationId,
            source: 'GP',
            needs: ['HOUSING'],
            linkWorkerId: assigneeFor(context, 'home'),
          },
        },
        targets: patient ? [patient] : [created],
        sent: decoy.identifying,
        adopt:
          scope === 'missing'
            ? (data) => {
                const { referral } = data.createReferral as { referral: { id: string; patient: { id: string } } };
                Object.assign(created, { patientId: referral.patient.id, referralId: referral.id });
                world.patients.push(created);
              }
            : undefined,
      };
    },
  },
};
