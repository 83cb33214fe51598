import type { AggregateDelta } from './aggregation';
import type { Counters, PatientSnapshot, ReferralRecord, ReferralSnapshot } from './facts';
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
  period: string;
  group: string;
  /** As stored: revisions' counters under `<name>@<YYYY-MM>`. */
  counters: Counters;
}

/** One fact slot's receipt moving from the content read (`from`; undefined: no receipt yet) to `to`. */
export interface ReceiptChange {
  factId: string;
  from: string | undefined;
  to: string;
}

export type FoldWriteResult =
  | { status: 'FOLDED' }
  /** Some receipt was not as read (someone else folded meanwhile): nothing was written. */
  | { status: 'CANCELLED'; conflicted: readonly string[] };

/**
 * Counters one aggregate item may take in one write: DynamoDB caps an update expression at 4 KB, and a transaction
 * may not update one item twice, so folding packs no more than this per item per transaction.
 */
export const MAX_COUNTERS_PER_UPDATE = 300;

/** The aggregate and receipt items (access patterns 20 and 21). */
export interface AggregateStore {
  /** The content of each slot among `factIds` that has a receipt. */
  receiptContents(factIds: readonly string[]): Promise<Map<string, string>>;
  /** In one transaction: each receipt change (conditional on the content read) and an ADD per aggregate item. */
  applyChanges(
    changes: readonly ReceiptChange[],
    deltas: readonly AggregateDelta[],
    at: string,
  ): Promise<FoldWriteResult>;
  /**
   * One breakdown of one scope: the items of one period (`first` = `last`), or of every month from `first` to `last`.
   */
  readAggregates(
    scope: Scope,
    dimension: Dimension,
    first: string,
    last: string,
    meter?: ReadMeter,
  ): Promise<StoredAggregate[]>;
  /** Adds counters to items outside any transaction (reconciliation's repair). */
  addToAggregates(deltas: readonly AggregateDelta[], at: string): Promise<void>;
  /** Overwrites receipts (reconciliation's repair: the receipts say what the repaired items count). */
  putReceipts(receipts: readonly { factId: string; content: string }[], at: string): Promise<void>;
}

/** The raw records facts are derived from. */
export interface FactSource {
  /** One referral's records, with its patient's current attributes; undefined if it is gone. */
  referralRecord(referralId: string): Promise<ReferralRecord | undefined>;
  /** A patient's current attributes and consent, and all their referrals. */
  patientRecord(patientId: string): Promise<{ patient?: PatientSnapshot; referrals: ReferralSnapshot[] }>;
  /**
   * Everything figures count in one scope: its referrals' records, and their patients. A nightly, table-wide read
   * (see use-cases/reconcile-scope-month.ts).
   */
  scopeRecords(scope: Scope): Promise<ScopeRecords>;
}

export interface ScopeRecords {
  records: ReferralRecord[];
  patients: PatientSnapshot[];
}

export interface OrganisationInfo {
  organisationId: string;
  kind: string;
  name: string;
  /** ODS code (NHS Organisation Data Service), when registered. */
  odsCode?: string;
  icbId: string;
  pcnId?: string;
}

/** Organisations, for scope checks, the groups of organisation breakdowns, and labels. */
export interface OrganisationDirectory {
  getOrganisation(organisationId: string): Promise<OrganisationInfo | undefined>;
  listChildOrganisations(parentId: string): Promise<OrganisationInfo[]>;
}
