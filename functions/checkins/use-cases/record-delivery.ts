import type { CheckInDeps } from '../ports';
import { refreshNextCheckIn } from './next-check-in';

/**
 * One event from AWS End User Messaging SMS about a text we sent, as its configuration set's event destination
 * publishes it (only the fields we read; the phone numbers in it are never kept or logged).
 */
export interface DeliveryEvent {
  eventType: string;
  /** The MessageId SendTextMessage returned. */
  messageId: string;
  /** Milliseconds since the epoch. */
  eventTimestamp?: number;
  isFinal?: boolean;
}

/** Event types that say the text reached the phone. */
export const DELIVERED_EVENT_TYPES = ['TEXT_DELIVERED'] as const;
const DELIVERED = new Set<string>(DELIVERED_EVENT_TYPES);
/** Final event types that say it never will. */
export const FAILED_EVENT_TYPES = [
  'TEXT_INVALID',
  'TEXT_INVALID_MESSAGE',
  'TEXT_UNREACHABLE',
  'TEXT_CARRIER_UNREACHABLE',
  'TEXT_BLOCKED',
  'TEXT_CARRIER_BLOCKED',
  'TEXT_SPAM',
  'TEXT_UNKNOWN',
  'TEXT_TTL_EXPIRED',
] as const;
const FAILED = new Set<string>(FAILED_EVENT_TYPES);

export type DeliveryResult = 'delivered' | 'failed' | 'check-in-failed' | 'not-final' | 'already-settled';

/** A delivery event for a text we have no record of (yet): thrown so the invocation is retried, then dead-lettered. */
export class UnknownOutboundTextError extends Error {
  constructor() {
    super('No outbound text with this provider message id');
    this.name = 'UnknownOutboundTextError';
  }
}

/**
 * Primary course: a delivery event names one of our texts by the provider's message id; the text is marked DELIVERED
 * or FAILED once (a redelivered or late event changes nothing). When the first text of a check-in failed, nobody was
 * asked anything: the check-in is closed FAILED (DELIVERY_FAILED, needs review) instead of reminding a dead number
 * and closing as NO_RESPONSE, so a link worker sees a number to check, not a patient who never answers. Events that
 * are not final (pending, queued, accepted by the carrier) are ignored.
 */
export async function recordDelivery(
  deps: Pick<CheckInDeps, 'checkIns' | 'events' | 'clock' | 'telemetry'>,
  event: DeliveryEvent,
): Promise<DeliveryResult> {
  const delivered = DELIVERED.has(event.eventType);
  if (!delivered && !FAILED.has(event.eventType)) return 'not-final';
  const text = await deps.checkIns.getOutboundText(event.messageId);
  if (!text) throw new UnknownOutboundTextError();
  const at = new Date(event.eventTimestamp ?? deps.clock.now().getTime()).toISOString();
  const settled = await deps.checkIns.settleDelivery(text, {
    delivery: delivered ? 'DELIVERED' : 'FAILED',
    event: event.eventType,
    at,
  });
  if (!settled) return 'already-settled';
  deps.telemetry?.count(delivered ? 'SmsDelivered' : 'SmsDeliveryFailed');
  if (delivered) return 'delivered';
  if (!text.first || !(await deps.checkIns.markDeliveryFailed(text.checkInId, deps.clock.now().toISOString()))) {
    return 'failed';
  }
  const checkIn = await deps.checkIns.get(text.checkInId);
  if (checkIn) await refreshNextCheckIn(deps, checkIn);
  return 'check-in-failed';
}
