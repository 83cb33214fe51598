import type { DataStore } from '../../platform/dynamodb/client';
import { isConditionalCheckFailure } from '../../platform/dynamodb/errors';
import { entityConfig } from '../../platform/dynamodb/service';
import { type Patient, patientEntity } from '../../referrals/entities/patient';
import { type LatestOutcomes, type Referral, referralEntity } from '../../referrals/entities/referral';
import { NO_DATE_SORT } from '../../referrals/vocabulary';
import type { CareRecordPort, LatestOutcomeValue, NextCheckIn, PatientContact, ReferralSummary } from '../ports';

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
  };
}

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
    const unique = [...new Set(patientIds)];
    if (unique.length === 0) return [];
    const { data } = await this.patients.get(unique.map((patientId) => ({ patientId }))).go();
    return data.map(toContact);
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

  setNextCheckIn(referralId: string, next: NextCheckIn | undefined, at: string): Promise<void> {
    return this.change(referralId, (referral) => {
      if (referral.nextCheckInId === next?.checkInId && referral.nextCheckInAt === next?.at) return undefined;
      return next
        ? { set: { nextCheckInAt: next.at, nextCheckInId: next.checkInId, nextCheckInSort: next.at, updatedAt: at } }
        : {
            set: { nextCheckInSort: NO_DATE_SORT, updatedAt: at },
            remove: ['nextCheckInAt', 'nextCheckInId'] as const,
          };
    });
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
  private async change(
    referralId: string,
    decide: (
      referral: Referral,
    ) => { set: Partial<Referral>; remove?: readonly ('nextCheckInAt' | 'nextCheckInId')[] } | undefined,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const { data: referral } = await this.referrals.get({ referralId }).go({ consistent: true });
      if (!referral) return;
      const change = decide(referral);
      if (!change) return;
      try {
        const base = this.referrals
          .patch({ referralId })
          .set(change.set)
          .add({ version: 1 })
          .composite({ caseState: referral.caseState });
        const withRemove = change.remove?.length ? base.remove([...change.remove]) : base;
        await withRemove.where((attr, op) => op.eq(attr.version, referral.version)).go();
        return;
      } catch (error) {
        if (!isConditionalCheckFailure(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}
