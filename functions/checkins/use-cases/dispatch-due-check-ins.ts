import type { CheckIn } from '../entities/check-in';
import type { DispatchPolicy } from '../policy';
import type { CheckInDeps, PatientContact } from '../ports';
import type { QuestionCatalogue } from '../questionnaires';
import { remindOrExpire, sendCurrentStep } from './send-step';

/*
 * The dispatcher, run every minute. Primary course: read every shard of the due index (`dueAt <= now`); for each
 * check-in, by status: WAITING → send the current step (inside the sending window; outside it, defer to the next
 * opening); SENDING whose claim timed out → UNCERTAIN (never resent, see send-step.ts); AWAITING_REPLY → one reminder,
 * then NO_RESPONSE. Sends are spaced to `ratePerSecond`, and no new send starts after `runBudgetMs`; whatever is left
 * stays due for the next run. Several runs may overlap: the claim makes each step go at most once.
 *
 * Each pass's patients are read in one batch up front (each referral is read again just before its text, because that
 * read is the last guard against texting about a closed referral). Up to `concurrency` check-ins are worked on at once,
 * so a slow provider call does not hold the run below its rate; one patient's check-ins are always taken one after
 * another, because each may recompute that patient's referral's next check-in.
 */

export interface DispatchReport {
  considered: number;
  sent: number;
  deferred: number;
  skipped: number;
  failed: number;
  retried: number;
  uncertain: number;
  reminded: number;
  expired: number;
  /** Claimed by another run first. */
  lostRace: number;
  /** Left for the next run because the time budget ran out. */
  leftForNextRun: number;
  /** Age of the oldest check-in waiting to be sent (0 when none): the backlog alarm metric. */
  oldestDueAgeSeconds: number;
  /**
   * Working hours (the sending window's, less the practice nation's bank holidays) the oldest unacknowledged concern
   * has waited, to two decimals; 0 when none waits. The concern alarm's metric: nobody may leave one unacknowledged.
   */
  oldestUnacknowledgedConcernWorkingHours: number;
}

export interface DispatchOptions {
  policy: DispatchPolicy;
  catalogue?: QuestionCatalogue;
  /** Messages per second across this run (long codes take about 10 parts a second). */
  ratePerSecond: number;
  /** Stop starting sends after this long (leave room before the Lambda timeout). */
  runBudgetMs: number;
  /** Check-ins worked on at once (default 4); the rate limiter still spaces the texts. */
  concurrency?: number;
  /** Real elapsed time, not the domain clock (tests pin the domain clock). */
  elapsedMs?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Spaces calls to at most `perSecond` a second, and resolves false (taking no slot) when the next slot falls after
 * `budgetMs`, unless `pastBudget` (a question promised by an intro just sent must not wait for the next run). Each
 * call takes its slot before it waits, so callers running at once queue behind one another instead of all waking
 * together.
 */
export function createRateLimiter(
  perSecond: number,
  elapsedMs: () => number,
  sleep: (ms: number) => Promise<void>,
  budgetMs = Infinity,
): (pastBudget?: boolean) => Promise<boolean> {
  const interval = perSecond > 0 ? 1000 / perSecond : 0;
  let nextAt = -Infinity;
  return async (pastBudget = false) => {
    const now = elapsedMs();
    const slot = Math.max(now, nextAt);
    if (slot > budgetMs && !pastBudget) return false;
    nextAt = slot + interval;
    if (slot > now) await sleep(slot - now);
    return true;
  };
}

/**
 * The run also watches concerns (once a minute, like the texts): how long, in working hours, the oldest concern nobody
 * has acknowledged has waited. One Query of one item.
 */
async function concernWaitHours(deps: CheckInDeps, options: DispatchOptions, now: Date): Promise<number> {
  const oldest = await deps.careRecords.oldestUnacknowledgedConcern();
  if (!oldest) return 0;
  const ms = options.policy.window.openMillisecondsBetween(new Date(oldest.raisedAt), now, oldest.nation);
  return Math.round((ms / 3_600_000) * 100) / 100;
}

/** Check-ins a run works on at once unless told otherwise. */
export const DEFAULT_SEND_CONCURRENCY = 4;

export async function dispatchDueCheckIns(deps: CheckInDeps, options: DispatchOptions): Promise<DispatchReport> {
  const started = performance.now();
  const elapsedMs = options.elapsedMs ?? (() => performance.now() - started);
  const sleep = options.sleep ?? realSleep;
  const beforeSend = createRateLimiter(options.ratePerSecond, elapsedMs, sleep, options.runBudgetMs);
  const now = deps.clock.now();
  const report: DispatchReport = {
    considered: 0,
    sent: 0,
    deferred: 0,
    skipped: 0,
    failed: 0,
    retried: 0,
    uncertain: 0,
    reminded: 0,
    expired: 0,
    lostRace: 0,
    leftForNextRun: 0,
    oldestDueAgeSeconds: 0,
    oldestUnacknowledgedConcernWorkingHours: await concernWaitHours(deps, options, now),
  };

  const patients = new Map<string, PatientContact>();
  const work = async (checkIn: CheckIn) => {
    const stepOptions = {
      policy: options.policy,
      catalogue: options.catalogue,
      patient: patients.get(checkIn.patientId) ?? null,
      beforeSend,
    };
    try {
      switch (checkIn.status) {
        case 'WAITING': {
          const outcome = await sendCurrentStep(deps, checkIn, stepOptions);
          if (outcome === 'sent') report.sent++;
          else if (outcome === 'deferred') report.deferred++;
          else if (outcome === 'skipped') report.skipped++;
          else if (outcome === 'failed') report.failed++;
          else if (outcome === 'retry') report.retried++;
          else if (outcome === 'uncertain') report.uncertain++;
          else if (outcome === 'left-for-next-run') report.leftForNextRun++;
          else report.lostRace++;
          break;
        }
        case 'SENDING': {
          if (await deps.checkIns.markUncertain(checkIn, now.toISOString())) {
            report.uncertain++;
            deps.telemetry?.warn('check-in claim timed out unconfirmed; marked UNCERTAIN for review', {
              checkInId: checkIn.checkInId,
            });
          } else report.lostRace++;
          break;
        }
        case 'AWAITING_REPLY': {
          const outcome = await remindOrExpire(deps, checkIn, stepOptions);
          if (outcome === 'reminded') report.reminded++;
          else if (outcome === 'expired') report.expired++;
          else if (outcome === 'deferred') report.deferred++;
          else if (outcome === 'retry') report.retried++;
          else if (outcome === 'skipped') report.skipped++;
          else if (outcome === 'left-for-next-run') report.leftForNextRun++;
          else report.lostRace++;
          break;
        }
        default:
          // A closed check-in should have no due keys; ignore it rather than act on it.
          report.skipped++;
      }
    } catch (error) {
      // One bad item must not stop the run; it stays due and is tried again next minute.
      report.failed++;
      deps.telemetry?.error('dispatching a check-in failed', {
        checkInId: checkIn.checkInId,
        errorName: (error as Error)?.name,
      });
    }
  };

  // One queue per patient, in due order; workers take whole queues, so a patient's check-ins never run at once.
  let budgetSpent = false;
  const runPass = async (due: readonly CheckIn[]) => {
    const byPatient = new Map<string, CheckIn[]>();
    for (const checkIn of due) {
      const queue = byPatient.get(checkIn.patientId);
      if (queue) queue.push(checkIn);
      else byPatient.set(checkIn.patientId, [checkIn]);
    }
    const queues = [...byPatient.values()];
    let nextQueue = 0;
    const worker = async () => {
      while (nextQueue < queues.length) {
        const queue = queues[nextQueue++];
        for (let i = 0; i < queue.length; i++) {
          if (budgetSpent || elapsedMs() >= options.runBudgetMs) {
            budgetSpent = true;
            report.leftForNextRun += queue.length - i;
            break;
          }
          await work(queue[i]);
        }
      }
    };
    const concurrency = Math.max(1, options.concurrency ?? DEFAULT_SEND_CONCURRENCY);
    await Promise.all(Array.from({ length: Math.min(concurrency, queues.length) }, worker));
  };

  // Passes until the budget is spent or nothing more is due: when one read of the due index may have left some out (a
  // shard gave all it was asked for), a run that has worked through it reads again, so its sending slots stay full to
  // the end of its budget. A check-in already handled in this run is not taken again in it, whatever became of it.
  const handled = new Set<string>();
  for (let pass = 0; !budgetSpent && elapsedMs() < options.runBudgetMs; pass++) {
    const listed = await deps.checkIns.listDue(now.toISOString(), options.policy.limitPerShard);
    if (pass === 0) {
      const oldestWaiting = listed.find((checkIn) => checkIn.status === 'WAITING');
      if (oldestWaiting?.dueAt) {
        report.oldestDueAgeSeconds = Math.max(0, Math.floor((now.getTime() - Date.parse(oldestWaiting.dueAt)) / 1000));
      }
    }
    const due = listed.filter((checkIn) => !handled.has(checkIn.checkInId));
    if (due.length === 0) break;
    for (const checkIn of due) handled.add(checkIn.checkInId);
    report.considered += due.length;
    const needPatients = due.filter((checkIn) => checkIn.status !== 'SENDING').map((checkIn) => checkIn.patientId);
    for (const patient of await deps.careRecords.getPatients(needPatients)) patients.set(patient.patientId, patient);
    await runPass(due);
    // Fewer than one shard's page in all: no shard can have held more, so nothing was left out of this read.
    if (listed.length < options.policy.limitPerShard) break;
  }
  return report;
}
