/**
 * The check-ins context's front door: questionnaires, check-in scheduling, the dispatcher, inbound replies and
 * outcome measurements. Other contexts and the GraphQL layer import from here only.
 */

export {
  type CheckInFigureView,
  DynamoDbCheckInFigureRecords,
  type OutcomeFigureView,
} from './adapters/dynamodb-figure-records';
export { type CheckInApiDeps, type CheckInsContext, createCheckInsContext } from './context';
export {
  CHECK_IN_STATUSES,
  type CheckIn,
  type CheckInStatus,
  OPEN_STATUSES,
  WAVES,
  type Wave,
} from './entities/check-in';
export { INBOX_REASONS, INBOX_STATES, type InboxMessage, type InboxReason } from './entities/inbox-message';
export { OUTCOME_SOURCES, OUTCOME_WAVES, type Outcome, type OutcomeSource, type OutcomeWave } from './entities/outcome';
export { SMS_KINDS, type SmsKind, type SmsMessage } from './entities/sms-message';
export { MalformedInboundSmsError, SmsSendError } from './errors';
export { type CheckInPlan, DEFAULT_PLAN, type DispatchPolicy, defaultDispatchPolicy } from './policy';
export type { CheckInDeps, CheckInTelemetry, OutgoingSms, SmsSender } from './ports';
export { silentTelemetry } from './ports';
export {
  bandOf,
  DEFAULT_QUESTIONS,
  defaultCatalogue,
  type QuestionCatalogue,
  type QuestionDefinition,
  type QuestionKey,
  UCLA3_LONELY_CUT_OFF,
} from './questionnaires';
export { ALWAYS_OPEN, DEFAULT_SENDING_WINDOW, parseSendingWindow, type SendingWindow } from './sending-window';
export { type DispatchOptions, type DispatchReport, dispatchDueCheckIns } from './use-cases/dispatch-due-check-ins';
export { handleInboundSms, type InboundResult, type InboundSms } from './use-cases/handle-inbound-sms';
export { type ListInboxInput, listInbox, markInboxMessageHandled } from './use-cases/inbox';
export { type RecordOutcomeInput, recordOutcome } from './use-cases/record-outcome';
export { cancelCheckIn, scheduleCheckIn } from './use-cases/schedule-check-in';
