import { createLinkwork } from '../../functions/app/composition-root';
import type { CheckInDeps } from '../../functions/checkins';
import { DynamoDbCheckInRepository } from '../../functions/checkins/adapters/dynamodb-check-in-repository';
import type { CheckIn } from '../../functions/checkins/entities/check-in';
import { defaultDispatchPolicy } from '../../functions/checkins/policy';
import type { SmsSender } from '../../functions/checkins/ports';
import {
  DEFAULT_SEND_CONCURRENCY,
  type DispatchReport,
  dispatchDueCheckIns,
} from '../../functions/checkins/use-cases/dispatch-due-check-ins';
import type { DataStore } from '../../functions/platform/dynamodb/client';
import { DUE_INDEX_SHARDS } from '../../functions/platform/dynamodb/table-definition';
import type { Clock } from '../../functions/shared/clock';
import { createIdGenerator } from '../../functions/shared/ids';
import type { DemoData } from '../../scripts/seed/demo';
import type { SeededRandom } from '../../scripts/seed/random';
import { batchPut, benchTable, commandMix, estimatedWriteUnits, readsAndWrites, round } from '../lib/env';
import { buildCheckIn, buildPatient, entitiesOf, newReferral } from '../lib/fixtures';
import type { BenchCase, BenchRow } from '../lib/report';

/*
 * Case 2, dispatcher. N check-ins fall due at once (a Monday morning inside the sending window, ManualClock), and the
 * real dispatcher drains them through an SMS sink that accepts at once, and (on a smaller batch) one that takes 50 ms
 * a text, as a provider call might. Floors: the configured rate limit, and the same conditional writes (claim, then
 * confirm with the text in the thread) in a plain loop.
 */

/** As deployed: SMS_RATE_PER_SECOND, the dispatcher's run budget (infra/stacks/stateless-stack.ts), rate(1 minute). */
const CONFIGURED_RATE = 10;
const RUN_BUDGET_MS = 58_000;
/** Issue 15's goal: a backlog drains within 5% of N / rate. */
const DRAIN_GOAL = 1.05;
const SCHEDULE_MS = 60_000;

/**
 * Provider message ids are unique, as a provider's are: the table keeps one record per id for delivery receipts, and a
 * text whose id is already taken is left UNCERTAIN for review, so two sinks must not both count from 1.
 */
class CountingSink implements SmsSender {
  sent = 0;
  constructor(
    private readonly delayMs: number,
    private readonly name: string,
  ) {}
  async send(): Promise<{ providerMessageId: string }> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.sent += 1;
    return { providerMessageId: `bench-sms-${this.name}-${this.sent}` };
  }
}

interface DueSet {
  checkIns: CheckIn[];
}

/** `count` patients (mobile, consent given), each with an open referral and one check-in due `minutesAgo` ago. */
async function writeDue(
  store: DataStore,
  clock: Clock,
  random: SeededRandom,
  demo: DemoData,
  input: { count: number; seqBase: number; inDueIndex: boolean },
): Promise<DueSet> {
  const now = clock.now();
  const newId = createIdGenerator(clock);
  const e = entitiesOf(store);
  const linkWorker = demo.users.find((user) => user.userId === 'lw-asha');
  if (!linkWorker) throw new Error('no lw-asha');
  const pcnId = linkWorker.pcnId as string;
  const items: Record<string, unknown>[] = [];
  const checkIns: CheckIn[] = [];
  for (let i = 0; i < input.count; i++) {
    const patient = buildPatient(
      random,
      {
        seq: input.seqBase + i,
        practiceId: demo.organisations.practiceIds[i % 2] as string,
        pcnId,
        icbId: demo.organisations.icbId,
      },
      now,
    );
    patient.patientId = newId();
    const { referral } = newReferral({ newId, random, patient, linkWorker, receivedAt: patient.createdAt });
    const dueAt = new Date(now.getTime() - random.int(1, 30) * 60_000).toISOString();
    const checkIn = buildCheckIn({
      checkInId: newId(),
      referral,
      scheduledFor: dueAt,
      ...(input.inDueIndex ? { dueAt } : {}),
      createdAt: patient.createdAt,
    });
    referral.nextCheckInAt = dueAt;
    referral.nextCheckInId = checkIn.checkInId;
    referral.nextCheckInSort = dueAt;
    items.push(
      e.patient.put(patient).params().Item,
      e.referral.put(referral).params().Item,
      e.checkIn.put(checkIn).params().Item,
    );
    checkIns.push(checkIn);
  }
  await batchPut(store, items);
  return { checkIns };
}

/** Runs the dispatcher until nothing is due; returns the runs' reports. */
async function drain(deps: CheckInDeps, ratePerSecond: number, maxRuns = 1_000): Promise<DispatchReport[]> {
  const policy = defaultDispatchPolicy();
  const reports: DispatchReport[] = [];
  for (let run = 0; run < maxRuns; run++) {
    const report = await dispatchDueCheckIns(deps, { policy, ratePerSecond, runBudgetMs: RUN_BUDGET_MS });
    reports.push(report);
    if (report.considered === 0) break;
  }
  return reports;
}

/**
 * Drain time at `rate`/s with runs every minute of at most `budget`, each message taking at least `perMessageMs`. A run
 * reads the due index again while its budget lasts, so no read size caps what it sends.
 */
function drainAtRate(count: number, rate: number, perMessageMs: number) {
  const intervalMs = Math.max(1000 / rate, perMessageMs);
  const perRun = Math.floor(RUN_BUDGET_MS / intervalMs);
  const runs = Math.ceil(count / perRun);
  const last = count - (runs - 1) * perRun;
  return { seconds: ((runs - 1) * SCHEDULE_MS + last * intervalMs) / 1000, runs, perRun };
}

export const dispatcher: BenchCase = async ({ quick, scale = 1, endpoint, log }) => {
  // Quick mode: 60, not 500 (see docs/performance.md: DynamoDB Local on a loaded 2-core machine).
  const count = quick ? 60 : Math.round(10_000 * scale);
  const slowCount = quick ? 10 : Math.min(800, Math.round(800 * Math.max(scale, 0.25)));
  const floorCount = Math.min(count, quick ? 20 : 1_000);
  const bench = await benchTable(endpoint, 'dispatcher');
  const { store, counter, clock, random, demo } = bench;
  const policy = defaultDispatchPolicy();
  const perRunCap = policy.limitPerShard * DUE_INDEX_SHARDS;
  const rows: BenchRow[] = [];

  let t = performance.now();
  await writeDue(store, clock, random, demo, { count, seqBase: 100_000, inDueIndex: true });
  const floorSet = await writeDue(store, clock, random, demo, {
    count: floorCount,
    seqBase: 300_000,
    inDueIndex: false,
  });
  log(`dispatcher: ${count + floorCount} check-ins written in ${Math.round(performance.now() - t)} ms`);

  // Floor: claim + confirm (the conditional writes that make a send at-most-once), nothing else, in a plain loop.
  const repository = new DynamoDbCheckInRepository(store);
  const newId = createIdGenerator(clock);
  counter.reset();
  t = performance.now();
  for (const checkIn of floorSet.checkIns) {
    const token = newId();
    const at = clock.now().toISOString();
    // As the dispatcher does: the claim times out after claimTimeoutMs, the reply is due before reminderAfterMs.
    const timeoutAt = new Date(clock.now().getTime() + policy.claimTimeoutMs).toISOString();
    const remindAt = new Date(clock.now().getTime() + policy.reminderAfterMs).toISOString();
    await repository.claim(checkIn, { token, at, timeoutAt });
    await repository.confirmSent(
      checkIn,
      token,
      { status: 'AWAITING_REPLY', introSent: true, dueAt: remindAt, questionSentAt: at, providerMessageId: token },
      {
        checkInId: checkIn.checkInId,
        direction: 'OUT',
        kind: 'QUESTION',
        body: 'bench',
        at,
        patientId: checkIn.patientId,
        questionIndex: 0,
      },
    );
  }
  const floorMs = performance.now() - t;
  const floorCounts = counter.reset();
  const floorPerSecond = (floorCount / floorMs) * 1000;

  // The dispatcher at a high rate, instant sink.
  const instant = new CountingSink(0, 'instant');
  counter.reset();
  t = performance.now();
  const reports = await drain(createLinkwork({ store, clock }).checkIns.withSender(instant), 1_000_000);
  const drainMs = performance.now() - t;
  const counts = counter.reset();
  const sent = reports.reduce((sum, report) => sum + report.sent, 0);
  const messages = instant.sent;
  if (sent !== count) throw new Error(`dispatcher sent ${sent} check-ins of ${count}: ${JSON.stringify(reports)}`);
  const { reads, writes } = readsAndWrites(counts);
  const perMessageMs = drainMs / messages;
  const runs = reports.length - 1;
  rows.push({
    case: 'dispatcher',
    variant: `${count} due, instant sink`,
    metric: 'throughput',
    value: (messages / drainMs) * 1000,
    unit: 'msg/s',
    floor: floorPerSecond,
    floorLabel: 'claim+confirm loop',
    counts: {
      msgs: messages,
      runs,
      'req/msg': round(counts.requests / messages),
      'reads/msg': round(reads / messages),
      'writes/msg': round(writes / messages),
      'WCU/msg': round(counts.writeUnits / messages),
      'WCU/msg est.': round(estimatedWriteUnits(counts) / messages),
      'RCU/msg': round(counts.readUnits / messages),
      mix: commandMix(counts, messages),
      'floor req/msg': round(floorCounts.requests / floorCount),
      'floor WCU/msg': round(floorCounts.writeUnits / floorCount),
    },
  });
  rows.push({
    case: 'dispatcher',
    variant: `${count} due, instant sink`,
    metric: 'drain, unthrottled',
    value: drainMs / 1000,
    unit: 's',
    floor: (count * (floorMs / floorCount)) / 1000,
    floorLabel: 'claim+confirm loop',
    counts: { runs, 'per-run cap': perRunCap },
  });
  const atRate = drainAtRate(count, CONFIGURED_RATE, perMessageMs);
  rows.push({
    case: 'dispatcher',
    variant: `${count} due @ ${CONFIGURED_RATE}/s`,
    metric: 'drain (computed)',
    value: atRate.seconds,
    unit: 's',
    floor: count / CONFIGURED_RATE,
    floorLabel: 'N / rate',
    goal: DRAIN_GOAL,
    counts: { runs: atRate.runs, 'sent/run': atRate.perRun, budget: `${RUN_BUDGET_MS / 1000}s/min` },
  });

  // A provider taking 50 ms a text: one run over a smaller batch.
  await writeDue(store, clock, random, demo, { count: slowCount, seqBase: 500_000, inDueIndex: true });
  const slow = new CountingSink(50, 'slow');
  counter.reset();
  t = performance.now();
  const slowReports = await drain(createLinkwork({ store, clock }).checkIns.withSender(slow), 1_000_000);
  const slowMs = performance.now() - t;
  const slowCounts = counter.reset();
  const slowSent = slowReports.reduce((sum, report) => sum + report.sent, 0);
  if (slowSent !== slowCount)
    throw new Error(`dispatcher (50 ms sink) sent ${slowSent} of ${slowCount}: ${JSON.stringify(slowReports)}`);
  const slowPerMessage = slowMs / slow.sent;
  rows.push({
    case: 'dispatcher',
    variant: `${slowCount} due, 50 ms sink`,
    metric: 'throughput',
    value: (slow.sent / slowMs) * 1000,
    unit: 'msg/s',
    // A run keeps at most DEFAULT_SEND_CONCURRENCY provider calls in flight, so this is as fast as it can go.
    floor: (1000 / 50) * DEFAULT_SEND_CONCURRENCY,
    floorLabel: `sink alone, ${DEFAULT_SEND_CONCURRENCY} at a time`,
    counts: {
      msgs: slow.sent,
      'req/msg': round(slowCounts.requests / slow.sent),
      'WCU/msg': round(slowCounts.writeUnits / slow.sent),
      'WCU/msg est.': round(estimatedWriteUnits(slowCounts) / slow.sent),
    },
  });
  const slowAtRate = drainAtRate(count, CONFIGURED_RATE, slowPerMessage);
  rows.push({
    case: 'dispatcher',
    variant: `${count} due @ ${CONFIGURED_RATE}/s, 50 ms sink`,
    metric: 'drain (computed)',
    value: slowAtRate.seconds,
    unit: 's',
    floor: count / CONFIGURED_RATE,
    floorLabel: 'N / rate',
    counts: { runs: slowAtRate.runs, 'sent/run': slowAtRate.perRun, 'ms/msg': round(slowPerMessage, 1) },
  });
  await bench.drop();
  return rows;
};
