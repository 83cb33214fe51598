import type { CursorCodec } from '../../platform/cursor-codec';
import {
  assignReferral,
  createReferral,
  erasePatient,
  findPatientByNhsNumber,
  findPatientsByNameAndBirthDate,
  getCaseload,
  getPatient,
  type LatestOutcomes,
  listPatientReferrals,
  movePatient,
  type Patient,
  patientDisplayName,
  REFERRAL_TRANSITIONS,
  type Referral,
  type ReferralRecord,
  recordWhatMatters,
  setSmsConsent,
  transitionReferral,
  updatePatientContact,
} from '../../referrals';
import type { Loaders } from '../context';
import type { OutcomeAnswer, Resolvers } from '../generated/resolvers-types';
import { connectionFromArray, connectionFromPage, type ListPaging, pageArgs } from '../pagination';
import { rowActivities, rowName, rowPatient } from './caseload-row';

/** Keeps only the keys a caller actually sent: GraphQL gives `undefined` for absent fields and `null` for explicit nulls. */
function defined<T extends Record<string, unknown>>(input: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== null)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
}

/** `latestOutcomes` is keyed `<instrument>.<item>`; clients get one row per item. */
export function outcomeAnswers(latest: LatestOutcomes | undefined): OutcomeAnswer[] {
  return (
    Object.entries(latest ?? {})
      .map(([key, { value, measuredAt }]) => {
        const dot = key.indexOf('.');
        const score = typeof value === 'number' ? value : Number.NaN;
        return {
          key,
          instrument: dot === -1 ? key : key.slice(0, dot),
          item: dot === -1 ? key : key.slice(dot + 1),
          value: String(value),
          score: Number.isFinite(score) ? score : null,
          measuredAt,
        };
      })
      // By character code, not localeCompare: the same order whatever the server's locale, and no collator to load
      // at a cold start's first caseload (about 10 ms).
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  );
}

/** A use case that returned a whole record saves the loader a Query when the client asks for events, notes or goals. */
function primed(loaders: Loaders, record: ReferralRecord): Referral {
  loaders.referralRecords.prime(record.referral.referralId, record);
  return record.referral;
}

/** A list under one referral: its cursors page that referral's list and no other. */
function listOf(cursors: CursorCodec, field: string, referral: Referral): ListPaging {
  return { cursors, list: `${field}:${referral.referralId}` };
}

async function recordOf(referral: Referral, loaders: Loaders): Promise<ReferralRecord> {
  return loaders.referralRecords.load(referral.referralId);
}

function staff(loaders: Loaders, userId: string | undefined) {
  return userId ? loaders.staffUsers.load(userId).then((user) => user ?? null) : null;
}

async function patientForReferral(referral: Referral, loaders: Loaders): Promise<Patient> {
  // The referral was scope-checked when it was read; its patient comes with it.
  const patient = await loaders.patients.load(referral.patientId);
  if (!patient) throw new Error(`Referral ${referral.referralId} names a patient that does not exist`);
  return patient;
}

export const referralResolvers: Resolvers = {
  Query: {
    caseload: async (_parent, args, { principal, referrals, cursors }) => {
      const paging = { cursors, list: 'caseload' };
      const page = await pageArgs(args, paging);
      const result = await getCaseload(referrals, principal, {
        ...(args.linkWorkerId ? { linkWorkerId: args.linkWorkerId } : {}),
        ...(args.unassignedPcnId ? { unassignedPcnId: args.unassignedPcnId } : {}),
        ...(args.filter?.statuses ? { statuses: [...args.filter.statuses] } : {}),
        ...(args.filter?.concernOnly ? { concernOnly: true } : {}),
        ...(args.filter?.checkInDueBefore ? { checkInDueBefore: args.filter.checkInDueBefore } : {}),
        ...(args.sort ? { sort: args.sort } : {}),
        first: page.limit,
        ...(page.after ? { after: page.after } : {}),
      });
      return connectionFromPage(result, page, paging);
    },
    referral: async (_parent, { id }, { loaders }) => (await loaders.referralRecords.load(id)).referral,
    patient: (_parent, { id }, { principal, referrals }) => getPatient(referrals, principal, { patientId: id }),
    patientByNhsNumber: async (_parent, { nhsNumber }, { principal, referrals }) =>
      (await findPatientByNhsNumber(referrals, principal, { nhsNumber })) ?? null,
    patientsByNameAndBirthDate: async (_parent, args, { principal, referrals, cursors }) => {
      const paging = { cursors, list: 'patientsByNameAndBirthDate' };
      const page = await pageArgs(args, paging);
      const result = await findPatientsByNameAndBirthDate(referrals, principal, {
        familyName: args.familyName,
        dateOfBirth: args.dateOfBirth,
        first: page.limit,
        ...(page.after ? { after: page.after } : {}),
      });
      return connectionFromPage(result, page, paging);
    },
  },
  Mutation: {
    createReferral: async (_parent, { input }, { principal, referrals }) => {
      const result = await createReferral(referrals, principal, {
        practiceId: input.practiceId,
        source: input.source,
        needs: [...input.needs],
        ...defined({ patientId: input.patientId, note: input.note, linkWorkerId: input.linkWorkerId }),
        ...(input.newPatient
          ? {
              newPatient: {
                nhsNumber: input.newPatient.nhsNumber,
                givenName: input.newPatient.givenName,
                familyName: input.newPatient.familyName,
                dateOfBirth: input.newPatient.dateOfBirth,
                sex: input.newPatient.sex,
                ...defined({
                  preferredName: input.newPatient.preferredName,
                  ethnicity: input.newPatient.ethnicity,
                  mobile: input.newPatient.mobile,
                  smsConsent: input.newPatient.smsConsent,
                  accessibilityNeeds: input.newPatient.accessibilityNeeds,
                }),
              },
            }
          : {}),
      });
      return { referral: result.referral, patientCreated: result.patientCreated };
    },
    assignReferral: (_parent, { input }, { principal, referrals }) =>
      assignReferral(referrals, principal, {
        referralId: input.referralId,
        linkWorkerId: input.linkWorkerId,
        ...defined({ expectedVersion: input.expectedVersion }),
      }),
    transitionReferral: (_parent, { input }, { principal, referrals }) =>
      transitionReferral(referrals, principal, {
        referralId: input.referralId,
        to: input.to,
        ...defined({ reason: input.reason, expectedVersion: input.expectedVersion }),
      }),
    recordWhatMatters: async (_parent, { input }, { principal, referrals, loaders }) => {
      const record = await recordWhatMatters(referrals, principal, {
        referralId: input.referralId,
        ...(input.notes ? { notes: [...input.notes] } : {}),
        ...(input.goals
          ? {
              goals: input.goals.map((goal) =>
                defined({ goalId: goal.goalId, description: goal.description, status: goal.status }),
              ),
            }
          : {}),
      });
      return primed(loaders, record);
    },
    setSmsConsent: (_parent, { input }, { principal, referrals }) =>
      setSmsConsent(referrals, principal, { patientId: input.patientId, consent: input.consent }),
    updatePatientContact: (_parent, { input }, { principal, referrals }) =>
      // Explicit nulls are kept here: they mean "remove".
      updatePatientContact(referrals, principal, {
        patientId: input.patientId,
        ...Object.fromEntries(
          (['mobile', 'preferredName', 'accessibilityNeeds'] as const)
            .filter((field) => input[field] !== undefined)
            .map((field) => [field, input[field]]),
        ),
      }),
    movePatient: (_parent, { input }, { principal, referrals }) =>
      movePatient(referrals, principal, { patientId: input.patientId, practiceId: input.practiceId }),
    erasePatient: (_parent, { input }, { principal, referrals }) =>
      erasePatient(referrals, principal, { patientId: input.patientId }),
  },
  Patient: {
    id: (patient) => patient.patientId,
    name: (patient) => {
      const fromRow = rowName(patient);
      return fromRow !== undefined ? fromRow : (patientDisplayName(patient) ?? null);
    },
    practice: async (patient, _args, { loaders }) => (await loaders.organisations.load(patient.practiceId)) ?? null,
    referrals: async (patient, args, { principal, referrals, cursors }) =>
      connectionFromArray(await listPatientReferrals(referrals, principal, { patientId: patient.patientId }), args, {
        cursors,
        list: `Patient.referrals:${patient.patientId}`,
      }),
  },
  Referral: {
    id: (referral) => referral.referralId,
    // A caseload row asks for the name only: the referral carries it (caseload-row.ts), so no patient is read.
    patient: (referral, _args, { loaders }, info) =>
      rowPatient(referral, info) ?? patientForReferral(referral, loaders),
    practice: async (referral, _args, { loaders }) => (await loaders.organisations.load(referral.practiceId)) ?? null,
    linkWorker: (referral, _args, { loaders }) => staff(loaders, referral.linkWorkerId),
    allowedTransitions: (referral) => [...REFERRAL_TRANSITIONS[referral.status]],
    latestOutcomes: (referral) => outcomeAnswers(referral.latestOutcomes),
    snomedCodes: (referral) => referral.snomedCodes ?? [],
    activeActivities: async (referral, args, { loaders, principal, cursors }, info) => {
      const named = rowActivities(referral, principal, info);
      if (named) return connectionFromArray(named, args, listOf(cursors, 'Referral.activeActivities', referral));
      // More than names asked for: a handful of ids per referral; one batched read for the whole page of rows.
      const ids = [...(referral.activeActivityIds ?? [])].sort();
      const activities = await loaders.activities.loadMany(ids);
      const visible = activities.filter(
        (activity): activity is Exclude<(typeof activities)[number], Error | null> =>
          activity !== null && !(activity instanceof Error),
      );
      return connectionFromArray(visible, args, listOf(cursors, 'Referral.activeActivities', referral));
    },
    events: async (referral, args, { loaders, cursors }) =>
      connectionFromArray(
        (await recordOf(referral, loaders)).events,
        args,
        listOf(cursors, 'Referral.events', referral),
      ),
    whatMatters: async (referral, args, { loaders, cursors }) =>
      connectionFromArray(
        (await recordOf(referral, loaders)).notes,
        args,
        listOf(cursors, 'Referral.whatMatters', referral),
      ),
    goals: async (referral, args, { loaders, cursors }) =>
      connectionFromArray((await recordOf(referral, loaders)).goals, args, listOf(cursors, 'Referral.goals', referral)),
  },
  ReferralEvent: {
    id: (event) => event.eventId,
    actor: (event, _args, { loaders }) => staff(loaders, event.actorUserId),
    fromLinkWorker: (event, _args, { loaders }) => staff(loaders, event.fromLinkWorkerId),
    toLinkWorker: (event, _args, { loaders }) => staff(loaders, event.toLinkWorkerId),
  },
  WhatMattersNote: {
    id: (note) => note.noteId,
    recordedBy: (note, _args, { loaders }) => staff(loaders, note.recordedBy),
  },
  Goal: {
    id: (goal) => goal.goalId,
    updatedBy: (goal, _args, { loaders }) => staff(loaders, goal.updatedBy),
  },
  Prescription: {
    referral: (prescription, _args, { loaders }) => loaders.referrals.load(prescription.referralId),
  },
};
