import {
  type ActivityChanges,
  createActivity,
  getActivity,
  listActivities,
  listAttendance,
  prescribeActivity,
  recordAttendance,
  updateActivity,
} from '../../activities';
import type { Resolvers, UpdateActivityInput } from '../generated/resolvers-types';
import { connectionFromArray, connectionFromPage, pageArgs } from '../pagination';

/** GraphQL sends absent fields as undefined and explicit nulls as null; the use case reads null as "clear". */
function activityChanges(input: UpdateActivityInput): ActivityChanges {
  const { id: _id, expectedVersion: _expectedVersion, ...fields } = input;
  const changes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (value === null && !['capacity', 'eligibility', 'accessibility'].includes(name)) continue;
    changes[name] = value;
  }
  return changes as ActivityChanges;
}

export const activityResolvers: Resolvers = {
  Query: {
    activities: async (_parent, { filter, first, after }, { principal, activities, cursors }) => {
      const paging = { cursors, list: 'activities' };
      const page = await pageArgs({ first, after }, paging);
      const result = await listActivities(activities, principal, {
        filter: {
          ...(filter?.pcnId ? { pcnId: filter.pcnId } : {}),
          ...(filter?.providerOrganisationId ? { providerOrganisationId: filter.providerOrganisationId } : {}),
          ...(filter?.category ? { category: filter.category } : {}),
          ...(filter?.text ? { text: filter.text } : {}),
          ...(filter?.includeArchived ? { includeArchived: true } : {}),
        },
        first: page.limit,
        ...(page.after ? { after: page.after } : {}),
      });
      return connectionFromPage({ ...result, hasNextPage: result.pageInfo.hasNextPage }, page, paging);
    },
    activity: (_parent, { id }, { principal, activities }) => getActivity(activities, principal, id),
  },
  Mutation: {
    createActivity: (_parent, { input }, { principal, activities }) =>
      createActivity(activities, principal, {
        pcnId: input.pcnId,
        ...(input.providerOrganisationId ? { providerOrganisationId: input.providerOrganisationId } : {}),
        name: input.name,
        description: input.description,
        category: input.category,
        venueName: input.venueName,
        venueAddress: input.venueAddress,
        postcode: input.postcode,
        scheduleText: input.scheduleText,
        contact: {
          ...(input.contact.name ? { name: input.contact.name } : {}),
          ...(input.contact.phone ? { phone: input.contact.phone } : {}),
          ...(input.contact.email ? { email: input.contact.email } : {}),
          ...(input.contact.website ? { website: input.contact.website } : {}),
        },
        cost: { kind: input.cost.kind, ...(input.cost.details ? { details: input.cost.details } : {}) },
        capacity: input.capacity ?? null,
        eligibility: input.eligibility ?? null,
        accessibility: input.accessibility ?? null,
        takesDirectReferrals: input.takesDirectReferrals,
      }),
    updateActivity: (_parent, { input }, { principal, activities }) =>
      updateActivity(activities, principal, {
        activityId: input.id,
        ...(typeof input.expectedVersion === 'number' ? { expectedVersion: input.expectedVersion } : {}),
        changes: activityChanges(input),
      }),
    prescribeActivity: (_parent, { input }, { principal, activities }) =>
      prescribeActivity(activities, principal, input),
    recordAttendance: async (_parent, { input }, { principal, activities }) => {
      const result = await recordAttendance(activities, principal, input);
      return {
        attendance: result.attendance,
        firstAttendance: result.firstAttendance,
        prescriptionStatus: result.prescription.status,
      };
    },
  },
  Activity: {
    id: (activity) => activity.activityId,
    provider: async (activity, _args, { loaders }) =>
      (await loaders.organisations.load(activity.providerOrganisationId)) ?? null,
    pcn: async (activity, _args, { loaders }) => (await loaders.organisations.load(activity.pcnId)) ?? null,
    capacity: (activity) => activity.capacity ?? null,
    // Stored flat; served as an Open Referral UK style location.
    venue: (activity) => ({ name: activity.venueName, address: activity.venueAddress, postcode: activity.postcode }),
  },
  Prescription: {
    id: (prescription) => prescription.prescriptionId,
    activity: (prescription, _args, { loaders }) => loaders.activities.load(prescription.activityId),
    prescribedBy: async (prescription, _args, { loaders }) =>
      (await loaders.staffUsers.load(prescription.prescribedBy)) ?? null,
    attendance: async (prescription, args, { principal, activities, cursors }) =>
      connectionFromArray(await listAttendance(activities, principal, prescription.prescriptionId), args, {
        cursors,
        list: `Prescription.attendance:${prescription.prescriptionId}`,
      }),
  },
  Attendance: {
    id: (attendance) => attendance.attendanceId,
    recordedBy: async (attendance, _args, { loaders }) =>
      (await loaders.staffUsers.load(attendance.recordedBy)) ?? null,
  },
};
