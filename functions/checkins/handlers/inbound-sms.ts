import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { SNSEvent } from 'aws-lambda';
import { createLinkwork } from '../../app/composition-root';
import { createDataStore } from '../../platform/dynamodb/client';
import { systemClock } from '../../shared/clock';
import { powertoolsTelemetry } from '../adapters/powertools-telemetry';
import { type DispatchPolicy, defaultDispatchPolicy } from '../policy';
import type { CheckInDeps } from '../ports';
import { handleInboundSms, type InboundResult } from '../use-cases/handle-inbound-sms';
import { inboundConfig, smsSenderFor } from './config';
import { parseInboundSmsRecord } from './inbound-sms-event';

const logger = new Logger({ serviceName: 'checkins-inbound-sms' });
const metrics = new Metrics({ namespace: 'Linkwork', serviceName: 'checkins-inbound-sms' });

export interface InboundRuntime {
  deps: CheckInDeps;
  policy: DispatchPolicy;
}

/**
 * SNS → Lambda: parse each record → handleInboundSms → count. SNS delivers one record per invocation and has no
 * partial-batch response, so a record that cannot be processed makes the invocation throw: SNS retries, then the
 * subscription's DLQ keeps it. Every record is still attempted first, and redelivered good records are harmless
 * (the use case is idempotent on inboundMessageId).
 */
export function createInboundSmsHandler(runtime: () => InboundRuntime) {
  return async (event: SNSEvent): Promise<InboundResult[]> => {
    const { deps, policy } = runtime();
    const failures: unknown[] = [];
    const results: InboundResult[] = [];
    for (const record of event?.Records ?? []) {
      try {
        const sms = parseInboundSmsRecord(record);
        const result = await handleInboundSms(deps, sms, { policy });
        results.push(result);
        deps.telemetry?.count(`Inbound.${result}`);
        deps.telemetry?.info('inbound sms handled', { result, snsMessageId: record.Sns?.MessageId });
      } catch (error) {
        deps.telemetry?.count('InboundFailed');
        deps.telemetry?.error('inbound sms failed', {
          errorName: (error as Error)?.name,
          reason: (error as Error)?.message,
          snsMessageId: record?.Sns?.MessageId,
        });
        failures.push(error);
      }
    }
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, `${failures.length} inbound SMS records failed`);
    return results;
  };
}

let runtime: InboundRuntime | undefined;

function fromEnvironment(): InboundRuntime {
  const config = inboundConfig();
  const store = createDataStore({ tableName: config.tableName });
  const sms = smsSenderFor(config.sender);
  const telemetry = powertoolsTelemetry(logger, metrics);
  const deps = createLinkwork({ store, clock: systemClock, checkInTelemetry: telemetry }).checkIns.withSender(sms);
  return { deps, policy: defaultDispatchPolicy({ segmentCap: config.segmentCap }) };
}

const handle = createInboundSmsHandler(() => {
  runtime ??= fromEnvironment();
  return runtime;
});

export const handler = async (event: SNSEvent): Promise<void> => {
  try {
    await handle(event);
  } finally {
    metrics.publishStoredMetrics();
  }
};
