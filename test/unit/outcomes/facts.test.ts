import { marshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import { aggregateKeyString, contributionsOf, splitRevision } from '../../../functions/outcomes/aggregation';
import { recordKey } from '../../../functions/outcomes/disclosure';
import { contentOf, type ReferralRecord } from '../../../functions/outcomes/facts';
import { optOutFact, personFacts } from '../../../functions/outcomes/patient-facts';
import { referralFacts } from '../../../functions/outcomes/referral-facts';
import { triggerOf } from '../../../functions/outcomes/stream-records';
import { packTransactions, planChanges } from '../../../functions/outcomes/use-cases/fold-stream-records';
import { NEEDS } from '../../../functions/referrals';

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
      source: 'SELF',
      receivedAt: '2026-01-05T10:00:00Z',
      createdAt: '2026-01-05T10:00:00Z',
    },
    patient: { patientId: 'P1', sex: 'FEMALE', ethnicity: 'H' },
    events: [],
    prescriptions: [],
    attendance: [],
    checkIns: [],
    outcomes: [],
    ...overrides,
  };
}

const byId = (facts: ReturnType<typeof referralFacts>) => Object.fromEntries(facts.map((f) => [f.id, f]));
const session = (attendanceId: string, prescriptionId: string, sessionDate: string, status = 'ATTENDED') => ({
  attendanceId,
  prescriptionId,
  sessionDate,
  status,
  recordedAt: '2026-04-01T09:00:00Z',
});

describe('referralFacts', () => {
  it('returns engagement in the month of the first session attended, whatever order the register was written in', () => {
    const prescriptions = [
      { prescriptionId: 'x1', activityId: 'a1', category: 'DANCE' },
      { prescriptionId: 'x2', activityId: 'a2', category: 'OTHER' },
    ];
    const later = [session('s1', 'x1', '2026-03-10'), session('s2', 'x2', '2026-03-20')];
    const backDated = session('s0', 'x1', '2026-02-03');
    const missed = session('s9', 'x2', '2026-01-20', 'MISSED');

    const before = byId(referralFacts(record({ prescriptions, attendance: later })));
    const after = byId(referralFacts(record({ prescriptions, attendance: [...later, backDated, missed] })));

    expect(before['referral#R1#ENGAGED']!.period).toBe('2026-03');
    expect(after['referral#R1#ENGAGED']!.period).toBe('2026-02');
    expect(after['referral#R1#ENGAGED#DANCE']!.period).toBe('2026-02');
    expect(after['referral#R1#ENGAGED#OTHER']!.period).toBe('2026-03');
    expect(after['referral#R1#ENGAGED#DANCE']!.categoryOnly).toBe(true);
  });

  it('returns empty slots for what has not happened, so a fact whose records went away is taken back out', () => {
    const facts = byId(referralFacts(record({ prescriptions: [{ prescriptionId: 'x1', activityId: 'a1' }] })));

    for (const slot of ['ENGAGED', 'ACCEPTED', 'DECLINED', 'CONTACT', 'CLOSED', 'CONCERN']) {
      expect(contentOf(facts[`referral#R1#${slot}`]!)).toBe('');
    }
    expect(contentOf(facts['referral#R1#RECEIVED']!)).not.toBe('');
  });

  it('returns the days to first contact in its band, and the closure reason of the first terminal status', () => {
    const facts = byId(
      referralFacts(
        record({
          events: [
            { eventId: 'e2', at: '2026-01-30T10:00:00Z', toStatus: 'ACCEPTED' },
            { eventId: 'e1', at: '2026-01-15T09:00:00Z', toStatus: 'CONTACTED' },
            { eventId: 'e3', at: '2026-03-01T10:00:00Z', toStatus: 'CLOSED' },
          ],
        }),
      ),
    );

    expect(facts['referral#R1#CONTACT']).toMatchObject({
      period: '2026-01',
      counters: { 'firstContact|n': 1, 'firstContact|sum': 9, 'firstContact|band|DAYS_8_TO_14': 1 },
    });
    expect(facts['referral#R1#CLOSED']).toMatchObject({
      period: '2026-03',
      counters: { 'closures|n': 1, 'closures|reason|COMPLETED': 1 },
    });
  });

  it('returns the earliest measurement of a wave only, in its band, and the pair against the baseline', () => {
    const m = (outcomeId: string, wave: string, value: number, measuredAt: string) => ({
      outcomeId,
      instrument: 'ONS4',
      item: 'anxiety',
      value,
      wave,
      measuredAt,
    });
    const facts = byId(
      referralFacts(
        record({
          outcomes: [
            m('o3', 'BASELINE', 9, '2026-01-08T10:00:00Z'),
            m('o1', 'BASELINE', 8, '2026-01-06T10:00:00Z'),
            m('o2', 'WEEK_6', 5, '2026-02-20T10:00:00Z'),
            m('o4', 'AD_HOC', 1, '2026-02-21T10:00:00Z'),
          ],
        }),
      ),
    );

    expect(facts['outcome#R1#ONS4.anxiety#BASELINE']!.counters).toMatchObject({
      'ONS4.anxiety|BASELINE|sum': 8,
      'ONS4.anxiety|BASELINE|band|high': 1,
    });
    expect(facts['pair#R1#ONS4.anxiety#WEEK_6']!.counters).toMatchObject({
      'ONS4.anxiety|WEEK_6|pair|sumChange': -3,
      // Anxiety: lower is better.
      'ONS4.anxiety|WEEK_6|pair|improved': 1,
    });
    expect(Object.keys(facts).some((id) => id.includes('AD_HOC'))).toBe(false);
  });

  it('returns the ONS loneliness answer in its option band and the UCLA3 total once all three items are answered', () => {
    const answer = (item: string, instrument: string, value: number, wave = 'BASELINE') => ({
      outcomeId: `${item}-${wave}`,
      instrument,
      item,
      value,
      wave,
      measuredAt: '2026-01-07T10:00:00Z',
    });
    const facts = byId(
      referralFacts(
        record({
          outcomes: [
            answer('lonely', 'ONS_LONELINESS', 1),
            answer('companionship', 'UCLA3', 3),
            answer('leftOut', 'UCLA3', 2),
            answer('isolated', 'UCLA3', 2),
            answer('companionship', 'UCLA3', 1, 'WEEK_6'),
          ],
        }),
      ),
    );

    expect(facts['outcome#R1#ONS_LONELINESS.lonely#BASELINE']!.counters).toMatchObject({
      'ONS_LONELINESS.lonely|BASELINE|band|Often/always': 1,
    });
    expect(facts['outcome#R1#UCLA3.total#BASELINE']!.counters).toMatchObject({
      'UCLA3.total|BASELINE|sum': 7,
      'UCLA3.total|BASELINE|band|6-9': 1,
    });
    expect(contentOf(facts['outcome#R1#UCLA3.total#WEEK_6']!)).toBe('');
  });

  it('returns the same facts whatever order the records come in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 28 }), { minLength: 1, maxLength: 5 }),
        (values, days) => {
          const outcomes = values.map((value, i) => ({
            outcomeId: `o${i}`,
            instrument: 'ONS4',
            item: 'happiness',
            value,
            wave: ['BASELINE', 'WEEK_1', 'WEEK_6', 'WEEK_12'][i % 4]!,
            measuredAt: `2026-01-${String(10 + i).padStart(2, '0')}T10:00:00Z`,
          }));
          const attendance = days.map((day, i) => session(`s${i}`, 'x1', `2026-02-${String(day).padStart(2, '0')}`));
          const prescriptions = [{ prescriptionId: 'x1', activityId: 'a1', category: 'DANCE' }];
          const a = referralFacts(record({ outcomes, attendance, prescriptions }));
          const b = referralFacts(
            record({ outcomes: [...outcomes].reverse(), attendance: [...attendance].reverse(), prescriptions }),
          );

          expect(b).toEqual(a);
        },
      ),
    );
  });
});

describe('personFacts and optOutFact', () => {
  const referral = (referralId: string, receivedAt: string, practiceId = 'G') => ({
    ...record().referral,
    referralId,
    receivedAt,
    practiceId,
  });

  it('returns a person once per month, quarter and year, in the groups of their first referral of the period', () => {
    const referrals = [referral('R2', '2026-03-02T10:00:00Z', 'G2'), referral('R1', '2026-01-05T10:00:00Z')];

    const facts = byId(personFacts('P1', undefined, referrals));

    expect(Object.keys(facts).sort()).toEqual([
      'person#P1#2026-01',
      'person#P1#2026-03',
      'person#P1#FY2025-26',
      'person#P1#FY2025-26-Q4',
    ]);
    expect(facts['person#P1#FY2025-26-Q4']!.profile.practiceId).toBe('G');
    expect(facts['person#P1#2026-03']!.profile.practiceId).toBe('G2');
    expect(facts['person#P1#FY2025-26']!.counters).toEqual({ peopleReferred: 1 });
  });

  it('returns an opt-out counted while the person is opted out and empty once they opt back in', () => {
    const referrals = [referral('R1', '2026-01-05T10:00:00Z')];
    const optedOut = { patientId: 'P1', smsConsent: 'OPTED_OUT', smsConsentChangedAt: '2026-02-03T10:00:00Z' };

    expect(optOutFact('P1', optedOut, referrals)).toMatchObject({ period: '2026-02', counters: { optOuts: 1 } });
    expect(contentOf(optOutFact('P1', { ...optedOut, smsConsent: 'GIVEN' }, referrals)!)).toBe('');
    expect(optOutFact('P1', optedOut, [])).toBeUndefined();
  });
});

describe('contributionsOf', () => {
  it('returns one item per scope, breakdown and group, a multi-need referral in each need, with cell keys', () => {
    const [received] = referralFacts(record());

    const deltas = contributionsOf(received!);

    const needs = deltas.filter((d) => d.scope.kind === 'ICB' && d.dimension === 'NEED').map((d) => d.group);
    expect(needs).toEqual(['BEREAVEMENT', 'HOUSING']);
    expect(deltas.filter((d) => d.dimension === 'NONE')).toHaveLength(4);
    expect(deltas.find((d) => d.dimension === 'ETHNICITY')!.group).toBe('ASIAN_OR_ASIAN_BRITISH');
    expect(deltas.find((d) => d.dimension === 'REFERRAL_SOURCE')!.group).toBe('SELF');
    expect(deltas.some((d) => d.dimension === 'ACTIVITY_CATEGORY')).toBe(false);
    expect(deltas[0]!.counters).toEqual({
      referralsReceived: 1,
      'referralsReceived#k': recordKey('referral#R1#RECEIVED'),
    });
  });
});

describe('planChanges', () => {
  const prescriptions = [{ prescriptionId: 'x1', activityId: 'a1', category: 'DANCE' }];
  const engaged = (attendance: ReturnType<typeof session>[]) =>
    byId(referralFacts(record({ prescriptions, attendance })))['referral#R1#ENGAGED']!;

  it('returns nothing when the receipt already holds what the records say', () => {
    const fact = engaged([session('s1', 'x1', '2026-03-10')]);
    expect(planChanges(fact, contentOf(fact), '2026-04-02T00:00:00Z')).toEqual([]);
  });

  it('returns the old month taken out and the new one put in, both shown only from the next release', () => {
    const was = engaged([{ ...session('s1', 'x1', '2026-03-10'), recordedAt: '2026-03-10T18:00:00Z' }]);
    const now = engaged([
      { ...session('s1', 'x1', '2026-03-10'), recordedAt: '2026-03-10T18:00:00Z' },
      { ...session('s0', 'x1', '2026-02-03'), recordedAt: '2026-05-02T09:00:00Z' },
    ]);

    const [planned] = planChanges(now, contentOf(was), '2026-05-02T09:00:01Z');

    expect(planned!.change).toEqual({ factId: 'referral#R1#ENGAGED', from: contentOf(was), to: contentOf(now) });
    const total = (period: string) =>
      planned!.deltas.find((d) => d.scope.kind === 'NATIONAL' && d.dimension === 'NONE' && d.period === period)!;
    expect(total('2026-03').counters['peopleEngaged@2026-05']).toBe(-1);
    expect(total('2026-02').counters['peopleEngaged@2026-05']).toBe(1);
  });

  it('returns a record written before its period was released as part of the first release', () => {
    const fact = engaged([{ ...session('s1', 'x1', '2026-03-10'), recordedAt: '2026-03-12T09:00:00Z' }]);

    const [planned] = planChanges(fact, undefined, '2026-03-12T09:00:01Z');

    expect(planned!.change.from).toBeUndefined();
    for (const delta of planned!.deltas) {
      for (const name of Object.keys(delta.counters)) expect(splitRevision(name).revision).toBe('');
    }
  });

  it('returns two steps when taking out and putting in do not fit one transaction', () => {
    const many = record({
      referral: { ...record().referral, needs: [...NEEDS] },
    });
    const [was] = referralFacts(many);
    const moved = { ...was!, period: '2025-12' };

    const steps = planChanges(moved, contentOf(was!), '2026-04-01T00:00:00Z');

    expect(steps.map((s) => [s.phase, s.change.to === ''])).toEqual([
      [1, true],
      [2, false],
    ]);
  });
});

describe('packTransactions', () => {
  it('returns groups that each fit one transaction and together hold every change once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), (people) => {
        const facts = Array.from({ length: people }, (_, i) =>
          referralFacts(
            record({
              referral: { ...record().referral, referralId: `R${i}`, receivedAt: `2026-0${(i % 9) + 1}-05T10:00:00Z` },
            }),
          ),
        ).flat();
        const planned = facts.flatMap((fact) => planChanges(fact, undefined, '2026-01-01T00:00:00Z'));

        const groups = packTransactions(planned);

        for (const group of groups) {
          const items = new Set(group.flatMap((p) => p.deltas.map(aggregateKeyString)));
          expect(items.size + group.length).toBeLessThanOrEqual(100);
        }
        expect(groups.flat()).toEqual(planned);
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

  it('returns the referral to re-derive for records that belong to one, the attendance register included', () => {
    for (const entity of ['referral', 'referralEvent', 'prescription', 'attendance', 'outcome', 'checkIn']) {
      expect(triggerOf(change({ __edb_e__: entity, referralId: 'R9' }))).toEqual({
        kind: 'REFERRAL',
        referralId: 'R9',
      });
    }
  });

  it('returns the patient to re-derive only when their consent, sex or ethnicity changed', () => {
    const base = { __edb_e__: 'patient', patientId: 'P1', smsConsent: 'GIVEN', sex: 'MALE' };

    expect(triggerOf(change({ ...base, mobile: '+447700900001' }, base))).toEqual({ kind: 'IGNORED' });
    expect(triggerOf(change({ ...base, smsConsent: 'OPTED_OUT', smsConsentChangedAt: 't' }, base))).toEqual({
      kind: 'PATIENT',
      patientId: 'P1',
    });
    expect(triggerOf(change({ ...base, ethnicity: 'A' }, base))).toEqual({ kind: 'PATIENT', patientId: 'P1' });
  });
});
