import type { Clock } from '../../shared/clock';
import { type AggregateDelta, aggregateKeyString, contributionsOf, mergeDeltas } from '../aggregation';
import { contentOf, type Fact, factFromContent } from '../facts';
import { patientFacts, periodsOfReferral } from '../patient-facts';
import { revisionOf } from '../periods';
import { type AggregateStore, type FactSource, MAX_COUNTERS_PER_UPDATE, type ReceiptChange } from '../ports';
import { referralFacts } from '../referral-facts';
import { type StreamRecordInput, type StreamTrigger, triggerOf } from '../stream-records';

export interface FoldDeps {
  facts: FactSource;
  aggregates: AggregateStore;
  clock: Clock;
}

export interface FoldCounts {
  /** Fact slots whose content was written (first counted, changed, or taken out). */
  folded: number;
  /** Fact slots whose receipt already held what the records say. */
  alreadyFolded: number;
}

export interface RecordFailure {
  /** The record's sequence number (Lambda's batch item identifier). */
  sequenceNumber?: string;
  error: unknown;
}

export interface FoldReport extends FoldCounts {
  records: number;
  ignored: number;
  failures: RecordFailure[];
}

/** DynamoDB allows 100 actions in one transaction. */
const TRANSACTION_ACTIONS = 100;
/** Re-reads after a receipt changed under us (another shard folding the same referral) before giving up. */
const ATTEMPTS = 4;

/** One receipt change and what it adds to the aggregates; `phase` 2 runs after every phase-1 change has. */
export interface PlannedChange {
  change: ReceiptChange;
  deltas: AggregateDelta[];
  phase: 1 | 2;
}

function actionsOf(deltas: readonly AggregateDelta[]): number {
  return new Set(deltas.map(aggregateKeyString)).size;
}

/**
 * The receipt changes that bring a slot from its receipt (`from`) to what the records say (`fact`). Old content is
 * taken out in the revision of the moment the change became known (the new record's time, or now), new content
 * added in the revision its record belongs to (periods.ts): a back-dated record never alters a released figure
 * before the next release.
 */
export function planChanges(fact: Fact, from: string | undefined, now: string): PlannedChange[] {
  const to = contentOf(fact);
  if ((from ?? '') === to) return [];
  const old = from === undefined ? undefined : factFromContent(fact.id, from, now);
  const changeTime = to !== '' && fact.recordedAt ? fact.recordedAt : now;
  const out = old ? contributionsOf(old, { sign: -1, revision: revisionOf(old.period, changeTime) }) : [];
  const add = to !== '' ? contributionsOf(fact, { revision: revisionOf(fact.period, fact.recordedAt || now) }) : [];
  const together = [...mergeDeltas([...out, ...add]).values()];
  if (!old || to === '' || 1 + actionsOf(together) <= TRANSACTION_ACTIONS) {
    return [{ change: { factId: fact.id, from, to }, deltas: together, phase: 1 }];
  }
  // Too many items for one transaction: take the old content out first, then put the new in.
  return [
    { change: { factId: fact.id, from, to: '' }, deltas: out, phase: 1 },
    { change: { factId: fact.id, from: '', to }, deltas: add, phase: 2 },
  ];
}

/**
 * Greedy packing: a change joins the current transaction if its receipt and new items still fit, and no item would
 * carry more counters than one update expression holds (a transaction may not update one item twice).
 */
export function packTransactions(changes: readonly PlannedChange[]): PlannedChange[][] {
  const groups: PlannedChange[][] = [];
  let current: PlannedChange[] = [];
  let items = new Map<string, Set<string>>();
  const fits = (planned: PlannedChange) => {
    const added = planned.deltas.filter((delta) => !items.has(aggregateKeyString(delta))).length;
    if (current.length + 1 + items.size + added > TRANSACTION_ACTIONS) return false;
    return planned.deltas.every((delta) => {
      const counters = new Set([...(items.get(aggregateKeyString(delta)) ?? []), ...Object.keys(delta.counters)]);
      return counters.size <= MAX_COUNTERS_PER_UPDATE;
    });
  };
  for (const planned of changes) {
    if (current.length > 0 && !fits(planned)) {
      groups.push(current);
      current = [];
      items = new Map();
    }
    current.push(planned);
    for (const delta of planned.deltas) {
      const key = aggregateKeyString(delta);
      items.set(key, new Set([...(items.get(key) ?? []), ...Object.keys(delta.counters)]));
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Brings the figures in line with these facts. Primary course: read the slots' receipts; plan the changes (new
 * content in, old content out); pack them into as few transactions as fit, each writing its receipts conditional on
 * the content read; if one is cancelled because a receipt changed meanwhile, read those receipts again and re-plan.
 */
export async function foldFacts(deps: FoldDeps, facts: readonly Fact[]): Promise<FoldCounts> {
  const counts: FoldCounts = { folded: 0, alreadyFolded: 0 };
  let pending = [...new Map(facts.map((fact) => [fact.id, fact])).values()];
  for (let attempt = 1; pending.length > 0; attempt++) {
    const receipts = await deps.aggregates.receiptContents(pending.map((fact) => fact.id));
    const now = deps.clock.now().toISOString();
    const planned = pending.flatMap((fact) => planChanges(fact, receipts.get(fact.id), now));
    const changedIds = new Set(planned.map((p) => p.change.factId));
    if (attempt === 1) counts.alreadyFolded += pending.filter((fact) => !changedIds.has(fact.id)).length;
    const conflicted = new Set<string>();
    for (const phase of [1, 2] as const) {
      const ofPhase = planned.filter((p) => p.phase === phase && !conflicted.has(p.change.factId));
      for (const group of packTransactions(ofPhase)) {
        const deltas = [...mergeDeltas(group.flatMap((p) => p.deltas)).values()];
        const result = await deps.aggregates.applyChanges(
          group.map((p) => p.change),
          deltas,
          now,
        );
        if (result.status === 'FOLDED') {
          counts.folded += group.filter((p) => p.phase === 1).length;
          continue;
        }
        // Nothing of this transaction was written: all of its slots are planned again from fresh receipts.
        for (const p of group) conflicted.add(p.change.factId);
      }
    }
    if (conflicted.size > 0 && attempt >= ATTEMPTS) {
      throw new Error(`Fold receipts kept changing under ${conflicted.size} facts; the stream will retry them`);
    }
    pending = pending.filter((fact) => conflicted.has(fact.id));
  }
  return counts;
}

function add(into: FoldCounts, counts: FoldCounts): void {
  into.folded += counts.folded;
  into.alreadyFolded += counts.alreadyFolded;
}

/** One referral's facts and its patient's person and opt-out facts for the periods it falls in. */
async function syncReferral(deps: FoldDeps, referralId: string): Promise<FoldCounts> {
  const record = await deps.facts.referralRecord(referralId);
  if (!record) return { folded: 0, alreadyFolded: 0 };
  const { patientId } = record.referral;
  const { patient, referrals } = await deps.facts.patientRecord(patientId);
  const known = referrals.some((r) => r.referralId === referralId) ? referrals : [...referrals, record.referral];
  return foldFacts(deps, [
    ...referralFacts(record),
    ...patientFacts(patientId, patient ?? record.patient, known, periodsOfReferral(record.referral)),
  ]);
}

/**
 * Every fact of a patient: their person and opt-out facts, and each referral's, except referrals that `syncedApart`
 * says are synced on their own in the same batch (a patient and their referral are usually written together, and
 * each was derived and folded twice). Returns the referrals it synced.
 */
async function syncPatient(
  deps: FoldDeps,
  patientId: string,
  syncedApart: (referralId: string) => boolean,
): Promise<FoldCounts & { referralIds: string[] }> {
  const { patient, referrals } = await deps.facts.patientRecord(patientId);
  const counts = await foldFacts(deps, patientFacts(patientId, patient, referrals));
  const referralIds = referrals.map((referral) => referral.referralId).filter((id) => !syncedApart(id));
  for (const referralId of referralIds) add(counts, await syncReferral(deps, referralId));
  return { ...counts, referralIds };
}

/**
 * Folds stream records one at a time (the Lambda handler's path, one record per batch item). A record only says
 * *which* referral or patient to derive again, from the current records: duplicates, retries, out-of-order shards
 * and missed intermediate states all converge. Within one batch a referral or patient is synced once.
 */
export function createStreamFolder(deps: FoldDeps) {
  const synced = new Set<string>();
  return {
    async foldRecord(record: StreamRecordInput): Promise<FoldCounts & { ignored: boolean }> {
      const trigger = triggerOf(record);
      if (trigger.kind === 'IGNORED') return { folded: 0, alreadyFolded: 0, ignored: true };
      const key = syncKeyOf(trigger);
      if (synced.has(key)) return { folded: 0, alreadyFolded: 0, ignored: false };
      // A referral synced earlier in the batch is not synced again, and one a patient's sync covers is not later.
      const { referralIds, ...counts } = await syncOf(deps, trigger, (id) => synced.has(referralKey(id)));
      synced.add(key);
      for (const id of referralIds) synced.add(referralKey(id));
      return { ...counts, ignored: false };
    },
  };
}

/** A referral's or patient's key among a batch's syncs (the two never collide). */
const referralKey = (referralId: string) => `R${referralId}`;
function syncKeyOf(trigger: Exclude<StreamTrigger, { kind: 'IGNORED' }>): string {
  return trigger.kind === 'REFERRAL' ? referralKey(trigger.referralId) : `P${trigger.patientId}`;
}

/** The sync a trigger asks for, with the referrals it synced (a referral's own, or a patient's not synced apart). */
async function syncOf(
  deps: FoldDeps,
  trigger: Exclude<StreamTrigger, { kind: 'IGNORED' }>,
  syncedApart: (referralId: string) => boolean,
): Promise<FoldCounts & { referralIds: string[] }> {
  if (trigger.kind === 'PATIENT') return syncPatient(deps, trigger.patientId, syncedApart);
  return { ...(await syncReferral(deps, trigger.referralId)), referralIds: [trigger.referralId] };
}

/** Syncs run at most this many at a time in `foldStreamRecords`. */
const SYNC_CONCURRENCY = 8;

/**
 * Folds a batch of stream records (the local poller's path); failures are reported per record, never thrown. The
 * distinct referrals and patients of the batch are synced concurrently: facts derive from current records, so
 * order does not matter.
 */
export async function foldStreamRecords(deps: FoldDeps, records: readonly StreamRecordInput[]): Promise<FoldReport> {
  const report: FoldReport = { records: records.length, ignored: 0, folded: 0, alreadyFolded: 0, failures: [] };
  const bySync = new Map<string, { sync: () => Promise<FoldCounts>; records: StreamRecordInput[] }>();
  for (const record of records) {
    const trigger = triggerOf(record);
    if (trigger.kind === 'IGNORED') {
      report.ignored += 1;
      continue;
    }
    const key = syncKeyOf(trigger);
    const entry = bySync.get(key) ?? {
      sync: () => syncOf(deps, trigger, (id) => bySync.has(referralKey(id))),
      records: [],
    };
    entry.records.push(record);
    bySync.set(key, entry);
  }
  const queue = [...bySync.values()];
  await Promise.all(
    Array.from({ length: Math.min(SYNC_CONCURRENCY, queue.length) }, async () => {
      for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
        try {
          add(report, await entry.sync());
        } catch (error) {
          for (const record of entry.records) {
            report.failures.push({ sequenceNumber: record.dynamodb?.SequenceNumber, error });
          }
        }
      }
    }),
  );
  return report;
}
