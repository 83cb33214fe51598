import { batchGetAll } from '../../platform/dynamodb/batch-get';
import type { DataStore } from '../../platform/dynamodb/client';
import { isConditionalCheckFailure } from '../../platform/dynamodb/errors';
import { entityConfig } from '../../platform/dynamodb/service';
import { type Patient, patientEntity } from '../../referrals/entities/patient';
import { type LatestOutcomes, type Referral, referralEntity } from '../../referrals/entities/referral';
import { NO_DATE_SORT } from '../../referrals/vocabulary';
import type {
  CareRecordPort,
  LatestOutcomeValue,
  NextCheckIn,
  PatientContact,
  ReferralSummary,
  ReferralVersion,
} from '../ports';

const MAX_ATTEMPTS = 5;

function toContact(patient: Patient): PatientContact {
  return {
    patientId: patient.patientId,
    mobile: patient.mobile,
    smsConsent: patient.smsConsent,
    pcnId: patient.pcnId,
    erased: Boolean(patient.erasedAt),
  };
}

function toSummary(referral: Referral): ReferralSummary {
  return {
    referralId: referral.referralId,
    patientId: referral.patientId,
    icbId: referral.icbId,
    pcnId: referral.pcnId,
    practiceId: referral.practiceId,
    linkWorkerId: referral.linkWorkerId,
    open: referral.caseState === 'OPEN',
    receivedAt: referral.receivedAt,
    seen: versionOf(referral),
  };
}

function versionOf(referral: Referral): ReferralVersion {
  return {
    version: referral.version,
    caseState: referral.caseState,
    ...(referral.nextCheckInId && referral.nextCheckInAt
      ? { nextCheckIn: { checkInId: referral.nextCheckInId, at: referral.nextCheckInAt } }
      : {}),
  };
}

type ReferralChange = { set: Partial<Referral>; remove?: readonly ('nextCheckInAt' | 'nextCheckInId')[] };

/**
 * The check-ins context's window onto the referrals context's patient and referral items. Every referral change is
 * conditional on the referral's `version` and bumps it (the referrals context's optimistic lock), retried on a clash.
 */
export class DynamoDbCareRecordAdapter implements CareRecordPort {
  private readonly patients;
  private readonly referrals;

  constructor(store: DataStore) {
    const config = entityConfig(store);
    this.patients = patientEntity(config);
    this.referrals = referralEntity(config);
  }

  async getPatient(patientId: string): Promise<PatientContact | undefined> {
    const { data } = await this.patients.get({ patientId }).go();
    return data ? toContact(data) : undefined;
  }

  async getPatients(patientIds: readonly string[]): Promise<PatientContact[]> {
    const found = await batchGetAll(
      patientIds,
      (ids) => this.patients.get(ids.map((patientId) => ({ patientId }))).go(),
      (item) => item.patientId,
      (key) => key.patientId,
    );
    return [...found.values()].map(toContact);
  }

  async findPatientByMobile(mobile: string): Promise<PatientContact | undefined> {
    const { data } = await this.patients.query.byMobile({ mobile }).go();
    const live = data.filter((patient) => !patient.erasedAt);
    return live.length > 0 ? toContact(live[0]) : undefined;
  }

  async setSmsConsent(patientId: string, consent: 'OPTED_OUT' | 'GIVEN', at: string): Promise<void> {
    await this.patients.patch({ patientId }).set({ smsConsent: consent, smsConsentChangedAt: at, updatedAt: at }).go();
  }

  async getReferral(referralId: string): Promise<ReferralSummary | undefined> {
    const { data } = await this.referrals.get({ referralId }).go();
    return data ? toSummary(data) : undefined;
  }

  async listReferralsOfPatient(patientId: string): Promise<ReferralSummary[]> {
    const { data } = await this.referrals.query.byPatient({ patientId }).go({ pages: 'all' });
    return data.map(toSummary);
  }

  async setNextCheckIn(
    referralId: string,
    next: NextCheckIn | undefined,
    at: string,
    seen?: ReferralVersion,
  ): Promise<void> {
    const seenChange = seen && nextCheckInChange(seen.nextCheckIn, next, at);
    if (seen && seenChange) {
      try {
        return await this.write(referralId, seen, seenChange);
      } catch (error) {
        // `seen` was stale: someone changed the referral since it was read. Decide again on a fresh read.
        if (!isConditionalCheckFailure(error)) throw error;
      }
    }
    return this.change(referralId, (referral) => nextCheckInChange(versionOf(referral).nextCheckIn, next, at));
  }

  mergeLatestOutcomes(referralId: string, outcomes: Record<string, LatestOutcomeValue>, at: string): Promise<void> {
    return this.change(referralId, (referral) => {
      const merged: LatestOutcomes = { ...(referral.latestOutcomes ?? {}) };
      let changed = false;
      for (const [key, value] of Object.entries(outcomes)) {
        const current = merged[key];
        if (!current || current.measuredAt <= value.measuredAt) {
          merged[key] = value;
          changed = true;
        }
      }
      return changed ? { set: { latestOutcomes: merged, updatedAt: at } } : undefined;
    });
  }

  raiseConcern(referralId: string, at: string): Promise<void> {
    return this.change(referralId, (referral) =>
      referral.concernOpen ? undefined : { set: { concernOpen: true, concernRaisedAt: at, updatedAt: at } },
    );
  }

  /** Read, decide, write conditional on the version read; retried when another writer got in between. */
  private async change(referralId: string, decide: (referral: Referral) => ReferralChange | undefined): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const { data: referral } = await this.referrals.get({ referralId }).go({ consistent: true });
      if (!referral) return;
      const change = decide(referral);
      if (!change) return;
      try {
        return await this.write(referralId, referral, change);
      } catch (error) {
        if (!isConditionalCheckFailure(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** One write of `change`, conditional on the referral still being at the version `read` saw. */
  private async write(
    referralId: string,
    read: Pick<ReferralVersion, 'version' | 'caseState'>,
    change: ReferralChange,
  ): Promise<void> {
    const base = this.referrals
      .patch({ referralId })
      .set(change.set)
      .add({ version: 1 })
      .composite({ caseState: read.caseState });
    const withRemove = change.remove?.length ? base.remove([...change.remove]) : base;
    await withRemove.where((attr, op) => op.eq(attr.version, read.version)).go();
  }
}

function nextCheckInChange(
  current: NextCheckIn | undefined,
  next: NextCheckIn | undefined,
  at: string,
): ReferralChange | undefined {
  if (current?.checkInId === next?.checkInId && current?.at === next?.at) return undefined;
  return next
    ? { set: { nextCheckInAt: next.at, nextCheckInId: next.checkInId, nextCheckInSort: next.at, updatedAt: at } }
    : { set: { nextCheckInSort: NO_DATE_SORT, updatedAt: at }, remove: ['nextCheckInAt', 'nextCheckInId'] };
}
