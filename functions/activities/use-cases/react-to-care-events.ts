import type { CareEventSubscriber } from '../../platform/care-event-bus';
import type { CareEvent } from '../../shared/care-events';
import { UnreachableCaseError } from '../../shared/errors';

/** How the activities context reacts to other contexts' care events. */
export function activitiesCareEventSubscriber(): CareEventSubscriber {
  return { name: 'activities', react };
}

async function react(event: CareEvent): Promise<void> {
  switch (event.type) {
    case 'PatientErased':
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
      return;
    default:
      throw new UnreachableCaseError(event);
  }
}
