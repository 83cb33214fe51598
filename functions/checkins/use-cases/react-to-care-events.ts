import type { CareEventSubscriber } from '../../platform/care-event-bus';
import type { CareEvent, PatientErased } from '../../shared/care-events';
import { UnreachableCaseError } from '../../shared/errors';
import { OUTBOX_THREAD, patientThreadId } from '../entities/sms-message';
import type { CheckInPlan } from '../policy';
import type { CheckInDeps } from '../ports';
import {
  cancelOpenCheckInsForPatient,
  cancelOpenCheckInsForReferral,
  onActivityPrescribed,
  onAttendanceRecorded,
  type ScheduleDeps,
} from './schedule-check-in';

export type ReactionDeps = ScheduleDeps & Pick<CheckInDeps, 'outcomes' | 'inbox'>;

/**
 * How the follow-up engine reacts to other contexts' care events: a prescription schedules the baseline check-in, a
 * first attended session the follow-ups; an ended referral, a refused or withdrawn consent (a STOP text included)
 * closes what was waiting to be sent, so no text goes about it.
 */
export function checkInsCareEventSubscriber(deps: ReactionDeps, plan?: CheckInPlan): CareEventSubscriber {
  return { name: 'checkins', react: (event) => react(deps, event, plan) };
}

async function react(deps: ReactionDeps, event: CareEvent, plan: CheckInPlan | undefined): Promise<void> {
  switch (event.type) {
    case 'ActivityPrescribed':
      await onActivityPrescribed(deps, event, plan);
      return;
    case 'FirstAttendanceRecorded':
      await onAttendanceRecorded(deps, { ...event, firstAttendance: true }, plan);
      return;
    case 'ReferralEnded':
      await cancelOpenCheckInsForReferral(deps, { ...event, reason: `REFERRAL_${event.status}` });
      return;
    case 'SmsConsentWithdrawn':
      await cancelOpenCheckInsForPatient(deps, {
        patientId: event.patientId,
        reason: event.consent === 'OPTED_OUT' ? 'OPTED_OUT' : 'CONSENT_REFUSED',
      });
      return;
    case 'PatientErased':
      return eraseTexts(deps, event);
    case 'SmsStopReceived':
    case 'SmsStartReceived':
    case 'PrescriptionEnded':
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
 * The patient's data was erased: nothing more is sent (every open check-in is cancelled), the words of every text
 * in and out are removed from their threads and the local outbox's copies, the patient's inbox texts and the
 * inbound receipts go. Kept:
 * each text's kind, direction and time, and the outcome values, which identify nobody.
 */
export async function eraseTexts(deps: ReactionDeps, event: PatientErased): Promise<void> {
  await cancelOpenCheckInsForPatient(deps, { patientId: event.patientId, reason: 'PATIENT_ERASED' });
  const threads = [
    ...(await deps.checkIns.listByPatient(event.patientId)).map((checkIn) => checkIn.checkInId),
    patientThreadId(event.patientId),
  ];
  const inbound: string[] = [];
  for (const thread of threads) inbound.push(...(await deps.checkIns.eraseThread(thread, event.at)));
  await deps.checkIns.eraseThread(OUTBOX_THREAD, event.at, event.patientId);
  await deps.inbox.eraseForPatient(event.patientId);
  await deps.checkIns.deleteInboundReceipts(inbound);
}
