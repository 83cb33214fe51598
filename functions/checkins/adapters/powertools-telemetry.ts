import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { CheckInTelemetry } from '../ports';

/** CheckInTelemetry over Powertools. Callers pass ids and counts only: never phone numbers or message bodies. */
export function powertoolsTelemetry(logger: Logger, metrics: Metrics): CheckInTelemetry {
  return {
    count: (name, value = 1) => metrics.addMetric(name, MetricUnit.Count, value),
    gauge: (name, value, unit) =>
      metrics.addMetric(name, unit === 'Seconds' ? MetricUnit.Seconds : MetricUnit.Count, value),
    info: (message, fields) => logger.info(message, { ...fields }),
    warn: (message, fields) => logger.warn(message, { ...fields }),
    error: (message, fields) => logger.error(message, { ...fields }),
  };
}
