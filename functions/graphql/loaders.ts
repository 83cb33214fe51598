import DataLoader from 'dataloader';
import { getActivitiesByIds } from '../activities';
import type { Linkwork } from '../app/composition-root';
import type { Principal } from '../identity';
import {
  getPatientsByIds,
  getReferral,
  getReferralsInScope,
  type Referral,
  type ReferralDeps,
  type ReferralRecord,
} from '../referrals';
import type { GraphQLContext, Loaders } from './context';

/** Answers in key order, `undefined` for keys the store did not return (DataLoader requires one value per key). */
export function inKeyOrder<K, V>(keys: readonly K[], values: readonly V[], keyOf: (value: V) => K): (V | undefined)[] {
  const byKey = new Map(values.map((value) => [keyOf(value), value] as const));
  return keys.map((key) => byKey.get(key));
}

/** BatchGetItem takes at most 100 keys; DataLoader splits larger batches for us. */
const MAX_BATCH = 100;

/** Fresh loaders for one request and one caller, so nothing cached outlives the caller's permissions. */
export function createLoaders(
  linkwork: Linkwork,
  principal: Principal,
  request: Pick<GraphQLContext, 'referrals' | 'activities'> & { referrals: ReferralDeps },
): Loaders {
  return {
    staffUsers: new DataLoader(
      async (ids: readonly string[]) => inKeyOrder(ids, await linkwork.identity.getStaffUsers(ids), (u) => u.userId),
      { maxBatchSize: MAX_BATCH },
    ),
    // Organisations have no batch read yet; the loader still de-duplicates within a request.
    organisations: new DataLoader(async (ids: readonly string[]) =>
      Promise.all(ids.map((id) => linkwork.identity.getOrganisation(id))),
    ),
    activities: new DataLoader((ids: readonly string[]) => getActivitiesByIds(request.activities, principal, ids), {
      maxBatchSize: MAX_BATCH,
    }),
    patients: new DataLoader((ids: readonly string[]) => getPatientsByIds(request.referrals, ids), {
      maxBatchSize: MAX_BATCH,
    }),
    referrals: new DataLoader<string, Referral>(
      (ids: readonly string[]) => getReferralsInScope(request.referrals, principal, ids),
      {
        maxBatchSize: MAX_BATCH,
      },
    ),
    referralRecords: new DataLoader<string, ReferralRecord>(
      (ids: readonly string[]) =>
        Promise.all(
          ids.map((referralId) =>
            getReferral(request.referrals, principal, { referralId }).catch((error: unknown) =>
              error instanceof Error ? error : new Error(String(error)),
            ),
          ),
        ),
      { batch: false },
    ),
    checkIns: new DataLoader(
      async (ids: readonly string[]) =>
        inKeyOrder(ids, await linkwork.checkIns.deps.checkIns.getMany(ids), (checkIn) => checkIn.checkInId),
      { maxBatchSize: MAX_BATCH },
    ),
    concerns: new DataLoader(
      async (ids: readonly string[]) =>
        inKeyOrder(ids, await request.referrals.concerns.getMany(ids), (concern) => concern.concernId),
      { maxBatchSize: MAX_BATCH },
    ),
  };
}
