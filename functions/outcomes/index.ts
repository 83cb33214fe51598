/**
 * The outcomes context's front door: commissioners' disclosure-controlled figures, folded from the table's stream,
 * their release calendar and their nightly reconciliation. Other contexts, handlers and the GraphQL layer import
 * from here only.
 */
export { DynamoDbAggregateStore } from './adapters/dynamodb-aggregate-store';
export { outcomeFoldDeps } from './deps';
export { startStreamPoller } from './local-stream-poller';
export { PERIOD_KINDS, type PeriodKind } from './periods';
export type { AggregateStore, OrganisationDirectory } from './ports';
export type { OutcomeRow } from './release';
export type { FoldDeps } from './use-cases/fold-stream-records';
export {
  type OutcomeFiguresDeps,
  type OutcomeSummaryInput,
  outcomeSummary,
  outcomeSummaryCsv,
  type ReleasedPeriod,
} from './use-cases/outcome-summary';
export { type ReferralActivityInput, referralActivity } from './use-cases/referral-activity';
export {
  MAX_RELEASED_PERIODS,
  type ReleasedOutcomePeriodsInput,
  releasedOutcomePeriods,
} from './use-cases/released-outcome-periods';
export { ORGANISATION_DIMENSIONS } from './vocabulary';
