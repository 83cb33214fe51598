import type { Clock } from '../../shared/clock';
import { aggregateKeyString, contributionsOf, mergeContributions } from '../aggregation';
import {
  endsOptOut,
  type Fact,
  optOutFact,
  optOutWithdrawalFact,
  profileOf,
  referralFacts,
  referralForOptOut,
} from '../facts';
import type { AggregateStore, FactSource } from '../ports';
import { type StreamRecordInput, type StreamTrigger, triggerOf } from '../stream-records';

export interface FoldDeps {
  facts: FactSource;
  aggregates: AggregateStore;
  clock: Clock;
}

export interface FoldCounts {
  folded: number;
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

/** Room left in one transaction (DynamoDB allows 100 actions). */
const TRANSACTION_ACTIONS = 100;

/**
 * Folds facts exactly once. Primary course: skip facts whose receipt exists; pack the rest into as few transactions
 * as fit (each: receipts conditional on not existing + ADD updates to every aggregate item the facts count in); if a
 * packed transaction is cancelled because some receipt appeared meanwhile (another shard folding the same referral),
 * fold its facts one by one, and a fact whose own transaction is cancelled was folded by someone else: skip it.
 */
export async function foldFacts(deps: FoldDeps, facts: readonly Fact[]): Promise<FoldCounts> {
  const counts: FoldCounts = { folded: 0, alreadyFolded: 0 };
  if (facts.length === 0) return counts;
  const known = await deps.aggregates.foldedFactIds(facts.flatMap((f) => (f.requires ? [f.id, f.requires] : [f.id])));
  const pending = facts.filter((fact) => !known.has(fact.id) && (!fact.requires || known.has(fact.requires)));
  counts.alreadyFolded += facts.length - pending.length;
  const at = deps.clock.now().toISOString();

  for (const group of packTransactions(pending)) {
    const result = await deps.aggregates.foldTogether(group, [...mergeContributions(group).values()], at);
    if (result.status === 'FOLDED') {
      counts.folded += group.length;
      continue;
    }
    if (group.length === 1) {
      counts.alreadyFolded += 1;
      continue;
    }
    for (const fact of group) {
      const single = await deps.aggregates.foldTogether([fact], [...mergeContributions([fact]).values()], at);
      if (single.status === 'FOLDED') counts.folded += 1;
      else counts.alreadyFolded += 1;
    }
  }
  return counts;
}

/** Greedy packing: a fact joins the current transaction if its receipt, condition and new items still fit. */
export function packTransactions(facts: readonly Fact[]): Fact[][] {
  const groups: Fact[][] = [];
  let current: Fact[] = [];
  let items = new Set<string>();
  let actions = 0;
  for (const fact of facts) {
    const keys = contributionsOf(fact).map(aggregateKeyString);
    const added = keys.filter((key) => !items.has(key)).length + 1 + (fact.requires ? 1 : 0);
    if (current.length > 0 && actions + added > TRANSACTION_ACTIONS) {
      groups.push(current);
      current = [];
      items = new Set();
      actions = 0;
    }
    current.push(fact);
    for (const key of keys) items.add(key);
    actions = items.size + current.length + current.filter((f) => f.requires).length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** The facts of one referral, from its current records (empty if it is gone). */
async function syncReferral(deps: FoldDeps, referralId: string): Promise<FoldCounts> {
  const record = await deps.facts.referralRecord(referralId);
  return record ? foldFacts(deps, referralFacts(record)) : { folded: 0, alreadyFolded: 0 };
}

async function foldConsentChange(
  deps: FoldDeps,
  trigger: Extract<StreamTrigger, { kind: 'CONSENT' }>,
): Promise<FoldCounts> {
  const { referrals, sex } = await deps.facts.patientReferrals(trigger.patientId);
  const profileAt = (at: string) => {
    const referral = referralForOptOut(referrals, at);
    return referral && profileOf({ referral, sex });
  };
  const total: FoldCounts = { folded: 0, alreadyFolded: 0 };
  const add = (counts: FoldCounts) => {
    total.folded += counts.folded;
    total.alreadyFolded += counts.alreadyFolded;
  };
  const { before, after } = trigger;
  if (before && endsOptOut(before, after)) {
    const profile = profileAt(before.smsConsentChangedAt!);
    const withdrawal = profile && optOutWithdrawalFact(before, profile);
    if (withdrawal) add(await foldFacts(deps, [withdrawal]));
  }
  if (after?.smsConsent === 'OPTED_OUT' && after.smsConsentChangedAt) {
    const profile = profileAt(after.smsConsentChangedAt);
    const optOut = profile && optOutFact(after, profile);
    if (optOut) add(await foldFacts(deps, [optOut]));
  }
  return total;
}

/** Raised for the records after a failed one: a shard's records are folded in order or not at all. */
export class EarlierRecordFailedError extends Error {
  constructor() {
    super('An earlier record of this batch failed; this one waits for the retry');
    this.name = 'EarlierRecordFailedError';
  }
}

/**
 * Folds stream records one at a time, so each can fail alone (Lambda's partial batch response). After a failure the
 * rest of the batch fails too: Lambda resumes a shard from its first failed record, and an opt-out must be folded
 * before the opt-in that withdraws it. Within one batch a referral is synced once: its records were all written
 * before the batch was read, so one read of its current records sees every fact any of them could add.
 */
export function createStreamFolder(deps: FoldDeps) {
  const synced = new Set<string>();
  let failed = false;
  const fold = async (record: StreamRecordInput): Promise<FoldCounts & { ignored: boolean }> => {
    const trigger = triggerOf(record);
    switch (trigger.kind) {
      case 'IGNORED':
        return { folded: 0, alreadyFolded: 0, ignored: true };
      case 'REFERRAL': {
        if (synced.has(trigger.referralId)) return { folded: 0, alreadyFolded: 0, ignored: false };
        const counts = await syncReferral(deps, trigger.referralId);
        synced.add(trigger.referralId);
        return { ...counts, ignored: false };
      }
      case 'CONSENT':
        return { ...(await foldConsentChange(deps, trigger)), ignored: false };
    }
  };
  return {
    async foldRecord(record: StreamRecordInput): Promise<FoldCounts & { ignored: boolean }> {
      if (failed) throw new EarlierRecordFailedError();
      try {
        return await fold(record);
      } catch (error) {
        failed = true;
        throw error;
      }
    },
  };
}

/** Referral syncs run at most this many at a time in `foldStreamRecords`. */
const SYNC_CONCURRENCY = 8;

/**
 * Folds a batch of stream records (the local poller's path); failures are reported per record, never thrown.
 * Referrals are independent and their facts idempotent, so the distinct referrals of the batch are synced
 * concurrently; consent changes are folded one by one in stream order (an opt-in withdraws the opt-out before it),
 * and after a failed one the later ones fail too.
 */
export async function foldStreamRecords(deps: FoldDeps, records: readonly StreamRecordInput[]): Promise<FoldReport> {
  const report: FoldReport = { records: records.length, ignored: 0, folded: 0, alreadyFolded: 0, failures: [] };
  const add = (counts: FoldCounts) => {
    report.folded += counts.folded;
    report.alreadyFolded += counts.alreadyFolded;
  };
  const byReferral = new Map<string, StreamRecordInput[]>();
  const consent: { record: StreamRecordInput; trigger: Extract<StreamTrigger, { kind: 'CONSENT' }> }[] = [];
  for (const record of records) {
    const trigger = triggerOf(record);
    if (trigger.kind === 'IGNORED') report.ignored += 1;
    else if (trigger.kind === 'REFERRAL')
      byReferral.set(trigger.referralId, [...(byReferral.get(trigger.referralId) ?? []), record]);
    else consent.push({ record, trigger });
  }
  const fail = (record: StreamRecordInput, error: unknown) =>
    report.failures.push({ sequenceNumber: record.dynamodb?.SequenceNumber, error });

  const queue = [...byReferral.keys()];
  await Promise.all(
    Array.from({ length: Math.min(SYNC_CONCURRENCY, queue.length) }, async () => {
      for (let referralId = queue.shift(); referralId !== undefined; referralId = queue.shift()) {
        try {
          add(await syncReferral(deps, referralId));
        } catch (error) {
          for (const record of byReferral.get(referralId)!) fail(record, error);
        }
      }
    }),
  );
  let failed: unknown;
  for (const { record, trigger } of consent) {
    if (failed) {
      fail(record, new EarlierRecordFailedError());
      continue;
    }
    try {
      add(await foldConsentChange(deps, trigger));
    } catch (error) {
      failed = error;
      fail(record, error);
    }
  }
  return report;
}
