import type { AuditLog } from '../../audit';
import type { CareEventPublisher } from '../../platform/care-event-bus';
import type { Clock } from '../../shared/clock';
import type { IdGenerator } from '../../shared/ids';
import type { ActivityRepository, OrganisationDirectory, PrescriptionRepository, ReferralReader } from '../ports';

/** What the directory use cases need. */
export interface ActivityDeps {
  activities: ActivityRepository;
  organisations: OrganisationDirectory;
  clock: Clock;
  newId: IdGenerator;
}

/** What the prescribing and attendance use cases need. */
export interface PrescribingDeps {
  activities: ActivityRepository;
  prescriptions: PrescriptionRepository;
  referrals: ReferralReader;
  /** Every use case that touches a patient's prescriptions or attendance records who did it (ids only). */
  audit: AuditLog;
  /** Prescribing, ending and a first attendance are announced to the other contexts. */
  events: CareEventPublisher;
  clock: Clock;
  newId: IdGenerator;
}
