import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { SNSEvent, SNSEventRecord } from 'aws-lambda';
import { createLinkwork } from '../../app/composition-root';
import { createDataStore } from '../../platform/dynamodb/client';
import { systemClock } from '../../shared/clock';
import { powertoolsTelemetry } from '../adapters/powertools-telemetry';
import type { CheckInApiDeps } from '../context';
import { MalformedInboundSmsError } from '../errors';
import { type DeliveryEvent, type DeliveryResult, recordDelivery } from '../use-cases/record-delivery';

const logger = new Logger({ serviceName: 'checkins-sms-delivery' });
const metrics = new Metrics({ namespace: 'Linkwork', serviceName: 'checkins-sms-delivery' });

/** The fields we read from an End User Messaging SMS event; its phone numbers are never read or logged. */
export function parseDeliveryRecord(record: SNSEventRecord): DeliveryEvent {
  let body: unknown;
  try {
    body = JSON.parse(record?.Sns?.Message ?? '');
  } catch {
    throw new MalformedInboundSmsError('delivery event is not JSON');
  }
  const { eventType, messageId, eventTimestamp, isFinal } = (body ?? {}) as Record<string, unknown>;
  if (typeof eventType !== 'string' || typeof messageId !== 'string' || messageId === '') {
    throw new MalformedInboundSmsError('delivery event lacks eventType or messageId');
  }
  return {
    eventType,
    messageId,
    ...(typeof eventTimestamp === 'number' ? { eventTimestamp } : {}),
    ...(typeof isFinal === 'boolean' ? { isFinal } : {}),
  };
}

/**
 * SNS (the configuration set's event destination) → Lambda: parse each record → recordDelivery. A record that cannot
 * be processed (malformed, or a text we have no record of yet) makes the invocation throw: Lambda retries, then the
 * dead-letter queue keeps it. Redelivered events are harmless (the use case settles a text once).
 */
export function createSmsDeliveryHandler(deps: () => CheckInApiDeps) {
  return async (event: SNSEvent): Promise<DeliveryResult[]> => {
    const ports = deps();
    const failures: unknown[] = [];
    const results: DeliveryResult[] = [];
    for (const record of event?.Records ?? []) {
      try {
        const result = await recordDelivery(ports, parseDeliveryRecord(record));
        results.push(result);
        ports.telemetry?.info('sms delivery event handled', { result, snsMessageId: record.Sns?.MessageId });
      } catch (error) {
        ports.telemetry?.count('DeliveryEventFailed');
        ports.telemetry?.error('sms delivery event failed', {
          errorName: (error as Error)?.name,
          snsMessageId: record?.Sns?.MessageId,
        });
        failures.push(error);
      }
    }
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, `${failures.length} delivery events failed`);
    return results;
  };
}

let runtime: CheckInApiDeps | undefined;

const handle = createSmsDeliveryHandler(() => {
  const tableName = process.env.TABLE_NAME?.trim();
  if (!tableName) throw new Error('Environment variable TABLE_NAME is required');
  runtime ??= createLinkwork({
    store: createDataStore({ tableName }),
    clock: systemClock,
    checkInTelemetry: powertoolsTelemetry(logger, metrics),
  }).checkIns.deps;
  return runtime;
});

export const handler = async (event: SNSEvent): Promise<void> => {
  try {
    await handle(event);
  } finally {
    metrics.publishStoredMetrics();
  }
};
