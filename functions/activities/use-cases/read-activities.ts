import type { Principal } from '../../identity';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors';
import { ACTIVITY_CATEGORIES, type Activity, type ActivityCategory } from '../entities/activity';
import { canReadActivity } from '../policy';
import type { ActivityListQuery } from '../ports';
import type { ActivityDeps } from './deps';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const MAX_SEARCH_LENGTH = 100;

/** Primary course: anyone in the ICB opens an activity from the directory. */
export async function getActivity(
  deps: Pick<ActivityDeps, 'activities'>,
  principal: Principal,
  activityId: string,
): Promise<Activity> {
  const activity = await deps.activities.get(activityId);
  if (!activity) throw new NotFoundError('Activity', activityId);
  if (!canReadActivity(principal, activity)) throw new ForbiddenError();
  return activity;
}

/**
 * For GraphQL DataLoaders: one BatchGetItem for up to 100 ids. The result lines up with `activityIds`; an id that
 * does not exist, or is outside the caller's ICB, gives `null`.
 */
export async function getActivitiesByIds(
  deps: Pick<ActivityDeps, 'activities'>,
  principal: Principal,
  activityIds: readonly string[],
): Promise<(Activity | null)[]> {
  if (activityIds.length === 0) return [];
  const found = new Map(
    (await deps.activities.getMany(activityIds)).map((activity) => [activity.activityId, activity]),
  );
  return activityIds.map((activityId) => {
    const activity = found.get(activityId);
    return activity && canReadActivity(principal, activity) ? activity : null;
  });
}

export interface ActivityFilter {
  /** The PCN whose directory to list; defaults to the caller's PCN. */
  pcnId?: string;
  /** Instead of a PCN: the activities one provider runs (defaults to a provider's own organisation). */
  providerOrganisationId?: string;
  category?: ActivityCategory;
  /** Case-insensitive match on name, description and venue. */
  text?: string;
  includeArchived?: boolean;
}

export interface ListActivitiesInput {
  filter?: ActivityFilter;
  /** 1 to 100; 20 when absent. */
  first?: number;
  /** The position of the activity to resume after (`cursors` or `pageInfo.endCursor` of an earlier page). */
  after?: string;
}

export interface ActivityConnection {
  items: Activity[];
  /** Each activity's position, in step with `items`: pass one as `after` to resume right after it. */
  cursors: string[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Which index to read: the filter's PCN or provider, else the caller's own PCN or provider organisation. */
async function resolveListing(
  deps: Pick<ActivityDeps, 'organisations'>,
  principal: Principal,
  filter: ActivityFilter,
): Promise<ActivityListQuery['by']> {
  if (filter.pcnId !== undefined && filter.providerOrganisationId !== undefined) {
    throw new ValidationError('filter', 'give a pcnId or a providerOrganisationId, not both');
  }
  const pcnId = filter.pcnId ?? (filter.providerOrganisationId === undefined ? principal.pcnId : undefined);
  const providerOrganisationId =
    filter.providerOrganisationId ??
    (pcnId === undefined && principal.role === 'PROVIDER' ? principal.organisationId : undefined);
  const [id, kind, field] =
    pcnId !== undefined
      ? [pcnId, 'PCN' as const, 'filter.pcnId']
      : [providerOrganisationId, 'PROVIDER' as const, 'filter.providerOrganisationId'];
  if (id === undefined) throw new ValidationError('filter.pcnId', 'is required for a caller without a PCN');
  const organisation = await deps.organisations.getOrganisation(id);
  if (!organisation || organisation.kind !== kind) throw new ValidationError(field, `must be the id of a ${kind}`);
  if (!canReadActivity(principal, organisation)) throw new ForbiddenError('That directory is outside your ICB');
  return kind === 'PCN' ? { pcnId: id } : { providerOrganisationId: id };
}

/**
 * Primary course: a member of staff browses a PCN's directory by category (name order), optionally searching the
 * text. Pages are filled while reading (the filter runs as DynamoDB reads), so a page is short only when it is the
 * last. Archived activities are left out unless asked for.
 */
export async function listActivities(
  deps: Pick<ActivityDeps, 'activities' | 'organisations'>,
  principal: Principal,
  input: ListActivitiesInput = {},
): Promise<ActivityConnection> {
  const filter = input.filter ?? {};
  const first = input.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new ValidationError('first', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  if (filter.category !== undefined && !ACTIVITY_CATEGORIES.includes(filter.category)) {
    throw new ValidationError('filter.category', `must be one of ${ACTIVITY_CATEGORIES.join(', ')}`);
  }
  const text = filter.text?.trim().toLowerCase() || undefined;
  if (text !== undefined && text.length > MAX_SEARCH_LENGTH) {
    throw new ValidationError('filter.text', `must be at most ${MAX_SEARCH_LENGTH} characters`);
  }
  const by = await resolveListing(deps, principal, filter);
  const page = await deps.activities.list({
    by,
    category: filter.category,
    text,
    includeArchived: filter.includeArchived ?? false,
    first,
    after: input.after,
  });
  return {
    items: page.items,
    cursors: page.cursors,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor ?? null },
  };
}
