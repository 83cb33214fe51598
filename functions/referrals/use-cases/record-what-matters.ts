import type { Principal } from '../../identity';
import { ValidationError } from '../../shared/errors';
import { assertCanAccessReferral, assertCareRole, assertNotErased, auditAccess, type ReferralDeps } from '../access';
import type { WhatMattersNote } from '../entities/what-matters';
import type { GoalWrite, ReferralRecord } from '../ports';
import { nonEmptyId, oneOf, optionalText, requiredText } from '../validation';
import { GOAL_STATUSES, type GoalStatus } from '../vocabulary';

export interface GoalInput {
  /** Absent for a new goal; the id of one of this referral's goals to change it. */
  goalId?: string;
  description?: string;
  status?: GoalStatus;
}

export interface RecordWhatMattersInput {
  referralId: string;
  /** Notes of the "what matters to you" conversation, each kept as written. */
  notes?: string[];
  goals?: GoalInput[];
}

export const NOTE_TEXT_MAX = 4000;
export const GOAL_DESCRIPTION_MAX = 500;
export const WHAT_MATTERS_MAX_ITEMS = 50;

/**
 * Primary course: after a "what matters to you" conversation the link worker writes notes and sets or updates the
 * goals of the personalised plan. Everything is written at once, then the referral's record is returned.
 */
export async function recordWhatMatters(
  deps: ReferralDeps,
  principal: Principal,
  input: RecordWhatMattersInput,
): Promise<ReferralRecord> {
  assertCareRole(principal);
  const referralId = nonEmptyId(input.referralId, 'referralId');
  const notes = (input.notes ?? []).map((text, i) =>
    requiredText(text, `notes[${i}]`, NOTE_TEXT_MAX, { multiline: true }),
  );
  const goals = input.goals ?? [];
  if (notes.length + goals.length === 0) throw new ValidationError('notes', 'give at least one note or goal');
  if (notes.length + goals.length > WHAT_MATTERS_MAX_ITEMS) {
    throw new ValidationError('notes', `at most ${WHAT_MATTERS_MAX_ITEMS} notes and goals at once`);
  }
  const referral = assertCanAccessReferral(principal, await deps.referrals.getReferral(referralId));
  assertNotErased(referral);

  const at = deps.clock.now().toISOString();
  const noteItems: WhatMattersNote[] = notes.map((text) => ({
    referralId,
    noteId: deps.newId(),
    text,
    recordedBy: principal.userId,
    recordedAt: at,
  }));
  const goalWrites: GoalWrite[] = goals.map((goal, i): GoalWrite => {
    const field = (name: string) => `goals[${i}].${name}`;
    const status = goal.status === undefined ? undefined : oneOf(goal.status, GOAL_STATUSES, field('status'));
    if (goal.goalId === undefined) {
      return {
        kind: 'create',
        goal: {
          referralId,
          goalId: deps.newId(),
          description: requiredText(goal.description, field('description'), GOAL_DESCRIPTION_MAX),
          status: status ?? 'NOT_STARTED',
          updatedBy: principal.userId,
          updatedAt: at,
        },
      };
    }
    return {
      kind: 'update',
      goal: {
        referralId,
        goalId: nonEmptyId(goal.goalId, field('goalId')),
        description: optionalText(goal.description, field('description'), GOAL_DESCRIPTION_MAX),
        status,
        updatedBy: principal.userId,
        updatedAt: at,
      },
    };
  });

  await deps.referrals.saveWhatMatters(referral, noteItems, goalWrites);
  await auditAccess(deps, principal, 'UPDATE', 'recordWhatMatters', {
    patientId: referral.patientId,
    entityType: 'referral',
    entityId: referralId,
  });
  return (await deps.referrals.getReferralRecord(referralId))!;
}
