import { createWriteTransaction } from 'electrodb';
import type { DataStore } from '../../platform/dynamodb/client';
import { isConditionalCheckFailure } from '../../platform/dynamodb/errors';
import { entityConfig } from '../../platform/dynamodb/service';
import { referralEntity } from '../../referrals/entities/referral';
import { ConflictError } from '../../shared/errors';
import { type Attendance, attendanceEntity } from '../entities/attendance';
import { OPEN_PRESCRIPTION_STATUSES, type Prescription, prescriptionEntity } from '../entities/prescription';
import type { PrescriptionEnding, PrescriptionRepository, ReferralVersion } from '../ports';

/**
 * Prescriptions and attendance. Writes that touch the referral (its `activeActivityIds` String Set and `version`) go
 * through the referrals context's entity inside one ElectroDB transaction, so keys are never written by hand here.
 */
export class DynamoDbPrescriptionRepository implements PrescriptionRepository {
  private readonly entities;

  constructor(store: DataStore) {
    const config = entityConfig(store);
    this.entities = {
      referral: referralEntity(config),
      prescription: prescriptionEntity(config),
      attendance: attendanceEntity(config),
    };
  }

  async createForReferral(prescription: Prescription, referral: ReferralVersion): Promise<void> {
    const transaction = createWriteTransaction(this.entities, (entities) => [
      entities.prescription.create(prescription).commit(),
      entities.referral
        .update({ referralId: referral.referralId })
        .add({ activeActivityIds: [prescription.activityId], version: 1 })
        .set({ updatedAt: prescription.createdAt })
        .where(({ version }, { eq }) => eq(version, referral.version))
        .commit(),
    ]);
    await this.run(transaction, `Referral ${referral.referralId} changed meanwhile; reload and try again`);
  }

  async get(prescriptionId: string): Promise<Prescription | undefined> {
    // The index gives the referral id (never changes); the item itself is then read consistently from the table.
    const { data } = await this.entities.prescription.query.byPrescriptionId({ prescriptionId }).go();
    const found = data[0];
    if (!found) return undefined;
    const { data: current } = await this.entities.prescription
      .get({ referralId: found.referralId, prescriptionId })
      .go({ consistent: true });
    return current ?? undefined;
  }

  async listForActivity(activityId: string): Promise<Prescription[]> {
    const { data } = await this.entities.prescription.query.byActivity({ activityId }).go({ pages: 'all' });
    return data;
  }

  async end(prescription: Prescription, ending: PrescriptionEnding, referral: ReferralVersion): Promise<void> {
    const transaction = createWriteTransaction(this.entities, (entities) => [
      entities.prescription
        .patch({ referralId: prescription.referralId, prescriptionId: prescription.prescriptionId })
        .set({ status: ending.status, endedAt: ending.endedAt, endedBy: ending.endedBy, updatedAt: ending.endedAt })
        .add({ version: 1 })
        .where(({ version }, { eq }) => eq(version, prescription.version))
        .commit(),
      entities.referral
        .update({ referralId: referral.referralId })
        .delete({ activeActivityIds: [prescription.activityId] })
        .add({ version: 1 })
        .set({ updatedAt: ending.endedAt })
        .where(({ version }, { eq }) => eq(version, referral.version))
        .commit(),
    ]);
    await this.run(transaction, `Prescription ${prescription.prescriptionId} or its referral changed meanwhile`);
  }

  async recordAttendance(
    attendance: Attendance,
    start?: { prescription: Prescription; firstAttendedOn: string; updatedAt: string },
  ): Promise<void> {
    const key = { referralId: attendance.referralId, prescriptionId: attendance.prescriptionId };
    const transaction = createWriteTransaction(this.entities, (entities) => [
      entities.attendance.create(attendance).commit(),
      start
        ? entities.prescription
            .patch(key)
            .set({ status: 'STARTED', firstAttendedOn: start.firstAttendedOn, updatedAt: start.updatedAt })
            .add({ version: 1 })
            .where(({ version }, { eq }) => eq(version, start.prescription.version))
            .commit()
        : // Attendance is only kept for a prescription that is still open when it is written.
          entities.prescription
            .check(key)
            .where(({ status }, { eq }) => OPEN_PRESCRIPTION_STATUSES.map((open) => eq(status, open)).join(' OR '))
            .commit(),
    ]);
    await this.run(transaction, `Prescription ${attendance.prescriptionId} changed meanwhile; reload and try again`);
  }

  async listAttendance(prescriptionId: string): Promise<Attendance[]> {
    const { data } = await this.entities.attendance.query.byPrescription({ prescriptionId }).go({ pages: 'all' });
    return data;
  }

  private async run(transaction: { go(): Promise<{ canceled: boolean }> }, conflict: string): Promise<void> {
    let canceled: boolean;
    try {
      ({ canceled } = await transaction.go());
    } catch (error) {
      if (isConditionalCheckFailure(error)) throw new ConflictError(conflict, { cause: error });
      throw error;
    }
    if (canceled) throw new ConflictError(conflict);
  }
}
