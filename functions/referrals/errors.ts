import { ForbiddenError } from '../shared/errors';

/** Raised by the repository when a new patient's NHS number is already claimed; `createReferral` then reuses it. */
export class NhsNumberClaimedError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('NHS number already belongs to a patient', options);
    this.name = 'NhsNumberClaimedError';
  }
}

/**
 * Raised by the repository when the patient changed between the caller's read and its write in a way the write
 * depends on (a referral added, or the name a new referral copies changed): the caller reads again and retries.
 */
export class PatientChangedError extends Error {
  constructor() {
    super('The patient changed while this change was being made');
    this.name = 'PatientChangedError';
  }
}

/**
 * The NHS number given for a new patient belongs to a patient registered outside the caller's scope. Nothing of that
 * patient is returned or changed: the caller learns only that the number is taken elsewhere (uniqueness makes that
 * unavoidable), and an administrator can move the patient (`movePatient`) if they really have moved practice.
 */
export class PatientRegisteredElsewhereError extends ForbiddenError {
  constructor(field = 'newPatient.nhsNumber') {
    super(
      'A patient with this NHS number is registered at a practice outside your scope. If they have moved, ask an administrator to move them (movePatient).',
      field,
    );
  }
}
