import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';

export const ATTENDANCE_STATUSES = ['ATTENDED', 'MISSED', 'CANCELLED'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/**
 * One session of a prescribed activity: did the person come? Recorded by their link worker or by the provider who
 * runs the activity. Carries ids only, no clinical data, so providers may read it for their own activities.
 */
export function attendanceEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'attendance', version: '1', service: SERVICE },
      attributes: {
        attendanceId: { type: 'string', required: true, readOnly: true },
        prescriptionId: { type: 'string', required: true, readOnly: true },
        referralId: { type: 'string', required: true, readOnly: true },
        activityId: { type: 'string', required: true, readOnly: true },
        providerOrganisationId: { type: 'string', required: true, readOnly: true },
        /** YYYY-MM-DD. */
        sessionDate: { type: 'string', required: true, readOnly: true },
        status: { type: ATTENDANCE_STATUSES, required: true },
        recordedBy: { type: 'string', required: true },
        recordedAt: { type: 'string', required: true },
      },
      indexes: {
        /** Attendance of a prescription in session order (access pattern 19). */
        byPrescription: {
          pk: { field: 'pk', composite: ['prescriptionId'] },
          sk: { field: 'sk', composite: ['sessionDate', 'attendanceId'] },
        },
      },
    },
    config,
  );
}

export type AttendanceEntity = ReturnType<typeof attendanceEntity>;
export type Attendance = EntityItem<AttendanceEntity>;
