import type { Principal } from '../../identity';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors';
import { ACTIVITY_STATUSES, type Activity, type ActivityStatus } from '../entities/activity';
import { OPEN_PRESCRIPTION_STATUSES } from '../entities/prescription';
import { canManageActivity } from '../policy';
import { parseActivityDetails } from '../validation';
import type { ActivityDetailsInput } from './create-activity';
import type { ActivityDeps, PrescribingDeps } from './deps';

/** Fields to change; absent fields stay as they are, `null` clears an optional one. */
export type ActivityChanges = Partial<ActivityDetailsInput> & { status?: ActivityStatus };

export interface UpdateActivityInput {
  activityId: string;
  /** The version the editor saw. Given, the update fails with ConflictError if anyone has saved since. */
  expectedVersion?: number;
  changes: ActivityChanges;
}

const CLEARABLE = ['capacity', 'eligibility', 'accessibility'] as const;

function detailsOf(activity: Activity): Record<string, unknown> {
  const {
    activityId: _activityId,
    providerOrganisationId: _provider,
    icbId: _icbId,
    pcnId: _pcnId,
    status: _status,
    version: _version,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    updatedBy: _updatedBy,
    ...details
  } = activity;
  return details;
}

/**
 * Primary course: someone who manages the activity changes some of its details, or archives it (it leaves the
 * directory and cannot be prescribed; existing prescriptions carry on) or brings it back. The write is conditional on
 * the version read, so of two concurrent edits the second fails with ConflictError instead of overwriting the first.
 * The PCN, provider and ICB never change.
 */
export async function updateActivity(
  deps: ActivityRenameDeps,
  principal: Principal,
  input: UpdateActivityInput,
): Promise<Activity> {
  const current = await deps.activities.get(input.activityId);
  if (!current) throw new NotFoundError('Activity', input.activityId);
  if (!canManageActivity(principal, current)) throw new ForbiddenError('You may not change this activity');
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
    throw new ConflictError(`Activity ${current.activityId} was changed by someone else; reload and try again`);
  }
  const { status, ...detailChanges } = input.changes;
  if (status !== undefined && !ACTIVITY_STATUSES.includes(status)) {
    throw new ValidationError('activity.status', `must be one of ${ACTIVITY_STATUSES.join(', ')}`);
  }

  const merged: Record<string, unknown> = { ...detailsOf(current) };
  for (const [field, value] of Object.entries(detailChanges)) {
    if (value === undefined) continue;
    if (value === null && !(CLEARABLE as readonly string[]).includes(field)) {
      throw new ValidationError(`activity.${field}`, 'cannot be removed');
    }
    merged[field] = value;
  }
  const details = parseActivityDetails(merged);

  const next: Activity = {
    ...current,
    ...details,
    capacity: details.capacity,
    eligibility: details.eligibility,
    accessibility: details.accessibility,
    status: status ?? current.status,
    version: current.version + 1,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: principal.userId,
  };
  for (const field of CLEARABLE) if (next[field] === undefined) delete next[field];
  await deps.activities.replace(next, current.version);
  if (next.name !== current.name) await announceRename(deps, next);
  return next;
}

/** Renaming reaches the caseload rows that show the activity, through the referrals context's reaction. */
export type ActivityRenameDeps = ActivityDeps & Pick<PrescribingDeps, 'prescriptions' | 'events'>;

async function announceRename(deps: ActivityRenameDeps, activity: Activity): Promise<void> {
  const open = (await deps.prescriptions.listForActivity(activity.activityId)).filter((prescription) =>
    OPEN_PRESCRIPTION_STATUSES.includes(prescription.status),
  );
  await deps.events.publish({
    type: 'ActivityRenamed',
    activityId: activity.activityId,
    name: activity.name,
    activityVersion: activity.version,
    referralIds: [...new Set(open.map((prescription) => prescription.referralId))].sort(),
    at: activity.updatedAt,
  });
}

/** Takes the activity out of the directory: no new prescriptions; existing ones carry on. */
export function archiveActivity(
  deps: ActivityRenameDeps,
  principal: Principal,
  input: { activityId: string; expectedVersion?: number },
): Promise<Activity> {
  return updateActivity(deps, principal, { ...input, changes: { status: 'ARCHIVED' } });
}

export function unarchiveActivity(
  deps: ActivityRenameDeps,
  principal: Principal,
  input: { activityId: string; expectedVersion?: number },
): Promise<Activity> {
  return updateActivity(deps, principal, { ...input, changes: { status: 'ACTIVE' } });
}
