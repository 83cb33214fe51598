import { parseSendingWindow } from '../../../functions/checkins/sending-window';

describe('parseSendingWindow (Mon-Fri 09:00-18:00 Europe/London)', () => {
  const window = parseSendingWindow('Mon-Fri 09:00-18:00 Europe/London');

  it('returns open at 09:00 GMT in winter and closed at 08:59', () => {
    expect(window.isOpen(new Date('2026-01-12T09:00:00Z'))).toBe(true);
    expect(window.isOpen(new Date('2026-01-12T08:59:00Z'))).toBe(false);
    expect(window.isOpen(new Date('2026-01-12T17:59:59Z'))).toBe(true);
    expect(window.isOpen(new Date('2026-01-12T18:00:00Z'))).toBe(false);
  });

  it('returns open at 08:00 UTC in summer (09:00 BST) and closed at 17:00 UTC (18:00 BST)', () => {
    expect(window.isOpen(new Date('2026-07-06T08:00:00Z'))).toBe(true);
    expect(window.isOpen(new Date('2026-07-06T07:59:00Z'))).toBe(false);
    expect(window.isOpen(new Date('2026-07-06T17:00:00Z'))).toBe(false);
  });

  it('returns closed at the weekend', () => {
    expect(window.isOpen(new Date('2026-03-28T12:00:00Z'))).toBe(false);
    expect(window.isOpen(new Date('2026-03-29T12:00:00Z'))).toBe(false);
  });

  it('returns the Monday opening in BST after the clocks go forward (last Sunday of March)', () => {
    // Friday 27 March 2026 19:00 GMT → Monday 30 March 09:00 BST = 08:00 UTC.
    expect(window.nextOpening(new Date('2026-03-27T19:00:00Z')).toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('returns the Monday opening in GMT after the clocks go back (last Sunday of October)', () => {
    // Friday 23 October 2026 18:30 BST → Monday 26 October 09:00 GMT.
    expect(window.nextOpening(new Date('2026-10-23T17:30:00Z')).toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('returns the same morning when asked before opening, and the instant itself when open', () => {
    expect(window.nextOpening(new Date('2026-06-10T05:00:00Z')).toISOString()).toBe('2026-06-10T08:00:00.000Z');
    const open = new Date('2026-06-10T12:00:00Z');
    expect(window.nextOpening(open)).toBe(open);
  });

  it('throws when the window cannot be read', () => {
    expect(() => parseSendingWindow('weekdays 9-6')).toThrow(RangeError);
    expect(() => parseSendingWindow('Mon-Fri 18:00-09:00 Europe/London')).toThrow(RangeError);
    expect(() => parseSendingWindow('Mon-Fri 09:00-18:00 Mars/Olympus')).toThrow(RangeError);
  });
});
