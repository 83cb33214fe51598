import {
  normalisePostcode,
  parseActivityDetails,
  parseIsoDate,
  searchTextOf,
} from '../../../functions/activities/validation';
import { ValidationError } from '../../../functions/shared/errors';

const valid = {
  name: '  Health Walk ',
  description: 'A gentle guided walk.',
  category: 'PHYSICAL_ACTIVITY',
  venueName: 'Roundhay Park',
  venueAddress: 'Mansion Lane, Leeds',
  postcode: 'ls8 2hh',
  scheduleText: 'Tuesdays 10:00',
  contact: { email: 'Walks@Example.org' },
  cost: { kind: 'FREE' },
  takesDirectReferrals: false,
};

describe('normalisePostcode', () => {
  it.each([
    ['ls1 4ap', 'LS1 4AP'],
    ['LS14AP', 'LS1 4AP'],
    ['  sw1a   1aa ', 'SW1A 1AA'],
    ['m1 1ae', 'M1 1AE'],
    ['b33 8th', 'B33 8TH'],
    ['cr2 6xh', 'CR2 6XH'],
    ['dn55 1pt', 'DN55 1PT'],
    ['w1a 0ax', 'W1A 0AX'],
    ['ec1a 1bb', 'EC1A 1BB'],
    ['gir 0aa', 'GIR 0AA'],
  ])('returns %j as %j', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each(['', 'LS1', '12345', 'LS1 4A', 'LS1 4APP', 'L$1 4AP', 'ABC1 4AP'])(
    'throws naming the field for %j',
    (input) => {
      expect(() => normalisePostcode(input, 'activity.postcode')).toThrow(
        expect.objectContaining({ field: 'activity.postcode' }),
      );
    },
  );
});

describe('parseIsoDate', () => {
  it('returns a real calendar date unchanged, leap days included', () => {
    expect(parseIsoDate('2028-02-29', 'startDate')).toBe('2028-02-29');
  });

  it.each(['2026-02-29', '2026-13-01', '26-03-01', '2026-3-1', '2026-03-01T00:00:00Z'])(
    'throws naming the field for %j',
    (input) => {
      expect(() => parseIsoDate(input, 'startDate')).toThrow(ValidationError);
      expect(() => parseIsoDate(input, 'startDate')).toThrow(/^startDate:/);
    },
  );
});

describe('parseActivityDetails', () => {
  it('returns trimmed, normalised details', () => {
    const details = parseActivityDetails(valid);

    expect(details).toMatchObject({
      name: 'Health Walk',
      postcode: 'LS8 2HH',
      contact: { email: 'walks@example.org' },
    });
    expect(details.capacity).toBeUndefined();
  });

  it.each([
    [{ category: 'KNITTING' }, 'activity.category'],
    [{ name: '   ' }, 'activity.name'],
    [{ contact: {} }, 'activity.contact'],
    [{ contact: { phone: '12' } }, 'activity.contact.phone'],
    [{ contact: { website: 'javascript:alert(1)' } }, 'activity.contact.website'],
    [{ cost: { kind: 'CHARGE', details: ' ' } }, 'activity.cost.details'],
    [{ cost: { kind: 'MAYBE' } }, 'activity.cost.kind'],
    [{ capacity: 0 }, 'activity.capacity'],
    [{ capacity: 2.5 }, 'activity.capacity'],
    [{ takesDirectReferrals: 'yes' }, 'activity.takesDirectReferrals'],
  ])('throws naming the field for %j', (change, field) => {
    expect(() => parseActivityDetails({ ...valid, ...change })).toThrow(expect.objectContaining({ field }));
  });

  it('treats a blank optional field as absent', () => {
    expect(parseActivityDetails({ ...valid, eligibility: '  ' }).eligibility).toBeUndefined();
  });
});

describe('searchTextOf', () => {
  it('returns name, description and venue in lower case', () => {
    const text = searchTextOf(parseActivityDetails(valid));

    expect(text).toContain('health walk');
    expect(text).toContain('roundhay park');
    expect(text).toBe(text.toLowerCase());
  });
});
