import { Entity, type EntityItem } from 'electrodb';
import { type EntityConfig, SERVICE } from '../../platform/dynamodb/service';

/** The usage key of texts that belong to no referral (a STOP confirmation to a patient with none open). */
export const NO_REFERRAL = 'none';

/**
 * How many SMS segments (and texts) one patient has been sent about one referral: added to in the same transaction
 * that records each outgoing text in its thread, so the count is exactly the texts on record. The dispatcher reads it
 * before every routine text (a question, a reminder, a re-ask) and sends none past the cap (DispatchPolicy.segmentCap);
 * safety texts (signposting, STOP and START confirmations, HELP) always go, and count. Ids and numbers only.
 */
export function smsUsageEntity(config: EntityConfig) {
  return new Entity(
    {
      model: { entity: 'smsUsage', version: '1', service: SERVICE },
      attributes: {
        patientId: { type: 'string', required: true, readOnly: true },
        /** The referral the texts were about, or `none`. */
        referralId: { type: 'string', required: true, readOnly: true },
        segments: { type: 'number', required: true, default: 0 },
        texts: { type: 'number', required: true, default: 0 },
        updatedAt: { type: 'string' },
      },
      indexes: {
        /** "How many segments has this patient had, per referral?" In the patient's own partition. */
        byPatient: {
          pk: { field: 'pk', composite: ['patientId'] },
          sk: { field: 'sk', composite: ['referralId'] },
        },
      },
    },
    config,
  );
}

export type SmsUsageEntity = ReturnType<typeof smsUsageEntity>;
export type SmsUsage = EntityItem<SmsUsageEntity>;
