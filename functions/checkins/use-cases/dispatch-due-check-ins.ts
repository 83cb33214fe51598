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
}

export interface DispatchOptions {
  policy: DispatchPolicy;
  catalogue?: QuestionCatalogue;
  /** Messages per second across this run (long codes take about 10 parts a second). */
  ratePerSecond: number;
  /** Stop starting sends after this long (leave room before the Lambda timeout). */
  runBudgetMs: number;
  /** Real elapsed time, not the domain clock (tests pin the domain clock). */
  elapsedMs?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Spaces calls to at most `perSecond` a second. */
export function createRateLimiter(perSecond: number, elapsedMs: () => number, sleep: (ms: number) => Promise<void>) {
  const interval = perSecond > 0 ? 1000 / perSecond : 0;
  let nextAt = -Infinity;
  return async () => {
    const now = elapsedMs();
    const wait = nextAt - now;
    if (wait > 0) await sleep(wait);
    nextAt = Math.max(now, nextAt) + interval;
  };
}

export async function dispatchDueCheckIns(deps: CheckInDeps, options: DispatchOptions): Promise<DispatchReport> {
  const started = performance.now();
  const elapsedMs = options.elapsedMs ?? (() => performance.now() - started);
  const sleep = options.sleep ?? realSleep;
  const beforeSend = createRateLimiter(options.ratePerSecond, elapsedMs, sleep);
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
  };

  const due = await deps.checkIns.listDue(now.toISOString(), options.policy.limitPerShard);
  report.considered = due.length;
  const oldestWaiting = due.find((checkIn) => checkIn.status === 'WAITING');
  if (oldestWaiting?.dueAt) {
    report.oldestDueAgeSeconds = Math.max(0, Math.floor((now.getTime() - Date.parse(oldestWaiting.dueAt)) / 1000));
  }

  const patients = new Map<string, PatientContact>();
  const needPatients = due.filter((checkIn) => checkIn.status !== 'SENDING').map((checkIn) => checkIn.patientId);
  for (const patient of await deps.careRecords.getPatients(needPatients)) patients.set(patient.patientId, patient);

  for (let i = 0; i < due.length; i++) {
    const checkIn = due[i];
    if (elapsedMs() >= options.runBudgetMs) {
      report.leftForNextRun = due.length - i;
      break;
    }
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
  }
  return report;
}
