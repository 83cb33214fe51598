import type { Resolvers } from '../generated/resolvers-types';
import { scalarResolvers } from '../scalars';
import { activityResolvers } from './activities';
import { auditResolvers } from './audit';
import { checkInResolvers } from './checkins';
import { concernResolvers } from './concerns';
import { identityResolvers } from './identity';
import { inboxResolvers } from './inbox';
import { outcomesResolvers } from './outcomes';
import { referralResolvers } from './referrals';

/** Every context's resolvers merged per type (each context may add fields to Query, Mutation and shared types). */
export function mergeResolvers(...maps: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) {
      if (fields instanceof Object && !('serialize' in fields)) {
        merged[typeName] = { ...merged[typeName], ...(fields as Record<string, unknown>) };
      } else {
        (merged as Record<string, unknown>)[typeName] = fields;
      }
    }
  }
  return merged as Resolvers;
}

export const resolvers: Resolvers = mergeResolvers(
  scalarResolvers,
  identityResolvers,
  referralResolvers,
  activityResolvers,
  auditResolvers,
  checkInResolvers,
  concernResolvers,
  inboxResolvers,
  // Typed against its own structural context (resolvers/outcomes.ts), not the generated map.
  outcomesResolvers as Resolvers,
);
