import { createDataStore } from '../../platform/dynamodb/client';
import { type Clock, systemClock } from '../../shared/clock';
import { optionalEnv, requireEnv } from '../../shared/env';
import { outcomeFoldDeps } from '../deps';
import { logger } from '../logger';
import { type ReconcileDeps, type ReconcileReport, reconcileScopeMonth } from '../use-cases/reconcile-scope-month';
import { monthOf, NATIONAL_SCOPE, SCOPE_KINDS, type Scope } from '../vocabulary';

/** The scheduled event (`{ source: 'schedule', job: 'reconcile' }`) or a hand-run one naming scope, month, repair. */
export interface ReconcileEvent {
  scope?: { kind: string; id: string };
  /** YYYY-MM; default: last month. */
  month?: string;
  repair?: boolean;
}

let deps: ReconcileDeps | undefined;

/** The month before `now`'s (UTC): the nightly run checks the month that has just closed. */
export function previousMonth(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return monthOf(d.toISOString());
}

export function parseReconcileEvent(
  event: ReconcileEvent | undefined,
  clock: Clock,
): {
  scope: Scope;
  month: string;
  repair: boolean;
} {
  const scope =
    event?.scope && (SCOPE_KINDS as readonly string[]).includes(event.scope.kind) && event.scope.id
      ? ({ kind: event.scope.kind, id: event.scope.id } as Scope)
      : NATIONAL_SCOPE;
  const month = event?.month ? monthOf(event.month) : previousMonth(clock.now());
  return { scope, month, repair: event?.repair === true };
}

/**
 * Nightly: recompute a scope-month from the raw records and report drift (a structured log line per drifted item,
 * and the report as the return value). Repairs only when the event says `repair: true`.
 */
export async function handler(event?: ReconcileEvent): Promise<ReconcileReport> {
  const endpoint = optionalEnv('DYNAMODB_ENDPOINT');
  deps ??= outcomeFoldDeps(
    createDataStore({ tableName: requireEnv('TABLE_NAME'), ...(endpoint ? { endpoint } : {}) }),
    systemClock,
  );
  const input = parseReconcileEvent(event, deps.clock);
  const report = await reconcileScopeMonth(deps, input);
  for (const item of report.drift) logger.warn('Outcome figures drifted', { ...item });
  logger.info('Reconciled outcome figures', {
    scope: report.scope,
    month: report.month,
    factsRecomputed: report.factsRecomputed,
    itemsChecked: report.itemsChecked,
    driftedItems: report.drift.length,
    repaired: report.repaired,
  });
  return report;
}
