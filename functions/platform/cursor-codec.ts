import { hkdfSync, randomBytes, webcrypto } from 'node:crypto';
import { CompactEncrypt, compactDecrypt } from 'jose';
import { ValidationError } from '../shared/errors';

/*
 * Paging cursors as clients see them: a position in one list, sealed (JWE, `dir` + A256GCM via jose) with a key
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

const HEADER = { alg: 'dir', enc: 'A256GCM' } as const;
const DECRYPT_OPTIONS = { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] };
/** Far above any cursor we give out (about 500 characters for a caseload row); a longer one is not ours. */
const MAX_CURSOR_LENGTH = 2000;

export class CursorCodec {
  /**
   * Imported once: given the raw bytes, jose imports a WebCrypto key on every seal and open, an extra asynchronous
   * crypto job per cursor.
   */
  private key: Promise<webcrypto.CryptoKey> | undefined;

  constructor(private readonly source: CursorKeySource) {}

  /** The opaque cursor for `position` in `list` (e.g. `caseload`, `Referral.events:<referralId>`). */
  async seal(list: string, position: string): Promise<string> {
    const plaintext = new TextEncoder().encode(JSON.stringify({ l: list, p: position }));
    return new CompactEncrypt(plaintext).setProtectedHeader(HEADER).encrypt(await this.contentKey());
  }

  /**
   * The position inside a cursor this codec sealed for `list`. Anything else (tampered, truncated, sealed with
   * another key or for another list) is a ValidationError naming `field`, which never repeats the cursor.
   */
  async open(list: string, cursor: string, field = 'after'): Promise<string> {
    const refused = new ValidationError(field, 'is not a cursor this list gave out');
    if (cursor.length > MAX_CURSOR_LENGTH) throw refused;
    const key = await this.contentKey();
    let sealed: unknown;
    try {
      const { plaintext } = await compactDecrypt(cursor, key, DECRYPT_OPTIONS);
      sealed = JSON.parse(new TextDecoder().decode(plaintext));
    } catch {
      throw refused;
    }
    const { l, p } = (sealed ?? {}) as { l?: unknown; p?: unknown };
    if (l !== list || typeof p !== 'string') throw refused;
    return p;
  }

  /**
   * Starts fetching the key, if it is neither held nor on its way, without waiting for it. A cold GraphQL function
   * calls this as each request starts (functions/graphql/lambda.ts): the key (a Secrets Manager read in AWS) then
   * arrives while the request waits on DynamoDB, instead of after its first page is read. It starts after the
   * current turn of the event loop, so the caller's own first request is on the wire before the key's fetch takes
   * the CPU. A failure is left to the first seal or open, which asks again.
   */
  prefetchKey(): void {
    if (this.key) return;
    setImmediate(() => {
      this.contentKey().catch(() => {});
    });
  }

  private contentKey(): Promise<webcrypto.CryptoKey> {
    if (!this.key) {
      this.key = this.source().then((key) => {
        if (key.length !== 32) throw new Error('A cursor key must be 32 bytes');
        return webcrypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt', 'decrypt']);
      });
      // A failed fetch (a Secrets Manager hiccup at cold start) is tried again on the next request.
      this.key.catch(() => {
        this.key = undefined;
      });
    }
    return this.key;
  }
}
