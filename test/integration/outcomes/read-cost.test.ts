/**
 * @dynamodb-own-emulator (test/support/dynamodb-environment.ts): folds whole populations from the stream.
 */
import { DynamoDbAggregateStore } from '../../../functions/outcomes/adapters/dynamodb-aggregate-store';
import { mergeContributions } from '../../../functions/outcomes/aggregation';
import type { ReferralRecord } from '../../../functions/outcomes/facts';
import { factsOfRecords } from '../../../functions/outcomes/patient-facts';
import { newReadMeter } from '../../../functions/outcomes/ports';
import { outcomeSummary } from '../../../functions/outcomes/use-cases/outcome-summary';
import { createDataStore, type DataStore } from '../../../functions/platform/dynamodb/client';
import { freshTable, type TestTable } from '../../support/table';
import { commissioner, figuresDeps, ORGS } from './fixtures';
import { writeOrganisations } from './population';

const NEEDS = ['LONELINESS_ISOLATION', 'LOW_MOOD_ANXIETY', 'BEREAVEMENT', 'HOUSING'];
const AGES = ['UNDER_18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'];
const SEXES = ['FEMALE', 'MALE', 'NOT_STATED'];
const ETHNICITIES = ['A', 'H', 'M', 'D', 'R', 'Z'];
const SOURCES = ['GP', 'SELF', 'SOCIAL_CARE'];
const CATEGORIES = ['PHYSICAL_ACTIVITY', 'ARTS_AND_CREATIVITY', 'SOCIAL_GROUPS'];
const MONTHS = ['2026-01', '2026-02', '2026-03'];
const WAVES = ['BASELINE', 'WEEK_1', 'WEEK_6', 'WEEK_12'];
const ITEMS = ['happiness', 'anxiety'];

/** Referrals with 8 measurements each, spread round-robin so every group of every breakdown is populated. */
function records(measurements: number): ReferralRecord[] {
  const out: ReferralRecord[] = [];
  for (let i = 0; out.length * 8 < measurements; i++) {
    const org = ORGS[i % 3]!;
    const month = MONTHS[i % MONTHS.length]!;
    const id = `r${i}`;
    out.push({
      referral: {
        referralId: id,
        patientId: `p${i}`,
        ...org,
        needs: [NEEDS[i % NEEDS.length]!],
        ageBandAtReferral: AGES[i % AGES.length],
        source: SOURCES[i % SOURCES.length],
        receivedAt: `${month}-02T10:00:00.000Z`,
      },
      patient: { patientId: `p${i}`, sex: SEXES[i % SEXES.length], ethnicity: ETHNICITIES[i % ETHNICITIES.length] },
      events: [{ eventId: 'e', at: `${month}-03T10:00:00.000Z`, toStatus: 'ACCEPTED' }],
      prescriptions: [{ prescriptionId: 'x', activityId: 'a', category: CATEGORIES[i % 3] }],
      attendance: [{ attendanceId: 's', prescriptionId: 'x', sessionDate: `${month}-04`, status: 'ATTENDED' }],
      checkIns: [],
      outcomes: WAVES.flatMap((wave) =>
        ITEMS.map((item) => ({
          outcomeId: `${id}-${wave}-${item}`,
          instrument: 'ONS4',
          item,
          value: (i * 7 + wave.length + item.length) % 11,
          wave,
          measuredAt: `${month}-05T10:00:00.000Z`,
        })),
      ),
    });
  }
  return out;
}

/** Writes the aggregate items these records fold into, directly (folding 100,000 measurements would be slow). */
async function load(store: DataStore, measurements: number): Promise<void> {
  const merged = mergeContributions(factsOfRecords(records(measurements)));
  await new DynamoDbAggregateStore(store).addToAggregates([...merged.values()], '2026-07-01T00:00:00.000Z');
}

async function itemsReadBy(store: DataStore) {
  const meter = newReadMeter();
  const summary = await outcomeSummary(figuresDeps(store, undefined, meter), commissioner('ICB-A'), {
    scope: { icbId: 'ICB-A' },
    period: 'FY2025-26-Q4',
    groupBy: ['ACTIVITY_CATEGORY', 'NEED', 'AGE_BAND', 'SEX', 'ETHNICITY', 'REFERRAL_SOURCE', 'PCN', 'PRACTICE'],
    instruments: ['ONS4'],
  });
  return { meter, summary };
}

describe('outcomeSummary read cost', () => {
  let small: TestTable;
  let large: TestTable;
  let smallStore: DataStore;
  let largeStore: DataStore;

  beforeAll(async () => {
    [small, large] = await Promise.all([freshTable(), freshTable()]);
    smallStore = createDataStore({ tableName: small.tableName, endpoint: small.endpoint });
    largeStore = createDataStore({ tableName: large.tableName, endpoint: large.endpoint });
    await Promise.all([writeOrganisations(smallStore, ORGS), writeOrganisations(largeStore, ORGS)]);
    await load(smallStore, 1_000);
    await load(largeStore, 100_000);
  }, 180_000);
  afterAll(async () => {
    await small.drop();
    await large.drop();
  });

  it('reads the same number of items at 1,000 and at 100,000 measurements', async () => {
    const atSmall = await itemsReadBy(smallStore);
    const atLarge = await itemsReadBy(largeStore);

    process.stderr.write(
      `outcomeSummary items read: ${atSmall.meter.itemsRead} at 1,000 measurements, ${atLarge.meter.itemsRead} at 100,000 ` +
        `(requests ${atSmall.meter.requests} vs ${atLarge.meter.requests}; ` +
        `capacity ${atSmall.meter.capacityUnits} vs ${atLarge.meter.capacityUnits} RCU)\n`,
    );
    expect(atLarge.meter.itemsRead).toBe(atSmall.meter.itemsRead);
    expect(atLarge.meter.requests).toBe(atSmall.meter.requests);
    expect(atSmall.meter.itemsRead).toBeGreaterThan(0);
    // The figures themselves did grow a hundredfold.
    const measured = (s: typeof atSmall.summary) =>
      s.total.instruments.find((f) => f.item === 'happiness')!.baseline.people.value ?? 0;
    expect(measured(atLarge.summary)).toBeGreaterThan(50 * measured(atSmall.summary));
  });
});
