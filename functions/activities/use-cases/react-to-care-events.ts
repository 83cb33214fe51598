import type { CareEventSubscriber } from '../../platform/care-event-bus';
import type { CareEvent, PatientErased } from '../../shared/care-events';
import { UnreachableCaseError } from '../../shared/errors';
import type { PrescribingDeps } from './deps';

type ReactionDeps = Pick<PrescribingDeps, 'prescriptions'>;

/** How the activities context reacts to other contexts' care events. */
export function activitiesCareEventSubscriber(deps: ReactionDeps): CareEventSubscriber {
  return { name: 'activities', react: (event) => react(deps, event) };
}

async function react(deps: ReactionDeps, event: CareEvent): Promise<void> {
  switch (event.type) {
    case 'PatientErased':
      return closeErasedPrescriptions(deps, event);
    case 'ReferralEnded':
    case 'SmsConsentWithdrawn':
    case 'SmsStopReceived':
    case 'SmsStartReceived':
    case 'ActivityPrescribed':
    case 'PrescriptionEnded':
    case 'FirstAttendanceRecorded':
    case 'NextCheckInChanged':
    case 'OutcomesMeasured':
    case 'ConcernRaised':
    case 'ActivityRenamed':
      return;
    default:
      throw new UnreachableCaseError(event);
  }
}

/**
 * Prescriptions and attendance hold no words of the person's, only which activity and when: they stay as the
 * anonymous skeleton figures count (engagement, activity categories), and are closed so nothing more is recorded.
 */
async function closeErasedPrescriptions(deps: ReactionDeps, event: PatientErased): Promise<void> {
  for (const referralId of event.referralIds) {
    for (const prescription of await deps.prescriptions.listForReferral(referralId)) {
      await deps.prescriptions.markErased(prescription, event.at);
    }
  }
}
