import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { PatientConsentSnapshot } from './facts';

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

/** What a change means for figures. */
export type StreamTrigger =
  /** Re-derive this referral's facts from its current records. */
  | { kind: 'REFERRAL'; referralId: string }
  /** A patient's SMS consent changed: an opt-out began or ended. */
  | { kind: 'CONSENT'; patientId: string; before?: PatientConsentSnapshot; after?: PatientConsentSnapshot }
  | { kind: 'IGNORED' };

/** Entities whose changes can add a fact to their referral. */
const REFERRAL_ENTITIES = new Set(['referral', 'referralEvent', 'prescription', 'outcome', 'checkIn']);

function image(raw: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  return raw ? unmarshall(raw as Record<string, AttributeValue>) : undefined;
}

function consent(item: Record<string, unknown> | undefined): PatientConsentSnapshot | undefined {
  if (!item) return undefined;
  return {
    patientId: item.patientId as string,
    smsConsent: item.smsConsent as string | undefined,
    smsConsentChangedAt: item.smsConsentChangedAt as string | undefined,
  };
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
    const b = consent(before);
    const a = consent(after);
    const changed = b?.smsConsent !== a?.smsConsent || b?.smsConsentChangedAt !== a?.smsConsentChangedAt;
    if (changed && (b?.smsConsent === 'OPTED_OUT' || a?.smsConsent === 'OPTED_OUT')) {
      return { kind: 'CONSENT', patientId: item!.patientId, before: b, after: a };
    }
  }
  return { kind: 'IGNORED' };
}
