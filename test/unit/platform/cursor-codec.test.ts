import { CursorCodec, cursorKeyFromSecret, ephemeralCursorKey } from '../../../functions/platform/cursor-codec';
import { ValidationError } from '../../../functions/shared/errors';

const POSITION = JSON.stringify({ pk: '$linkwork#caseloadowner_lw-asha', sk: '$referral_1#referralid_01abc' });

/** Flips one character of the cursor at `index` to another base64url character. */
function flip(cursor: string, index: number): string {
  const replacement = cursor[index] === 'A' ? 'B' : 'A';
  return cursor.slice(0, index) + replacement + cursor.slice(index + 1);
}

describe('CursorCodec', () => {
  it('returns the position it sealed for the same list', async () => {
    const codec = new CursorCodec(ephemeralCursorKey());

    const cursor = await codec.seal('caseload', POSITION);

    await expect(codec.open('caseload', cursor)).resolves.toBe(POSITION);
  });

  it('returns cursors that show neither the position nor the list in any readable form', async () => {
    const cursor = await new CursorCodec(ephemeralCursorKey()).seal('caseload', POSITION);
    const readable = cursor
      .split('.')
      .map((part) => Buffer.from(part, 'base64url').toString('latin1'))
      .join(' ');

    for (const secret of ['caseload', 'lw-asha', 'referralid', '01abc']) {
      expect(cursor).not.toContain(secret);
      expect(readable).not.toContain(secret);
    }
  });

  it('returns a different cursor each time, so equal positions cannot be matched up', async () => {
    const codec = new CursorCodec(ephemeralCursorKey());

    expect(await codec.seal('caseload', POSITION)).not.toBe(await codec.seal('caseload', POSITION));
  });

  it('throws ValidationError naming after when any character of a cursor is changed', async () => {
    const codec = new CursorCodec(ephemeralCursorKey());
    const cursor = await codec.seal('caseload', POSITION);
    // The header, the nonce, the sealed position and the tag: a change to any of them must be noticed.
    const segments = cursor.split('.');
    const changes = [0, segments[0]!.length + 2, cursor.length - 30, cursor.length - 2];

    for (const index of changes) {
      await expect(codec.open('caseload', flip(cursor, index))).rejects.toMatchObject({
        field: 'after',
        code: 'BAD_USER_INPUT',
      });
    }
  });

  it('throws ValidationError for a cursor sealed for another list or with another key', async () => {
    const key = ephemeralCursorKey();
    const codec = new CursorCodec(key);
    const caseload = await codec.seal('caseload', POSITION);
    const otherDeployment = await new CursorCodec(ephemeralCursorKey()).seal('caseload', POSITION);

    await expect(codec.open('auditTrail', caseload)).rejects.toThrow(ValidationError);
    await expect(codec.open('caseload', otherDeployment)).rejects.toThrow(ValidationError);
  });

  it('throws ValidationError without repeating the cursor', async () => {
    const codec = new CursorCodec(ephemeralCursorKey());

    const error = await codec.open('caseload', 'eyJub3QiOiJhIGN1cnNvciJ9', 'input.after').catch((e: unknown) => e);

    expect(error).toMatchObject({ field: 'input.after' });
    expect((error as Error).message).not.toContain('eyJub3Qi');
  });

  it('asks for the key again after the key source failed', async () => {
    let calls = 0;
    const key = new Uint8Array(32).fill(1);
    const codec = new CursorCodec(async () => {
      calls += 1;
      if (calls === 1) throw new Error('secret not reachable');
      return key;
    });

    await expect(codec.seal('caseload', POSITION)).rejects.toThrow('secret not reachable');
    const cursor = await codec.seal('caseload', POSITION);

    await expect(codec.open('caseload', cursor)).resolves.toBe(POSITION);
    expect(calls).toBe(2);
  });
  it('fetches the key once when asked ahead, and seals with it without asking again', async () => {
    let calls = 0;
    const key = new Uint8Array(32).fill(2);
    const codec = new CursorCodec(async () => {
      calls += 1;
      return key;
    });

    codec.prefetchKey();
    await new Promise((resolve) => setImmediate(resolve));
    codec.prefetchKey();
    const cursor = await codec.seal('caseload', POSITION);

    await expect(new CursorCodec(async () => key).open('caseload', cursor)).resolves.toBe(POSITION);
    expect(calls).toBe(1);
  });

  it('asks for the key again at the first seal after a fetch asked ahead failed', async () => {
    let calls = 0;
    const key = new Uint8Array(32).fill(3);
    const codec = new CursorCodec(async () => {
      calls += 1;
      if (calls === 1) throw new Error('secret not reachable');
      return key;
    });

    codec.prefetchKey();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const cursor = await codec.seal('caseload', POSITION);

    await expect(codec.open('caseload', cursor)).resolves.toBe(POSITION);
    expect(calls).toBe(2);
  });
});

describe('cursorKeyFromSecret', () => {
  it('returns the same 32-byte key for the same secret and another for another secret', () => {
    const secret = 'x'.repeat(64);

    expect(cursorKeyFromSecret(secret)).toEqual(cursorKeyFromSecret(secret));
    expect(cursorKeyFromSecret(secret)).toHaveLength(32);
    expect(cursorKeyFromSecret(secret)).not.toEqual(cursorKeyFromSecret('y'.repeat(64)));
  });

  it('throws when the secret is shorter than 32 characters', () => {
    expect(() => cursorKeyFromSecret('short')).toThrow('at least 32 characters');
  });
});
