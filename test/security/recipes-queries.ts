import type { CellContext } from './recipe';
import {
  ADMINS,
  ALL_PLACES,
  CARE,
  DIRECTORY_READ,
  FIGURES,
  orWhenMissing,
  PATIENT_FIELDS,
  REFERRAL_FIELDS,
  type Recipe,
  targetPatient,
} from './recipe';
import type { CallerName } from './world';

/*
 * Query recipes. Policy, from the schema's descriptions:
 * - me: any role.
 * - auditTrail: administrators only (ICB ones for patients of their ICB). A national administrator asking for an id
 *   that names no patient gets an empty trail: nothing is refused to them, and an empty page reveals nothing.
 * - caseload, referral, patient: care roles in scope (the assigned link worker, the PCN's coordinators, the ICB's
 *   administrators); another link worker of the same PCN may not open a colleague's caseload or referral.
 * - activities, activity: any role within its own ICB. A missing PCN is BAD_USER_INPUT (`filter.pcnId` must be a
 *   PCN), a missing activity NOT_FOUND, as documented.
 * - outcomeSummary, outcomeSummaryCsv, referralActivity: commissioners and administrators for scopes of their ICB.
 * - releasedOutcomePeriods: the release calendar, the same for every scope: commissioners and administrators.
 * - openConcerns: care roles, each over their own scope (caseload, PCN, ICB); the ICB named is the place's, and
 *   naming another ICB than one's own is FORBIDDEN; a national administrator may name any (a missing one is empty).
 * - inbox: like caseload: a link worker their own, a coordinator a link worker of their PCN, administrators one of
 *   their ICB.
 */

const EVERYONE: CallerName[] = ['lw', 'lw2', 'coord', 'icbAdmin', 'natAdmin', 'commissioner', 'provider'];

function figuresInput({ world, scope }: CellContext) {
  const pcnId = scope === 'missing' ? world.missingId : world.places[scope].pcn.organisationId;
  // The harness's clock stands in March 2026: January is the latest released month.
  return { input: { scope: { pcnId }, period: '2026-01' } };
}

async function patientOrMissing(context: CellContext) {
  const patient = await targetPatient(context, {}, false);
  return { patient, id: patient?.patientId ?? context.world.missingId };
}

/**
 * Extra cells for one root field: a PCN's queue of unassigned referrals (`caseload(unassignedPcnId:)`), which every
 * link worker and coordinator of the PCN may read, and administrators for PCNs of their ICB. Each place gets one
 * unassigned referral the first time the queue is asked for.
 */
export const QUERY_VARIANTS: Record<string, Recipe & { field: string }> = {
  'caseload of a PCN queue': {
    field: 'caseload',
    document: `query Queue($pcnId: ID) {
      caseload(unassignedPcnId: $pcnId, first: 50) { edges { node { id note patient { ${PATIENT_FIELDS} } } } }
    }`,
    may: { ...CARE, lw2: ['home'] },
    prepare: async ({ world, scope }) => {
      if (scope === 'missing') return { variables: { pcnId: world.missingId }, targets: [] };
      const waiting =
        world.patients.find((patient) => patient.place === scope && patient.linkWorkerId === '') ??
        (await world.fresh(scope, { unassigned: true }));
      return { variables: { pcnId: world.places[scope].pcn.organisationId }, targets: [waiting] };
    },
  },
};

/** A concern as a frontend reads it: its referral, the patient, the words that raised it. */
const CONCERN_FIELDS = `id status note texts { body } referral { id note patient { ${PATIENT_FIELDS} } }`;

export const QUERY_RECIPES: Record<string, Recipe> = {
  me: {
    document: 'query Me { me { id role organisation { id } } }',
    scopes: ['home'],
    may: Object.fromEntries(EVERYONE.map((caller) => [caller, ['home']])),
    prepare: async () => ({ variables: {}, targets: [] }),
  },

  auditTrail: {
    document: `query Trail($patientId: ID!) {
      auditTrail(patientId: $patientId, first: 5) { edges { node { action entityType entityId operation actor { id } } } }
    }`,
    may: { ...ADMINS, natAdmin: [...ALL_PLACES, 'missing'] },
    prepare: async (context) => {
      const { patient, id } = await patientOrMissing(context);
      return { variables: { patientId: id }, targets: patient ? [patient] : [] };
    },
  },

  caseload: {
    document: `query Caseload($linkWorkerId: ID) {
      caseload(linkWorkerId: $linkWorkerId, first: 50) { edges { node { id note patient { ${PATIENT_FIELDS} } } } }
    }`,
    may: CARE,
    prepare: async ({ world, scope }) => ({
      variables: { linkWorkerId: scope === 'missing' ? world.missingId : world.places[scope].owner.userId },
      targets: scope === 'missing' ? [] : [world.base[scope]],
    }),
  },

  referral: {
    document: `query Referral($id: ID!) {
      referral(id: $id) {
        ${REFERRAL_FIELDS}
        checkIns(first: 5) { edges { node { id status messages(first: 5) { edges { node { body } } } } } }
      }
    }`,
    may: CARE,
    prepare: async (context) => {
      const patient = await targetPatient(context, {}, false);
      return { variables: { id: patient?.referralId ?? context.world.missingId }, targets: patient ? [patient] : [] };
    },
  },

  patient: {
    document: `query Patient($id: ID!) { patient(id: $id) { ${PATIENT_FIELDS} practice { id } } }`,
    may: CARE,
    prepare: async (context) => {
      const { patient, id } = await patientOrMissing(context);
      return { variables: { id }, targets: patient ? [patient] : [] };
    },
  },

  activities: {
    document: `query Directory($pcnId: ID) {
      activities(filter: { pcnId: $pcnId }, first: 5) { edges { node { id name provider { id } } } }
    }`,
    may: DIRECTORY_READ,
    refusalCodes: orWhenMissing('BAD_USER_INPUT'),
    prepare: async ({ world, scope }) => ({
      variables: { pcnId: scope === 'missing' ? world.missingId : world.places[scope].pcn.organisationId },
      targets: [],
    }),
  },

  activity: {
    document: 'query Activity($id: ID!) { activity(id: $id) { id name status } }',
    may: DIRECTORY_READ,
    refusalCodes: orWhenMissing('NOT_FOUND'),
    prepare: async ({ world, scope }) => ({
      variables: { id: scope === 'missing' ? world.missingId : world.places[scope].activityId },
      targets: [],
    }),
  },

  outcomeSummary: {
    document: `query Figures($input: OutcomeSummaryInput!) {
      outcomeSummary(input: $input) { scope { kind id } disclosureControl }
    }`,
    may: FIGURES,
    prepare: async (context) => ({ variables: figuresInput(context), targets: [] }),
  },

  outcomeSummaryCsv: {
    document: 'query Csv($input: OutcomeSummaryInput!) { outcomeSummaryCsv(input: $input) }',
    may: FIGURES,
    prepare: async (context) => ({ variables: figuresInput(context), targets: [] }),
  },

  referralActivity: {
    document: 'query Counts($input: ReferralActivityInput!) { referralActivity(input: $input) { __typename } }',
    may: FIGURES,
    prepare: async (context) => ({ variables: figuresInput(context), targets: [] }),
  },

  releasedOutcomePeriods: {
    document: 'query Periods { releasedOutcomePeriods(kind: MONTH, last: 3) { id releasedAt } }',
    scopes: ['home'],
    may: { commissioner: ['home'], icbAdmin: ['home'], natAdmin: ['home'] },
    prepare: async () => ({ variables: {}, targets: [] }),
  },

  openConcerns: {
    document: `query Concerns($icbId: ID) { openConcerns(icbId: $icbId, first: 100) { edges { node { ${CONCERN_FIELDS} } } } }`,
    scopes: ['home', 'otherIcb', 'missing'],
    may: {
      lw: ['home'],
      lw2: ['home'],
      coord: ['home'],
      icbAdmin: ['home'],
      natAdmin: ['home', 'otherIcb', 'missing'],
    },
    prepare: async ({ world, scope }) => {
      if (scope === 'missing') return { variables: { icbId: world.missingId }, targets: [] };
      const worried = await world.worried(scope);
      return { variables: { icbId: world.places[scope].icb.organisationId }, targets: [worried] };
    },
  },

  inbox: {
    document: `query Inbox($linkWorkerId: ID) {
      inbox(linkWorkerId: $linkWorkerId, first: 100) {
        edges { node { id reason body handled patient { ${PATIENT_FIELDS} } referral { id note } } }
      }
    }`,
    may: CARE,
    prepare: async ({ world, scope }) => {
      if (scope === 'missing') return { variables: { linkWorkerId: world.missingId }, targets: [] };
      const worried = await world.worried(scope);
      return { variables: { linkWorkerId: world.places[scope].owner.userId }, targets: [worried] };
    },
  },
};
