import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

/**
 * A DynamoDB stream record as both Lambda (aws-lambda's DynamoDBRecord) and the Streams API (GetRecords) deliver it:
 * images in DynamoDB JSON.
 */
export interface StreamRecordInput {
  eventID?: string;
  eventName?: string;
  dynamodb?: {
    SequenceNumber?: string;
    NewImage?: Record<string, unknown>;
    OldImage?: Record<string, unknown>;
  };
}

/** What a change means for figures: which records to derive facts from again. Images only say *which*. */
export type StreamTrigger =
  /** Re-derive this referral's facts (and its patient's) from the current records. */
  | { kind: 'REFERRAL'; referralId: string }
  /** A patient's consent or a grouping attribute (sex, ethnicity) changed: re-derive all their facts. */
  | { kind: 'PATIENT'; patientId: string }
  | { kind: 'IGNORED' };

/** Entities whose changes can change a fact of their referral. */
const REFERRAL_ENTITIES = new Set(['referral', 'referralEvent', 'prescription', 'attendance', 'outcome', 'checkIn']);
/** Patient attributes figures read. */
const PATIENT_ATTRIBUTES = ['smsConsent', 'smsConsentChangedAt', 'sex', 'ethnicity'];

function image(raw: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  return raw ? unmarshall(raw as Record<string, AttributeValue>) : undefined;
}

/**
 * Classifies a stream record. Aggregate and receipt items (our own writes) and every entity figures do not count
 * are ignored, so folding never feeds on itself.
 */
export function triggerOf(record: StreamRecordInput): StreamTrigger {
  const after = image(record.dynamodb?.NewImage);
  const before = image(record.dynamodb?.OldImage);
  const item = after ?? before;
  const entity = item?.__edb_e__;
  if (typeof entity !== 'string') return { kind: 'IGNORED' };
  if (REFERRAL_ENTITIES.has(entity) && typeof item!.referralId === 'string') {
    return { kind: 'REFERRAL', referralId: item!.referralId };
  }
  if (entity === 'patient' && typeof item!.patientId === 'string') {
    const changed = PATIENT_ATTRIBUTES.some((name) => before?.[name] !== after?.[name]);
    if (changed) return { kind: 'PATIENT', patientId: item!.patientId };
  }
  return { kind: 'IGNORED' };
}
