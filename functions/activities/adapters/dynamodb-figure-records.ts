import type { DataStore } from '../../platform/dynamodb/client';
import { queryPartitionProjected, type RawItem, scanProjected } from '../../platform/dynamodb/projected-reads';
import { entityConfig } from '../../platform/dynamodb/service';
import { activityEntity } from '../entities/activity';
import { attendanceEntity } from '../entities/attendance';
import { prescriptionEntity } from '../entities/prescription';

/*
 * The activities context's items as commissioners' figures need them (decision 0002), handed to the outcomes
 * context through this front door: a referral's prescriptions with their activity's category, and the attendance
 * register. Ids, dates, statuses and categories only (projected reads).
 */

export interface PrescriptionFigureView {
  referralId: string;
  prescriptionId: string;
  activityId: string;
  /** The activity's category in the directory; undefined if the activity is gone. */
  category?: string;
}

export interface AttendanceFigureView {
  referralId: string;
  attendanceId: string;
  prescriptionId: string;
  /** YYYY-MM-DD of the session. */
  sessionDate: string;
  status: string;
  /** When the entry was written (a register may be written late, and for earlier sessions). */
  recordedAt?: string;
}

const PRESCRIPTION_ATTRIBUTES = ['referralId', 'prescriptionId', 'activityId'];
const ATTENDANCE_ATTRIBUTES = ['referralId', 'attendanceId', 'prescriptionId', 'sessionDate', 'status', 'recordedAt'];

const pkOf = (params: unknown) => (params as { ExpressionAttributeValues: RawItem }).ExpressionAttributeValues[':pk'];

function prescriptionView(raw: RawItem): PrescriptionFigureView {
  return {
    referralId: raw.referralId as string,
    prescriptionId: raw.prescriptionId as string,
    activityId: raw.activityId as string,
  };
}

function attendanceView(raw: RawItem): AttendanceFigureView {
  return {
    referralId: raw.referralId as string,
    attendanceId: raw.attendanceId as string,
    prescriptionId: raw.prescriptionId as string,
    sessionDate: raw.sessionDate as string,
    status: raw.status as string,
    ...(typeof raw.recordedAt === 'string' ? { recordedAt: raw.recordedAt } : {}),
  };
}

export class DynamoDbActivityFigureRecords {
  private readonly prescriptions;
  private readonly attendance;
  private readonly activities;

  constructor(private readonly store: DataStore) {
    const config = entityConfig(store);
    this.prescriptions = prescriptionEntity(config);
    this.attendance = attendanceEntity(config);
    this.activities = activityEntity(config);
  }

  /**
   * A referral's prescriptions (one Query of its item collection) with their categories, and the attendance
   * register of each (one Query per prescription, access pattern 19), whatever order it was written in.
   */
  async ofReferral(
    referralId: string,
  ): Promise<{ prescriptions: PrescriptionFigureView[]; attendance: AttendanceFigureView[] }> {
    const pk = pkOf(this.prescriptions.query.byReferral({ referralId }).params()) as string;
    const prescriptions = (
      await queryPartitionProjected(this.store, pk, ['prescription'], PRESCRIPTION_ATTRIBUTES)
    ).map(prescriptionView);
    const [attendance] = await Promise.all([
      Promise.all(
        prescriptions.map((prescription) => {
          const register = pkOf(
            this.attendance.query.byPrescription({ prescriptionId: prescription.prescriptionId }).params(),
          ) as string;
          return queryPartitionProjected(this.store, register, ['attendance'], ATTENDANCE_ATTRIBUTES);
        }),
      ),
      this.addCategories(prescriptions),
    ]);
    return {
      prescriptions,
      attendance: attendance
        .flat()
        .filter((item) => item.referralId === referralId)
        .map(attendanceView),
    };
  }

  /** Every prescription and attendance entry of the given referrals: one scan of the table, for nightly jobs. */
  async ofReferrals(
    referralIds: ReadonlySet<string>,
  ): Promise<{ prescriptions: PrescriptionFigureView[]; attendance: AttendanceFigureView[] }> {
    const items = await scanProjected(
      this.store,
      ['prescription', 'attendance', 'activity'],
      [...new Set([...PRESCRIPTION_ATTRIBUTES, ...ATTENDANCE_ATTRIBUTES, 'category'])],
    );
    const categories = new Map<string, string>();
    for (const raw of items) {
      if (raw.__edb_e__ === 'activity') categories.set(raw.activityId as string, raw.category as string);
    }
    const mine = (raw: RawItem, entity: string) =>
      raw.__edb_e__ === entity && referralIds.has(raw.referralId as string);
    const prescriptions = items.filter((raw) => mine(raw, 'prescription')).map(prescriptionView);
    await this.addCategories(prescriptions, categories);
    return { prescriptions, attendance: items.filter((raw) => mine(raw, 'attendance')).map(attendanceView) };
  }

  private async addCategories(
    prescriptions: PrescriptionFigureView[],
    known = new Map<string, string>(),
  ): Promise<void> {
    const missing = [...new Set(prescriptions.map((p) => p.activityId))].filter((id) => !known.has(id));
    for (let i = 0; i < missing.length; i += 100) {
      const { data } = await this.activities
        .get(missing.slice(i, i + 100).map((activityId) => ({ activityId })))
        .go({ attributes: ['activityId', 'category'] });
      for (const activity of data) known.set(activity.activityId, activity.category);
    }
    for (const prescription of prescriptions) {
      const category = known.get(prescription.activityId);
      if (category !== undefined) prescription.category = category;
    }
  }
}
