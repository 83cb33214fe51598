import type { CareEventSubscriber } from '../../platform/care-event-bus';
import type { TransactItem } from '../../platform/dynamodb/transactions';
import type { CareEvent } from '../../shared/care-events';
import { UnreachableCaseError } from '../../shared/errors';
import type { ReferralDeps } from '../access';
import { activateOnFirstAttendance } from './activate-on-first-attendance';
import { raiseConcern } from './concerns';

type ReactionDeps = Pick<ReferralDeps, 'careRecords' | 'events' | 'referrals' | 'concerns' | 'newId'>;

/**
 * How the referrals context keeps its own items in step with what happened elsewhere: the caseload row's next
 * check-in, latest answers, concern and prescribed activities (with their names), the patient's consent when they
 * text STOP or START, and the referral's status when the first attended session shows support is under way. This
 * context is the only writer of patients and referrals; other contexts only publish.
 */
export function referralsCareEventSubscriber(deps: ReactionDeps): CareEventSubscriber {
  return {
    name: 'referrals',
    writesFor: (event) => writesFor(deps, event),
    react: (event) => react(deps, event),
  };
}

function writesFor(deps: ReactionDeps, event: CareEvent): TransactItem[] {
  switch (event.type) {
    case 'ActivityPrescribed':
    case 'PrescriptionEnded':
      return [
        deps.careRecords.activeActivityAction({
          referralId: event.referralId,
          activityId: event.activityId,
          ...(event.type === 'ActivityPrescribed'
            ? { prescribed: { name: event.activityName, activityVersion: event.activityVersion } }
            : {}),
          expectedVersion: event.referralVersion,
          at: event.at,
        }),
      ];
    case 'OutcomesMeasured':
      return [deps.careRecords.latestOutcomesAction(event.referralId, event.values, event.at)];
    default:
      return [];
  }
}

async function react(deps: ReactionDeps, event: CareEvent): Promise<void> {
  switch (event.type) {
    case 'NextCheckInChanged':
      return deps.careRecords.setNextCheckIn(event.referralId, event.next, event.at, event.seen);
    case 'OutcomesMeasured':
      if (event.inPublisherTransaction) return;
      return deps.careRecords.mergeLatestOutcomes(event.referralId, event.values, event.at);
    case 'ConcernRaised':
      return raiseConcern(deps, event);
    case 'ActivityRenamed':
      for (const referralId of event.referralIds) {
        await deps.careRecords.renameActivity(referralId, event.activityId, event.name, event.activityVersion);
      }
      return;
    case 'SmsStopReceived':
      return recordStopByText(deps, event.patientId, event.at);
    case 'SmsStartReceived': {
      const patient = await deps.careRecords.getPatient(event.patientId);
      if (patient?.smsConsent === 'OPTED_OUT')
        await deps.careRecords.recordSmsConsent(event.patientId, 'GIVEN', event.at);
      return;
    }
    case 'FirstAttendanceRecorded':
      return activateOnFirstAttendance(deps, event);
    // Written in the publisher's transaction (writesFor), or not this context's to react to.
    case 'ActivityPrescribed':
    case 'PrescriptionEnded':
    case 'ReferralEnded':
    case 'SmsConsentWithdrawn':
    case 'PatientErased':
      return;
    default:
      throw new UnreachableCaseError(event);
  }
}

/**
 * STOP by text: the opt-out is recorded at once, then announced so every other context stops too. Announced even
 * when already on record, so a repeated STOP still sweeps anything scheduled since.
 */
async function recordStopByText(deps: ReactionDeps, patientId: string, at: string): Promise<void> {
  const patient = await deps.careRecords.getPatient(patientId);
  if (!patient) return;
  if (patient.smsConsent !== 'OPTED_OUT') await deps.careRecords.recordSmsConsent(patientId, 'OPTED_OUT', at);
  await deps.events.publish({ type: 'SmsConsentWithdrawn', patientId, consent: 'OPTED_OUT', at });
}
