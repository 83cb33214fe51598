import type { DataStore } from '../../platform/dynamodb/client';
import { entityConfig } from '../../platform/dynamodb/service';
import { referralEntity } from '../../referrals/entities/referral';
import type { ReferralForPrescribing, ReferralReader } from '../ports';

/** Reads the few referral fields prescribing needs, through the referrals context's entity (consistent read). */
export class DynamoDbReferralReader implements ReferralReader {
  private readonly referrals;

  constructor(store: DataStore) {
    this.referrals = referralEntity(entityConfig(store));
  }

  async getReferralForPrescribing(referralId: string): Promise<ReferralForPrescribing | undefined> {
    const { data } = await this.referrals.get({ referralId }).go({ consistent: true });
    if (!data) return undefined;
    return {
      referralId: data.referralId,
      patientId: data.patientId,
      icbId: data.icbId,
      pcnId: data.pcnId,
      practiceId: data.practiceId,
      linkWorkerId: data.linkWorkerId,
      status: data.status,
      version: data.version,
      activeActivityIds: [...(data.activeActivityIds ?? [])],
    };
  }
}
