/** Raised by the repository when a new patient's NHS number is already claimed; `createReferral` then reuses it. */
export class NhsNumberClaimedError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('NHS number already belongs to a patient', options);
    this.name = 'NhsNumberClaimedError';
  }
}
