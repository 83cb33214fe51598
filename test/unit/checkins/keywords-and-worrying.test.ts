import { keywordOf } from '../../../functions/checkins/keywords';
import { isWorryingReply, WORRYING_PHRASES } from '../../../functions/checkins/worrying-replies';

describe('keywordOf', () => {
  it.each([
    'STOP',
    'stop',
    ' Stop. ',
    'STOPALL',
    'unsubscribe',
    'Cancel',
    'END',
    'quit',
    'OPTOUT',
    'opt out',
    'Stop texting me',
  ])('returns STOP for %j', (text) => {
    expect(keywordOf(text)).toBe('STOP');
  });

  it.each(['START', ' unstop '])('returns START for %j', (text) => {
    expect(keywordOf(text)).toBe('START');
  });

  it.each(['HELP', 'help?'])('returns HELP for %j', (text) => {
    expect(keywordOf(text)).toBe('HELP');
  });

  it.each(['End of the week was good', '3', 'never', 'help me', 'I want to stop feeling like this'])(
    'returns nothing for an ordinary reply %j',
    (text) => {
      expect(keywordOf(text)).toBeUndefined();
    },
  );
});

describe('isWorryingReply', () => {
  it.each([
    'I want to kill myself',
    'thinking about SUICIDE',
    'i have been self-harming... self harm again',
    'he hits me',
    'Please call me',
    'help me',
    'in crisis',
    "I don't want to live",
    'I feel unsafe at home',
  ])('returns true for %j', (text) => {
    expect(isWorryingReply(text)).toBe(true);
  });

  it.each(['7', 'never', 'Often', 'I enjoyed the walking group', 'HELP', 'therapist was helpful'])(
    'returns false for %j',
    (text) => {
      expect(isWorryingReply(text)).toBe(false);
    },
  );

  it('matches every reviewed phrase on its own', () => {
    for (const phrase of WORRYING_PHRASES) expect(isWorryingReply(`  ${phrase.toUpperCase()}! `)).toBe(true);
  });
});
