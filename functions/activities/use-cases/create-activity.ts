import type { Principal } from '../../identity';
import { ForbiddenError, ValidationError } from '../../shared/errors';
import type { Activity } from '../entities/activity';
import { canManageActivity } from '../policy';
import { type ActivityDetails, parseActivityDetails } from '../validation';
import type { ActivityDeps } from './deps';

/** Activity details as typed by a person: optional fields may be null or blank (meaning "none"). */
export type ActivityDetailsInput = Omit<ActivityDetails, 'capacity' | 'eligibility' | 'accessibility'> & {
  capacity?: number | null;
  eligibility?: string | null;
  accessibility?: string | null;
};

export interface CreateActivityInput extends ActivityDetailsInput {
  /** The PCN whose directory lists the activity. */
  pcnId: string;
  /** The PROVIDER organisation that runs it; defaults to the caller's own organisation for a provider. */
  providerOrganisationId?: string;
}

/**
 * Primary course: a coordinator, an ICB administrator or a provider adds an activity to a PCN's directory. The PCN and
 * the provider must be organisations of those kinds in the same ICB; the activity starts ACTIVE at version 1.
 */
export async function createActivity(
  deps: ActivityDeps,
  principal: Principal,
  input: CreateActivityInput,
): Promise<Activity> {
  if (principal.role === 'LINK_WORKER' || principal.role === 'COMMISSIONER') {
    throw new ForbiddenError('Only coordinators, administrators and providers may add activities');
  }
  const details = parseActivityDetails(input as unknown as Record<string, unknown>);
  const providerOrganisationId =
    input.providerOrganisationId ?? (principal.role === 'PROVIDER' ? principal.organisationId : undefined);
  if (!providerOrganisationId) throw new ValidationError('activity.providerOrganisationId', 'is required');

  const pcn = typeof input.pcnId === 'string' ? await deps.organisations.getOrganisation(input.pcnId) : undefined;
  if (pcn?.kind !== 'PCN') throw new ValidationError('activity.pcnId', 'must be the id of a PCN');
  const provider = await deps.organisations.getOrganisation(providerOrganisationId);
  if (provider?.kind !== 'PROVIDER' || provider.icbId !== pcn.icbId) {
    throw new ValidationError('activity.providerOrganisationId', "must be a provider organisation in the PCN's ICB");
  }
  const scope = { icbId: pcn.icbId, pcnId: pcn.organisationId, providerOrganisationId };
  if (!canManageActivity(principal, scope)) throw new ForbiddenError('You may not add activities here');

  const now = deps.clock.now().toISOString();
  const activity: Activity = {
    activityId: deps.newId(),
    ...scope,
    ...details,
    status: 'ACTIVE',
    version: 1,
    createdAt: now,
    updatedAt: now,
    updatedBy: principal.userId,
  };
  await deps.activities.create(activity);
  return activity;
}
