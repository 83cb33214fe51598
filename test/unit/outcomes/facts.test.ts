import { marshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import { contributionsOf, mergeContributions } from '../../../functions/outcomes/aggregation';
import { type ReferralRecord, referralFacts } from '../../../functions/outcomes/facts';
import { triggerOf } from '../../../functions/outcomes/stream-records';
import { packTransactions } from '../../../functions/outcomes/use-cases/fold-stream-records';

function record(overrides: Partial<ReferralRecord> = {}): ReferralRecord {
  return {
    referral: {
      referralId: 'R1',
      patientId: 'P1',
      icbId: 'I',
      pcnId: 'N',
      practiceId: 'G',
      needs: ['HOUSING', 'BEREAVEMENT'],
      ageBandAtReferral: '25-34',
      receivedAt: '2026-01-05T10:00:00Z',
    },
    sex: 'FEMALE',
    events: [],
    prescriptions: [],
    checkIns: [],
    outcomes: [],
    ...overrides,
  };
}

describe('referralFacts', () => {
  it('returns one engagement fact per referral however many activities were attended, plus one per category', () => {
    const facts = referralFacts(
      record({
        prescriptions: [
          { prescriptionId: 'x2', activityId: 'a2', firstAttendedOn: '2026-02-10', category: 'DANCE' },
          { prescriptionId: 'x1', activityId: 'a1', firstAttendedOn: '2026-01-20', category: 'DANCE' },
          { prescriptionId: 'x3', activityId: 'a3', firstAttendedOn: '2026-03-01', category: 'OTHER' },
          { prescriptionId: 'x4', activityId: 'a4' },
        ],
      }),
    );

    const engaged = facts.filter((f) => f.counters.peopleEngaged);
    expect(engaged.map((f) => [f.id, f.month])).toEqual([
      ['referral#R1#ENGAGED', '2026-01'],
      ['referral#R1#ENGAGED#DANCE', '2026-01'],
      ['referral#R1#ENGAGED#OTHER', '2026-03'],
    ]);
  });

  it('returns the earliest measurement of a wave only, and the pair against the baseline', () => {
    const m = (outcomeId: string, wave: string, value: number, measuredAt: string) => ({
      outcomeId,
      instrument: 'ONS4',
      item: 'anxiety',
      value,
      wave,
      measuredAt,
    });
    const facts = referralFacts(
      record({
        outcomes: [
          m('o3', 'BASELINE', 9, '2026-01-08T10:00:00Z'),
          m('o1', 'BASELINE', 8, '2026-01-06T10:00:00Z'),
          m('o2', 'WEEK_6', 5, '2026-02-20T10:00:00Z'),
          m('o4', 'AD_HOC', 1, '2026-02-21T10:00:00Z'),
        ],
      }),
    );

    const byId = Object.fromEntries(facts.map((f) => [f.id, f]));
    expect(byId['outcome#R1#ONS4.anxiety#BASELINE']!.counters['ONS4.anxiety|BASELINE|sum']).toBe(8);
    expect(byId['pair#R1#ONS4.anxiety#WEEK_6']!.counters).toMatchObject({
      'ONS4.anxiety|WEEK_6|pair|sumChange': -3,
      // Anxiety: lower is better.
      'ONS4.anxiety|WEEK_6|pair|improved': 1,
    });
    expect(facts.some((f) => f.id.includes('AD_HOC'))).toBe(false);
  });

  it('returns the same fact ids whatever order the records come in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (values, flip) => {
          const outcomes = values.map((value, i) => ({
            outcomeId: `o${i}`,
            instrument: 'ONS4',
            item: 'happiness',
            value,
            wave: ['BASELINE', 'WEEK_1', 'WEEK_6', 'WEEK_12'][i % 4]!,
            measuredAt: `2026-01-${String(10 + i).padStart(2, '0')}T10:00:00Z`,
          }));
          const a = referralFacts(record({ outcomes }));
          const b = referralFacts(record({ outcomes: flip ? [...outcomes].reverse() : outcomes }));

          expect(b).toEqual(a);
        },
      ),
    );
  });
});

describe('contributionsOf', () => {
  it('returns one item per scope, breakdown and group, a multi-need referral counting in each need', () => {
    const [received] = referralFacts(record());

    const deltas = contributionsOf(received!);

    const needs = deltas.filter((d) => d.scope.kind === 'ICB' && d.dimension === 'NEED').map((d) => d.group);
    expect(needs).toEqual(['BEREAVEMENT', 'HOUSING']);
    expect(deltas.filter((d) => d.dimension === 'NONE')).toHaveLength(4);
    expect(deltas.some((d) => d.dimension === 'ACTIVITY_CATEGORY')).toBe(false);
  });
});

describe('packTransactions', () => {
  it('returns groups that each fit one transaction and together hold every fact once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (people) => {
        const facts = Array.from({ length: people }, (_, i) =>
          referralFacts(
            record({
              referral: { ...record().referral, referralId: `R${i}`, receivedAt: `2026-0${(i % 9) + 1}-05T10:00:00Z` },
            }),
          ),
        ).flat();

        const groups = packTransactions(facts);

        for (const group of groups) expect(mergeContributions(group).size + group.length).toBeLessThanOrEqual(100);
        expect(groups.flat().map((f) => f.id)).toEqual(facts.map((f) => f.id));
      }),
    );
  });
});

describe('triggerOf', () => {
  const change = (item: Record<string, unknown>, old?: Record<string, unknown>) => ({
    dynamodb: { NewImage: marshall(item), ...(old ? { OldImage: marshall(old) } : {}) },
  });

  it('ignores the aggregate and receipt items folding writes itself', () => {
    expect(triggerOf(change({ __edb_e__: 'aggregate', scope: 'ICB-A' }))).toEqual({ kind: 'IGNORED' });
    expect(triggerOf(change({ __edb_e__: 'foldReceipt', factId: 'referral#R1#RECEIVED' }))).toEqual({
      kind: 'IGNORED',
    });
    expect(triggerOf(change({ __edb_e__: 'smsMessage', checkInId: 'c', body: 'hi' }))).toEqual({ kind: 'IGNORED' });
  });

  it('returns the referral to re-derive for records that belong to one', () => {
    for (const entity of ['referral', 'referralEvent', 'prescription', 'outcome', 'checkIn']) {
      expect(triggerOf(change({ __edb_e__: entity, referralId: 'R9' }))).toEqual({
        kind: 'REFERRAL',
        referralId: 'R9',
      });
    }
  });

  it('returns a consent change only when an opt-out begins or ends', () => {
    const base = { __edb_e__: 'patient', patientId: 'P1' };

    expect(triggerOf(change({ ...base, smsConsent: 'GIVEN', sex: 'MALE' }, { ...base, smsConsent: 'GIVEN' }))).toEqual({
      kind: 'IGNORED',
    });
    expect(
      triggerOf(
        change({ ...base, smsConsent: 'OPTED_OUT', smsConsentChangedAt: 't' }, { ...base, smsConsent: 'GIVEN' }),
      ),
    ).toMatchObject({ kind: 'CONSENT', patientId: 'P1' });
  });
});
