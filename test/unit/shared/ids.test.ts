import fc from 'fast-check';
import { decodeTime } from 'ulid';
import { ManualClock } from '../../../functions/shared/clock';
import { createIdGenerator, isId, newId } from '../../../functions/shared/ids';

const inCreationOrder = (ids: string[]) => [...ids].sort().every((id, i) => id === ids[i]);

describe('newId', () => {
  it('returns a canonical ULID for the current time', () => {
    const before = Date.now();
    const id = newId();
    expect(id).toHaveLength(26);
    expect(isId(id)).toBe(true);
    expect(decodeTime(id)).toBeGreaterThanOrEqual(before);
    expect(decodeTime(id)).toBeLessThanOrEqual(Date.now());
  });

  it('returns distinct ids that sort in creation order, even within one millisecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 500 }), (n) => {
        const ids = Array.from({ length: n }, () => newId());
        expect(new Set(ids).size).toBe(n);
        expect(inCreationOrder(ids)).toBe(true);
      }),
    );
  });
});

describe('createIdGenerator', () => {
  it('returns ids whose time part is the clock time', () => {
    const clock = new ManualClock('2025-04-01T10:00:00Z');
    const nextId = createIdGenerator(clock);
    expect(decodeTime(nextId())).toBe(clock.now().getTime());
    clock.advance(1234);
    expect(decodeTime(nextId())).toBe(clock.now().getTime());
  });

  it('returns ids in creation order however the clock moves, including standing still and going back', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5_000, max: 5_000 }), { minLength: 1, maxLength: 200 }), (steps) => {
        const clock = new ManualClock('2025-04-01T10:00:00Z');
        const nextId = createIdGenerator(clock);
        const ids = steps.map((step) => {
          clock.advance(step);
          return nextId();
        });
        expect(ids.every(isId)).toBe(true);
        expect(new Set(ids).size).toBe(ids.length);
        expect(inCreationOrder(ids)).toBe(true);
      }),
    );
  });
});

describe('isId', () => {
  it('returns true for canonical ULIDs', () => {
    expect(isId('01HNZX8JGFACFA36RBXDHEQN6E')).toBe(true);
    expect(isId('7ZZZZZZZZZZZZZZZZZZZZZZZZZ')).toBe(true);
  });

  it('returns false for anything else', () => {
    for (const value of [
      '',
      '01hnzx8jgfacfa36rbxdheqn6e', // lower case is not canonical
      '01HNZX8JGFACFA36RBXDHEQN6', // 25 characters
      '01HNZX8JGFACFA36RBXDHEQN6EE', // 27 characters
      '01HNZX8JGFACFA36RBXDHEQN6I', // I, L, O and U are not Crockford base 32
      '01HNZX8JGFACFA36RBXDHEQN6U',
      '8ZZZZZZZZZZZZZZZZZZZZZZZZZ', // time part overflows 48 bits
      ' 01HNZX8JGFACFA36RBXDHEQN6E',
      undefined,
      null,
      42,
    ]) {
      expect(isId(value)).toBe(false);
    }
  });
});
