import {
  assertLegalTransition,
  caseStateOf,
  isLegalTransition,
  REFERRAL_TRANSITIONS,
  snomedCodeFor,
  TERMINAL_STATUSES,
} from '../../../functions/referrals/transitions';
import { ageBandAt, REFERRAL_STATUSES, type ReferralStatus } from '../../../functions/referrals/vocabulary';
import { ConflictError } from '../../../functions/shared/errors';

const LEGAL: [ReferralStatus, ReferralStatus][] = [
  ['RECEIVED', 'CONTACTED'],
  ['RECEIVED', 'UNABLE_TO_CONTACT'],
  ['RECEIVED', 'DECLINED'],
  ['CONTACTED', 'ACCEPTED'],
  ['CONTACTED', 'DECLINED'],
  ['CONTACTED', 'UNABLE_TO_CONTACT'],
  ['ACCEPTED', 'ACTIVE'],
  ['ACCEPTED', 'CLOSED'],
  ['ACCEPTED', 'DECLINED'],
  ['ACTIVE', 'CLOSED'],
];

describe('referral transitions', () => {
  it('returns true for exactly the ten legal transitions', () => {
    const all = REFERRAL_STATUSES.flatMap((from) => REFERRAL_STATUSES.map((to) => [from, to] as const));

    const legal = all.filter(([from, to]) => isLegalTransition(from, to));

    expect(legal).toHaveLength(LEGAL.length);
    expect(legal).toEqual(expect.arrayContaining(LEGAL));
  });

  it('returns no way out of a terminal status', () => {
    for (const status of TERMINAL_STATUSES) expect(REFERRAL_TRANSITIONS[status]).toEqual([]);
  });

  it.each([
    ['RECEIVED', 'ACTIVE'],
    ['RECEIVED', 'CLOSED'],
    ['ACTIVE', 'DECLINED'],
    ['CLOSED', 'ACTIVE'],
    ['DECLINED', 'CONTACTED'],
    ['RECEIVED', 'RECEIVED'],
  ] as [ReferralStatus, ReferralStatus][])('throws a ConflictError naming both statuses for %s → %s', (from, to) => {
    expect(() => assertLegalTransition(from, to)).toThrow(ConflictError);
    expect(() => assertLegalTransition(from, to)).toThrow(new RegExp(`from ${from} to ${to}`));
  });

  it('returns CLOSED as the case state of every terminal status and OPEN otherwise', () => {
    expect(REFERRAL_STATUSES.map((status) => [status, caseStateOf(status)])).toEqual([
      ['RECEIVED', 'OPEN'],
      ['CONTACTED', 'OPEN'],
      ['ACCEPTED', 'OPEN'],
      ['ACTIVE', 'OPEN'],
      ['CLOSED', 'CLOSED'],
      ['DECLINED', 'CLOSED'],
      ['UNABLE_TO_CONTACT', 'CLOSED'],
    ]);
  });

  it('returns the SNOMED CT concepts for accepting and declining only', () => {
    expect(snomedCodeFor('ACCEPTED')).toBe('871731000000106');
    expect(snomedCodeFor('DECLINED')).toBe('871711000000103');
    expect(REFERRAL_STATUSES.filter((status) => snomedCodeFor(status) !== undefined)).toEqual(['ACCEPTED', 'DECLINED']);
  });
});

describe('ageBandAt', () => {
  it.each([
    ['2008-03-03', 'UNDER_18'],
    ['2008-03-02', '18-24'],
    ['2001-03-03', '18-24'],
    ['2001-03-02', '25-34'],
    ['1961-03-02', '65-74'],
    ['1951-03-03', '65-74'],
    ['1951-03-02', '75+'],
  ])('returns the band of someone born %s on 2026-03-02 as %s', (dateOfBirth, band) => {
    expect(ageBandAt(dateOfBirth, new Date('2026-03-02T09:00:00Z'))).toBe(band);
  });
});
