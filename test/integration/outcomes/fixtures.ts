import { DynamoDbIdentityRepository } from '../../../functions/identity/adapters/dynamodb-identity-repository';
import type { Principal } from '../../../functions/identity/principal';
import { DynamoDbAggregateStore } from '../../../functions/outcomes/adapters/dynamodb-aggregate-store';
import type { ReadMeter } from '../../../functions/outcomes/ports';
import type { OutcomeFiguresDeps } from '../../../functions/outcomes/use-cases/outcome-summary';
import type { DataStore } from '../../../functions/platform/dynamodb/client';
import { type Clock, ManualClock } from '../../../functions/shared/clock';
import type { ActivitySpec, Org } from './population';

export const ORGS: Org[] = [
  { icbId: 'ICB-A', pcnId: 'PCN-A1', practiceId: 'PR-A1a' },
  { icbId: 'ICB-A', pcnId: 'PCN-A1', practiceId: 'PR-A1b' },
  { icbId: 'ICB-A', pcnId: 'PCN-A2', practiceId: 'PR-A2a' },
  { icbId: 'ICB-B', pcnId: 'PCN-B1', practiceId: 'PR-B1a' },
];

export const ACTIVITIES: ActivitySpec[] = ['PCN-A1', 'PCN-A2', 'PCN-B1'].flatMap((pcnId, i) =>
  (['PHYSICAL_ACTIVITY', 'ARTS_AND_CREATIVITY', 'SOCIAL_GROUPS'] as const).map((category, j) => ({
    activityId: `act-${i}-${j}`,
    category,
    pcnId,
    icbId: pcnId.startsWith('PCN-A') ? 'ICB-A' : 'ICB-B',
  })),
);

export const commissioner = (icbId: string, pcnId?: string): Principal => ({
  userId: 'comm-1',
  role: 'COMMISSIONER',
  organisationId: pcnId ?? icbId,
  icbId,
  ...(pcnId ? { pcnId } : {}),
});

export const nationalAdmin: Principal = { userId: 'admin-1', role: 'ADMIN' };

/** After every revision of the test populations (records written up to mid 2026) is published. */
export const AFTER_EVERY_RELEASE = '2026-12-01T00:00:00Z';

export function figuresDeps(
  store: DataStore,
  clock: Clock = new ManualClock(AFTER_EVERY_RELEASE),
  meter?: ReadMeter,
): OutcomeFiguresDeps {
  return {
    aggregates: new DynamoDbAggregateStore(store),
    organisations: new DynamoDbIdentityRepository(store),
    clock,
    ...(meter ? { meter } : {}),
  };
}
