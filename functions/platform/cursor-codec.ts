import { createCipheriv, createDecipheriv, createSecretKey, hkdfSync, type KeyObject, randomBytes } from 'node:crypto';
import { ValidationError } from '../shared/errors';

/*
 * Paging cursors as clients see them: a position in one list, sealed (JWE, `dir` + A256GCM) with a key
 * from configuration. Sealing makes a cursor opaque (no DynamoDB key, id or offset can be read from it) and
 * tamper-evident (a changed byte fails authentication), and it binds the cursor to the list that gave it out: the
 * list's name is sealed in with the position and compared on the way back, so a caseload cursor offered to the audit
 * trail, or a referral's events cursor offered for another referral, is refused. The position inside is still
 * checked by whoever reads it (platform/dynamodb/key-paging.ts checks a DynamoDB key against the index and partition
 * it is used on): the seal says "we gave this out", not "it fits this query".
 */

/** Returns the 32-byte content key; called once per process (the codec memoises it) and again after a failure. */
export type CursorKeySource = () => Promise<Uint8Array>;

/**
 * The key derived from a configured secret (the Secrets Manager secret CDK generates in AWS, the file `npm start`
 * keeps under .data/): HKDF-SHA-256, so a secret of any length and alphabet gives a uniform 256-bit key.
 */
export function cursorKeyFromSecret(secret: string): Uint8Array {
  if (secret.length < 32) throw new Error('The cursor secret must be at least 32 characters');
  return new Uint8Array(hkdfSync('sha256', secret, 'linkwork', 'paging cursor key v1', 32));
}

/** A key that lives as long as the process: for tests and throwaway runs, never for a deployed stage. */
export function ephemeralCursorKey(): CursorKeySource {
  const key = new Uint8Array(randomBytes(32));
  return async () => key;
}

/**
 * The JWE protected header of every cursor, encoded once. It is also the AES-GCM additional data (RFC 7516, 5.1), and a
 * cursor whose header is anything else is not ours.
 */
const ENCODED_HEADER = Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A256GCM' })).toString('base64url');
const AAD = Buffer.from(ENCODED_HEADER, 'ascii');
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Far above any cursor we give out (about 500 characters for a caseload row); a longer one is not ours. */
const MAX_CURSOR_LENGTH = 2000;

/** The bytes of a base64url segment, or undefined unless it is the one canonical encoding of them. */
function canonicalBase64url(segment: string): Buffer | undefined {
  const bytes = Buffer.from(segment, 'base64url');
  return bytes.toString('base64url') === segment ? bytes : undefined;
}

/**
 * JWE compact serialization with `dir` and `A256GCM`, made with node:crypto's AES-256-GCM directly: the same format
 * jose gives and reads (test/unit/platform/cursor-codec.test.ts checks both ways), without WebCrypto's asynchronous job
 * per cursor, which cost a caseload page about 2.5 ms of CPU for its one `endCursor` (docs/performance.md).
 */
export class CursorCodec {
  private key: Promise<KeyObject> | undefined;

  constructor(private readonly source: CursorKeySource) {}

  /** The opaque cursor for `position` in `list` (e.g. `caseload`, `Referral.events:<referralId>`). */
  async seal(list: string, position: string): Promise<string> {
    const key = await this.contentKey();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES }).setAAD(AAD);
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify({ l: list, p: position }), 'utf8'), cipher.final()]);
    const parts = [ENCODED_HEADER, '', iv, ciphertext, cipher.getAuthTag()];
    return parts.map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  /**
   * The position inside a cursor this codec sealed for `list`. Anything else (tampered, truncated, sealed with
   * another key or for another list) is a ValidationError naming `field`, which never repeats the cursor.
   */
  async open(list: string, cursor: string, field = 'after'): Promise<string> {
    const refused = new ValidationError(field, 'is not a cursor this list gave out');
    if (cursor.length > MAX_CURSOR_LENGTH) throw refused;
    const key = await this.contentKey();
    const [header, encryptedKey, ...rest] = cursor.split('.');
    if (header !== ENCODED_HEADER || encryptedKey !== '' || rest.length !== 3) throw refused;
    const [iv, ciphertext, tag] = rest.map(canonicalBase64url);
    if (iv?.length !== IV_BYTES || !ciphertext || tag?.length !== TAG_BYTES) throw refused;
    let sealed: unknown;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES }).setAAD(AAD);
      decipher.setAuthTag(tag);
      sealed = JSON.parse(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8'));
    } catch {
      throw refused;
    }
    const { l, p } = (sealed ?? {}) as { l?: unknown; p?: unknown };
    if (l !== list || typeof p !== 'string') throw refused;
    return p;
  }

  private contentKey(): Promise<KeyObject> {
    if (!this.key) {
      this.key = this.source().then((key) => {
        if (key.length !== 32) throw new Error('A cursor key must be 32 bytes');
        return createSecretKey(key);
      });
      // A failed fetch (a Secrets Manager hiccup at cold start) is tried again on the next request.
      this.key.catch(() => {
        this.key = undefined;
      });
    }
    return this.key;
  }
}
