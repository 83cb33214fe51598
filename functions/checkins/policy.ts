import type { Wave } from './entities/check-in';
import { DEFAULT_QUESTIONS, type QuestionKey } from './questionnaires';
import { parseSendingWindow, type SendingWindow } from './sending-window';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const WEEK = 7 * DAY;

/** How the dispatcher sends, retries, reminds and expires. Every value is a policy choice, documented here. */
export interface DispatchPolicy {
  window: SendingWindow;
  /** A claim older than this was never confirmed: the check-in becomes UNCERTAIN (never resent). */
  claimTimeoutMs: number;
  /** Provider refusals (throttling, 5xx) of one step before the check-in is FAILED. */
  maxAttempts: number;
  /** Wait before retry number `attempt` (1-based). */
  backoffMs(attempt: number): number;
  /** No reply this long after a question: one reminder per check-in. */
  reminderAfterMs: number;
  /** No reply this long after a question: the check-in closes as NO_RESPONSE. */
  expireAfterMs: number;
  /** Due items read per shard per run. */
  limitPerShard: number;
  /**
   * The most SMS segments one patient is sent about one referral by routine texts (questions, reminders, re-asks);
   * past it, a check-in is closed (SMS_CAP_REACHED, needs review) rather than sent. Safety texts (signposting, STOP
   * and START confirmations, HELP) always go. Default 12: the default plan's worst case, reminders included.
   */
  segmentCap: number;
}

/** The default plan's most segments a referral, reminders included: 3 check-ins × (3 questions + 1 reminder). */
export const DEFAULT_SEGMENT_CAP = 12;

export function defaultDispatchPolicy(overrides: Partial<DispatchPolicy> = {}): DispatchPolicy {
  return {
    window: parseSendingWindow(),
    claimTimeoutMs: 10 * MINUTE,
    maxAttempts: 5,
    backoffMs: (attempt) => Math.min(2 ** (attempt - 1) * 2 * MINUTE, 2 * 60 * MINUTE),
    reminderAfterMs: 3 * DAY,
    expireAfterMs: 7 * DAY,
    limitPerShard: 100,
    segmentCap: DEFAULT_SEGMENT_CAP,
    ...overrides,
  };
}

export interface PlannedCheckIn {
  wave: Wave;
  questions: readonly QuestionKey[];
}

/**
 * When check-ins are scheduled. Default: a baseline when an activity is prescribed (unless an in-person outcome was
 * recorded in the last 14 days); then 6 and 12 weeks after the first attended session. Three check-ins of three
 * questions, with at most one reminder each and no thank-you text, make at most 12 segments a referral (about 42p at
 * the assumed price; docs/performance.md), the budget areas ration texts to. The week-1 check-in of earlier versions
 * was dropped for it: a day after the first session, it says little the baseline did not, and cost a quarter of the
 * texts. A deployment that wants it back adds `{ wave: 'WEEK_1', afterMs: DAY }` and raises the segment cap.
 */
export interface CheckInPlan {
  baseline: (PlannedCheckIn & { skipIfInPersonWithinMs: number }) | undefined;
  afterFirstAttendance: readonly (PlannedCheckIn & { afterMs: number })[];
}

export const DEFAULT_PLAN: CheckInPlan = {
  baseline: { wave: 'BASELINE', questions: DEFAULT_QUESTIONS, skipIfInPersonWithinMs: 14 * DAY },
  afterFirstAttendance: [
    { wave: 'WEEK_6', questions: DEFAULT_QUESTIONS, afterMs: 6 * WEEK },
    { wave: 'WEEK_12', questions: DEFAULT_QUESTIONS, afterMs: 12 * WEEK },
  ],
};
