import fc from 'fast-check';
import { modelFingerprint, monthsSince, readCurrentSnapshot, shiftValue } from '../../../scripts/seed/snapshot';

describe('the demo snapshot', () => {
  it('was made with today’s entity models (else: npm run seed:snapshot)', () => {
    const snapshot = readCurrentSnapshot();

    expect(snapshot?.fingerprint).toBe(modelFingerprint());
    expect(Object.keys(snapshot?.items ?? {})).toEqual(
      expect.arrayContaining(['patient', 'referral', 'checkIn', 'smsMessage', 'aggregate', 'foldReceipt']),
    );
  });

  it('holds no text message copy meant for the local outbox, and no inbound receipt', () => {
    const snapshot = readCurrentSnapshot()!;

    expect(snapshot.items.inboundReceipt).toBeUndefined();
    expect(snapshot.items.smsMessage?.some((message) => message.kind === 'OUTBOX')).toBe(false);
  });
});

describe('shiftValue', () => {
  it('moves dates, date-times and months by whole months, deep in maps, lists and sets', () => {
    const shifted = shiftValue(
      {
        at: '2026-01-31T10:00:00.000Z',
        day: '2026-03-15',
        month: '2025-12',
        nested: { list: ['2026-02-28T23:59:59Z'], set: new Set(['2026-11-30']) },
        name: 'Millbrook 2026-01',
        count: 3,
      },
      1,
    );

    expect(shifted).toEqual({
      at: '2026-02-28T10:00:00.000Z',
      day: '2026-04-15',
      month: '2026-01',
      nested: { list: ['2026-03-28T23:59:59Z'], set: new Set(['2026-12-30']) },
      name: 'Millbrook 2026-01',
      count: 3,
    });
  });

  it('never changes the order of two times, and keeps a month’s times in one month', () => {
    const iso = fc
      .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-12-31T23:59:59Z'), noInvalidDate: true })
      .map((date) => date.toISOString());
    fc.assert(
      fc.property(iso, iso, fc.integer({ min: 0, max: 36 }), (a, b, months) => {
        const [x, y] = [shiftValue(a, months) as string, shiftValue(b, months) as string];
        if (a < b) expect(x <= y).toBe(true);
        if (a.slice(0, 7) === b.slice(0, 7)) expect(x.slice(0, 7)).toBe(y.slice(0, 7));
      }),
    );
  });

  it('counts whole months from the snapshot’s day to now', () => {
    expect(monthsSince('2026-12-01T12:00:00.000Z', new Date('2027-02-20T08:00:00Z'))).toBe(2);
    expect(monthsSince('2026-12-01T12:00:00.000Z', new Date('2026-12-31T23:00:00Z'))).toBe(0);
  });
});
