/*
 * The activities context's front door: the community activities directory, activity prescriptions and attendance.
 * The GraphQL layer and other contexts import from here only.
 */

export {
  type AttendanceFigureView,
  DynamoDbActivityFigureRecords,
  type PrescriptionFigureView,
} from './adapters/dynamodb-figure-records';
export { type ActivitiesContext, createActivitiesContext } from './context';
export {
  ACTIVITY_CATEGORIES,
  ACTIVITY_STATUSES,
  type Activity,
  type ActivityCategory,
  type ActivityStatus,
  COST_KINDS,
  type CostKind,
} from './entities/activity';
export { ATTENDANCE_STATUSES, type Attendance, type AttendanceStatus } from './entities/attendance';
export {
  OPEN_PRESCRIPTION_STATUSES,
  PRESCRIPTION_STATUSES,
  type Prescription,
  type PrescriptionStatus,
} from './entities/prescription';
export { canManageActivity, canReadActivity, isActivityProvider } from './policy';
export type {
  ActivityRepository,
  OrganisationDirectory,
  PrescriptionRepository,
  ReferralForPrescribing,
  ReferralReader,
} from './ports';
export { type ActivityDetailsInput, type CreateActivityInput, createActivity } from './use-cases/create-activity';
export type { ActivityDeps, PrescribingDeps } from './use-cases/deps';
export { type EndPrescriptionInput, endPrescription } from './use-cases/end-prescription';
export {
  PRESCRIBABLE_REFERRAL_STATUSES,
  type PrescribeActivityInput,
  prescribeActivity,
} from './use-cases/prescribe-activity';
export {
  type ActivityConnection,
  type ActivityFilter,
  DEFAULT_PAGE_SIZE,
  getActivitiesByIds,
  getActivity,
  type ListActivitiesInput,
  listActivities,
  MAX_PAGE_SIZE,
} from './use-cases/read-activities';
export {
  type ActivityPrescriptions,
  listAttendance,
  listPrescriptionsForActivity,
  type ProviderPrescriptionView,
} from './use-cases/read-prescriptions';
export {
  type AttendanceView,
  type RecordAttendanceInput,
  type RecordAttendanceResult,
  recordAttendance,
} from './use-cases/record-attendance';
export {
  type ActivityChanges,
  archiveActivity,
  type UpdateActivityInput,
  unarchiveActivity,
  updateActivity,
} from './use-cases/update-activity';
export { type ActivityContact, type ActivityCost, type ActivityDetails, normalisePostcode } from './validation';
