import { ConflictError, ForbiddenError } from '../shared/errors';

/** Raised by the repository when a new patient's NHS number is already claimed; `createReferral` then reuses it. */
export class NhsNumberClaimedError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('NHS number already belongs to a patient', options);
    this.name = 'NhsNumberClaimedError';
  }
}

/** Raised by the repository when another patient holds the SMS contact claim on a mobile; the use case explains. */
export class MobileClaimedError extends Error {
  constructor(readonly holderPatientId: string | undefined) {
    super('The mobile is another patient’s SMS contact');
    this.name = 'MobileClaimedError';
  }
}

/**
 * A mobile is the SMS contact of at most one patient with SMS consent. `field` names the input; `heldByPatientId`
 * names the patient who holds it only when the caller may see that patient, so they can resolve it there (withdraw
 * that patient's consent or change their mobile); otherwise the caller learns only that it is taken elsewhere, as for
 * an NHS number (uniqueness makes that unavoidable). Nothing is changed by the refused request.
 */
export class MobileInUseError extends ConflictError {
  constructor(field: string, heldByPatientId?: string) {
    super(
      heldByPatientId
        ? 'This mobile already gets check-in texts for another of your patients (heldByPatientId). Withdraw their SMS consent or change their mobile first, or record this person without SMS consent.'
        : 'This mobile already gets check-in texts for another patient. Record this person without SMS consent, or ask a coordinator or administrator who looks after the other patient to withdraw it there.',
      {
        field,
        details: { reason: 'MOBILE_IN_USE', ...(heldByPatientId ? { heldByPatientId } : {}) },
      },
    );
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
