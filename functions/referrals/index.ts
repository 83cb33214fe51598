/**
 * The referrals context's front door (patients, referrals, caseloads, erasure). Other contexts and the GraphQL layer
 * import from here only. Every use case is `useCase(deps, principal, input)` and enforces the caller's scope itself;
 * other contexts read care records through `CareRecordReader` and change them only by publishing care events.
 */

export { CARE_ROLES, canAccessPatient, type ReferralDeps } from './access';
export {
  DynamoDbReferralFigureRecords,
  type FigureScopeFilter,
  type PatientFigureView,
  type ReferralEventFigureView,
  type ReferralFigureView,
} from './adapters/dynamodb-figure-records';
export type { CareRecordReader, PatientContact, ReferralSummary, UnacknowledgedConcern } from './care-record';
export { createReferralsContext, type ReferralsContext } from './context';
export { patientDisplayName } from './display-name';
export type { Concern, ConcernText } from './entities/concern';
export type { Patient } from './entities/patient';
export type { ActiveActivityNames, LatestOutcomes, Referral } from './entities/referral';
export type { ReferralEvent } from './entities/referral-event';
export type { Goal, WhatMattersNote } from './entities/what-matters';
export type {
  CareRecordStore,
  CaseloadQuery,
  CaseloadSort,
  Page,
  ReferralRecord,
  ReferralRepository,
  StaffDirectory,
} from './ports';
export { CASELOAD_SORTS } from './ports';
export {
  CONTACT_STATUSES,
  isLegalTransition,
  REFERRAL_TRANSITIONS,
  TERMINAL_STATUSES,
} from './transitions';
export { type AssignReferralInput, assignReferral } from './use-cases/assign-referral';
export {
  acknowledgeConcern,
  type ListOpenConcernsInput,
  listOpenConcerns,
  listReferralConcerns,
  type ResolveConcernInput,
  resolveConcern,
} from './use-cases/concerns';
export {
  type CreateReferralInput,
  type CreateReferralResult,
  createReferral,
  type NewPatientInput,
  NOTE_MAX,
} from './use-cases/create-referral';
export { ERASURE_ROLES, type ErasePatientResult, erasePatient } from './use-cases/erase-patient';
export {
  type FindPatientsInput,
  findPatientByNhsNumber,
  findPatientsByNameAndBirthDate,
} from './use-cases/find-patients';
export {
  CASELOAD_DEFAULT_PAGE,
  CASELOAD_MAX_PAGE,
  type GetCaseloadInput,
  getCaseload,
} from './use-cases/get-caseload';
export { MOVE_PATIENT_ROLES, type MovePatientInput, movePatient } from './use-cases/move-patient';
export { setSmsConsent, type UpdatePatientContactInput, updatePatientContact } from './use-cases/patient-contact';
export {
  getPatient,
  getPatientsByIds,
  getReferral,
  getReferralsByIds,
  getReferralsInScope,
  listPatientReferrals,
} from './use-cases/read-records';
export { type GoalInput, type RecordWhatMattersInput, recordWhatMatters } from './use-cases/record-what-matters';
export { type TransitionReferralInput, transitionReferral } from './use-cases/transition-referral';
export * from './vocabulary';
