import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { createLinkwork } from '../../app/composition-root';
import { createDataStore } from '../../platform/dynamodb/client';
import { systemClock } from '../../shared/clock';
import { powertoolsTelemetry } from '../adapters/powertools-telemetry';
import { SnsSmsSender } from '../adapters/sns-sms-sender';
import { defaultDispatchPolicy } from '../policy';
import type { CheckInDeps } from '../ports';
import { type DispatchOptions, type DispatchReport, dispatchDueCheckIns } from '../use-cases/dispatch-due-check-ins';
import { dispatcherConfig } from './config';

const logger = new Logger({ serviceName: 'checkins-dispatcher' });
const metrics = new Metrics({ namespace: 'Linkwork', serviceName: 'checkins-dispatcher' });

/** Counts only: the run report never holds a phone number or a text. */
export function publishDispatchReport(report: DispatchReport, target: Metrics = metrics): void {
  const counts: [string, number][] = [
    ['CheckInsSent', report.sent],
    ['CheckInsDeferred', report.deferred],
    ['CheckInsSkipped', report.skipped],
    ['CheckInsFailed', report.failed],
    ['CheckInsRetried', report.retried],
    ['CheckInsUncertain', report.uncertain],
    ['CheckInRemindersSent', report.reminded],
    ['CheckInsExpired', report.expired],
    ['CheckInsLeftForNextRun', report.leftForNextRun],
  ];
  for (const [name, value] of counts) target.addMetric(name, MetricUnit.Count, value);
  target.addMetric('OldestDueCheckInAgeSeconds', MetricUnit.Seconds, report.oldestDueAgeSeconds);
  target.addMetric(
    'OldestUnacknowledgedConcernWorkingHours',
    MetricUnit.NoUnit,
    report.oldestUnacknowledgedConcernWorkingHours,
  );
}

interface DispatcherRuntime {
  deps: CheckInDeps;
  options: DispatchOptions;
}

let runtime: DispatcherRuntime | undefined;

function fromEnvironment(): DispatcherRuntime {
  const config = dispatcherConfig();
  const store = createDataStore({ tableName: config.tableName });
  const telemetry = powertoolsTelemetry(logger, metrics);
  return {
    deps: createLinkwork({ store, clock: systemClock, checkInTelemetry: telemetry }).checkIns.withSender(
      new SnsSmsSender(config.sender),
    ),
    options: {
      policy: defaultDispatchPolicy({ window: config.window }),
      ratePerSecond: config.ratePerSecond,
      runBudgetMs: config.runBudgetMs,
    },
  };
}

/** EventBridge `rate(1 minute)`: one sweep of the due index. */
export const handler = async (): Promise<DispatchReport> => {
  runtime ??= fromEnvironment();
  try {
    const report = await dispatchDueCheckIns(runtime.deps, runtime.options);
    logger.info('dispatch run finished', { ...report });
    publishDispatchReport(report);
    return report;
  } finally {
    metrics.publishStoredMetrics();
  }
};
