import { ALL_INDEXES, type TableAccess } from './table-access';

/** The Lambda functions the stateless stack deploys. */
export const FUNCTION_KEYS = ['graphql', 'dispatcher', 'inboundSms', 'smsDelivery', 'foldStream', 'reconcile'] as const;
export type FunctionKey = (typeof FUNCTION_KEYS)[number];

/** Handler files, relative to the repository root; each must `export const handler`. Tests point them at a fixture. */
export const FUNCTION_ENTRIES: Record<FunctionKey, string> = {
  graphql: 'functions/graphql/handler.ts',
  dispatcher: 'functions/checkins/handlers/dispatcher.ts',
  inboundSms: 'functions/checkins/handlers/inbound-sms.ts',
  smsDelivery: 'functions/checkins/handlers/sms-delivery.ts',
  foldStream: 'functions/outcomes/handlers/fold-stream.ts',
  reconcile: 'functions/outcomes/handlers/reconcile.ts',
};

/**
 * What each function may do to the table. Indexes follow the access patterns in docs/data-model.md; a use case that
 * starts querying another index needs its index added here, or it gets AccessDenied.
 */
export const TABLE_ACCESS: Record<FunctionKey, TableAccess> = {
  // Every access pattern is reachable from some query or mutation.
  graphql: { write: true, indexes: ALL_INDEXES },
  // Due check-ins (gsi4, #13); after a send, the patient's next check-in (gsi3, #12). Claims on the base table.
  dispatcher: { write: true, indexes: ['gsi4', 'gsi3'] },
  // Patient by mobile (gsi5, #7), then the patient's open check-in (gsi3, #12); receipts on the base table.
  inboundSms: { write: true, indexes: ['gsi5', 'gsi3'] },
  // A text by its provider id, its check-in (base table); after a failed first text, the patient's next check-in (gsi3).
  smsDelivery: { write: true, indexes: ['gsi3'] },
  // A changed record's patient's referrals and check-ins (gsi3, #12); aggregates and fold receipts (#20, #21).
  foldStream: { write: true, indexes: ['gsi3'] },
  // Rebuilds a scope-month from scans of the base table, plus the same patient lookups as folding (gsi3, #12).
  reconcile: { write: true, indexes: ['gsi3'] },
};
