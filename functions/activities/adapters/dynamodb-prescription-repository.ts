import { createWriteTransaction } from 'electrodb';
import type { DataStore } from '../../platform/dynamodb/client';
import { isConditionalCheckFailure } from '../../platform/dynamodb/errors';
import { entityConfig } from '../../platform/dynamodb/service';
import { putAction, type TransactItem, transactWrite, updateAction } from '../../platform/dynamodb/transactions';
import { ConflictError } from '../../shared/errors';
import { type Attendance, attendanceEntity } from '../entities/attendance';
import { OPEN_PRESCRIPTION_STATUSES, type Prescription, prescriptionEntity } from '../entities/prescription';
import type { PrescriptionEnding, PrescriptionRepository } from '../ports';

/**
 * Prescriptions and attendance. A prescription's start and end also change the referral's caseload row: that write
 * is the referrals context's own (handed over as `alongside`, see platform/care-event-bus.ts) and commits in the same
 * transaction, so a caseload row never shows an activity that was not prescribed, or misses one that was.
 */
export class DynamoDbPrescriptionRepository implements PrescriptionRepository {
  private readonly entities;

  constructor(private readonly store: DataStore) {
    const config = entityConfig(store);
    this.entities = {
      prescription: prescriptionEntity(config),
      attendance: attendanceEntity(config),
    };
  }

  async create(prescription: Prescription, alongside: readonly TransactItem[]): Promise<void> {
    const outcome = await transactWrite(this.store, [
      putAction(this.entities.prescription.create(prescription).params()),
      ...alongside,
    ]);
    if (!outcome.committed) {
      throw new ConflictError(`Referral ${prescription.referralId} changed meanwhile; reload and try again`);
    }
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

  async end(prescription: Prescription, ending: PrescriptionEnding, alongside: readonly TransactItem[]): Promise<void> {
    const outcome = await transactWrite(this.store, [
      updateAction(
        this.entities.prescription
          .patch({ referralId: prescription.referralId, prescriptionId: prescription.prescriptionId })
          .set({ status: ending.status, endedAt: ending.endedAt, endedBy: ending.endedBy, updatedAt: ending.endedAt })
          .add({ version: 1 })
          .where(
            ({ version, erasedAt }, { eq, notExists }) =>
              `${eq(version, prescription.version)} AND ${notExists(erasedAt)}`,
          )
          .params(),
      ),
      ...alongside,
    ]);
    if (!outcome.committed) {
      throw new ConflictError(`Prescription ${prescription.prescriptionId} or its referral changed meanwhile`);
    }
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
            .where(
              ({ version, erasedAt }, { eq, notExists }) =>
                `${eq(version, start.prescription.version)} AND ${notExists(erasedAt)}`,
            )
            .commit()
        : // Attendance is only kept for a prescription that is still open when it is written.
          entities.prescription
            .check(key)
            .where(
              ({ status, erasedAt }, { eq, notExists }) =>
                `(${OPEN_PRESCRIPTION_STATUSES.map((open) => eq(status, open)).join(' OR ')}) AND ${notExists(erasedAt)}`,
            )
            .commit(),
    ]);
    await this.run(transaction, `Prescription ${attendance.prescriptionId} changed meanwhile; reload and try again`);
  }

  async listForReferral(referralId: string): Promise<Prescription[]> {
    const { data } = await this.entities.prescription.query.byReferral({ referralId }).go({ pages: 'all' });
    return data;
  }

  async markErased(prescription: Prescription, erasedAt: string): Promise<void> {
    if (prescription.erasedAt) return;
    // A prescription still open ends with the erasure (STOPPED, by nobody): nothing more is done for the person.
    const ending = OPEN_PRESCRIPTION_STATUSES.includes(prescription.status)
      ? { status: 'STOPPED' as const, endedAt: erasedAt }
      : {};
    await this.entities.prescription
      .patch({ referralId: prescription.referralId, prescriptionId: prescription.prescriptionId })
      .set({ erasedAt, updatedAt: erasedAt, ...ending })
      .add({ version: 1 })
      .go();
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
