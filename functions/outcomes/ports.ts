import type { AggregateDelta } from './aggregation';
import type { Counters, Fact, PatientConsentSnapshot, ReferralRecord, ReferralSnapshot } from './facts';
import type { Dimension, Scope } from './vocabulary';

/** How many items and requests a reader has used (outcomeSummary's cost must not grow with the population). */
export interface ReadMeter {
  requests: number;
  itemsRead: number;
  capacityUnits: number;
}

export function newReadMeter(): ReadMeter {
  return { requests: 0, itemsRead: 0, capacityUnits: 0 };
}

export interface StoredAggregate {
  month: string;
  group: string;
  counters: Counters;
}

export type FoldWriteResult =
  | { status: 'FOLDED' }
  /** A receipt already existed (or a required receipt did not): nothing was written. */
  | { status: 'CANCELLED'; alreadyFolded: readonly string[]; requirementMissing: readonly string[] };

/** The aggregate and receipt items (access patterns 20 and 21). */
export interface AggregateStore {
  /** The ids among `factIds` that have a receipt. */
  foldedFactIds(factIds: readonly string[]): Promise<Set<string>>;
  /**
   * In one transaction: a receipt per fact (conditional on not existing), a condition per `requires`, and one ADD
   * update per aggregate item in `deltas`. All or nothing.
   */
  foldTogether(facts: readonly Fact[], deltas: readonly AggregateDelta[], foldedAt: string): Promise<FoldWriteResult>;
  /** One breakdown of one scope over whole months, `firstMonth`..`lastMonth` inclusive. */
  readAggregates(
    scope: Scope,
    dimension: Dimension,
    firstMonth: string,
    lastMonth: string,
    meter?: ReadMeter,
  ): Promise<StoredAggregate[]>;
  /** Overwrites aggregate items with these counters (reconciliation's repair); empty counters delete the item. */
  replaceAggregates(items: readonly AggregateDelta[], updatedAt: string): Promise<void>;
}

/** The raw records facts are derived from. */
export interface FactSource {
  referralRecord(referralId: string): Promise<ReferralRecord | undefined>;
  /** A patient's referrals (for attributing an opt-out) and recorded sex. */
  patientReferrals(patientId: string): Promise<{ referrals: ReferralSnapshot[]; sex?: string }>;
  /**
   * Everything figures count in one scope: its referrals' records, and the consent state of their patients. A
   * nightly, table-wide read (see use-cases/reconcile-scope-month.ts).
   */
  scopeRecords(scope: Scope): Promise<ScopeRecords>;
}

export interface ScopeRecords {
  records: ReferralRecord[];
  patients: (PatientConsentSnapshot & { sex?: string })[];
}

/** Organisations, for scope checks and labels. */
export interface OrganisationDirectory {
  getOrganisation(
    organisationId: string,
  ): Promise<{ organisationId: string; kind: string; name: string; icbId: string; pcnId?: string } | undefined>;
}
