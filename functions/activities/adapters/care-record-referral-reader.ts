import type { CareRecordReader } from '../../referrals';
import type { ReferralForPrescribing, ReferralReader } from '../ports';

/** Prescribing's view of a referral, read through the referrals context's front door (a consistent read). */
export class CareRecordReferralReader implements ReferralReader {
  constructor(private readonly careRecords: Pick<CareRecordReader, 'getReferral'>) {}

  async getReferralForPrescribing(referralId: string): Promise<ReferralForPrescribing | undefined> {
    const referral = await this.careRecords.getReferral(referralId, { consistent: true });
    if (!referral) return undefined;
    return {
      referralId: referral.referralId,
      patientId: referral.patientId,
      icbId: referral.icbId,
      pcnId: referral.pcnId,
      practiceId: referral.practiceId,
      linkWorkerId: referral.linkWorkerId,
      status: referral.status,
      version: referral.seen.version,
      erased: referral.erased,
      activeActivityIds: referral.activeActivityIds,
    };
  }
}
