import type { GraphQLResolveInfo } from 'graphql';
import { type Activity, canReadActivity } from '../../activities';
import type { CheckIn } from '../../checkins';
import type { Principal } from '../../identity';
import type { Patient, Referral } from '../../referrals';
import { projectionCovers } from '../projection';

/*
 * What a caseload row shows, answered from the referral item's projection (see ../projection.ts) when the client
 * asked for no more than it holds. Each object made here carries its patient's and its own id, so the structural
 * audit (audit-plugin.ts) counts it exactly as it counts the item it stands for.
 */

/** The patient's display name as the row holds it (null once erased); read by `Patient.name`. */
const ROW_NAME = Symbol('caseloadRowName');
type RowPatient = Patient & { [ROW_NAME]?: string | null };

const PATIENT_ROW_FIELDS = new Set(['id', 'name']);
const CHECK_IN_ROW_FIELDS = new Set(['id', 'status', 'scheduledFor', 'dueAt', 'wave']);
const ACTIVITY_ROW_FIELDS = new Set(['id', 'name']);

/** The referral's patient as the row knows them, or undefined when the client asked for more (or the row is older). */
export function rowPatient(referral: Referral, info: GraphQLResolveInfo): Patient | undefined {
  const known = referral.patientName !== undefined || referral.erasedAt !== undefined;
  if (!known || !projectionCovers(info, [], PATIENT_ROW_FIELDS)) return undefined;
  const patient = { patientId: referral.patientId, [ROW_NAME]: referral.erasedAt ? null : referral.patientName };
  return patient as RowPatient;
}

/** The name a row-made patient carries; undefined for a patient read from its own item. */
export function rowName(patient: Patient): string | null | undefined {
  return ROW_NAME in patient ? (patient as RowPatient)[ROW_NAME] : undefined;
}

/**
 * The next check-in as the row knows it. It is the earliest not yet started (checkins' `isUpcoming`): WAITING for
 * its first text at `nextCheckInAt`.
 */
export function rowNextCheckIn(referral: Referral, info: GraphQLResolveInfo): CheckIn | undefined {
  const { nextCheckInId, nextCheckInAt, nextCheckInScheduledFor, nextCheckInWave } = referral;
  if (!nextCheckInId || !nextCheckInAt || !nextCheckInScheduledFor || !nextCheckInWave) return undefined;
  if (!projectionCovers(info, [], CHECK_IN_ROW_FIELDS)) return undefined;
  const checkIn = {
    checkInId: nextCheckInId,
    referralId: referral.referralId,
    patientId: referral.patientId,
    status: 'WAITING',
    scheduledFor: nextCheckInScheduledFor,
    dueAt: nextCheckInAt,
    wave: nextCheckInWave,
  };
  return checkIn as CheckIn;
}

/**
 * The prescribed activities as the row names them, in id order, or undefined when the client asked for more of an
 * activity than its name, or a name is missing. Only for a caller who may read the referral's ICB's directory (the
 * loader's own check), which every caller who may read the referral can, bar a national view.
 */
export function rowActivities(
  referral: Referral,
  principal: Principal,
  info: GraphQLResolveInfo,
): Activity[] | undefined {
  const ids = [...(referral.activeActivityIds ?? [])].sort();
  const names = referral.activeActivityNames ?? {};
  if (!ids.every((id) => names[id] !== undefined)) return undefined;
  if (!canReadActivity(principal, { icbId: referral.icbId })) return undefined;
  if (!projectionCovers(info, ['edges', 'node'], ACTIVITY_ROW_FIELDS)) return undefined;
  return ids.map((activityId) => ({ activityId, name: names[activityId]!.name }) as Activity);
}
