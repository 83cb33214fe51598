import { createSecretKey, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { DATA_DIR } from './data-dir';

/*
 * Local stand-in for Cognito + API Gateway's JWT authorizer under `npm start`. One HS256 key is generated on first
 * use and kept in the git-ignored `.data/local-jwt-key.json`, so tokens survive restarts of the local API. Nothing
 * here is used in AWS, where Cognito signs and API Gateway verifies.
 */

export const LOCAL_ISSUER = 'https://linkwork.local/auth';
export const LOCAL_AUDIENCE = 'linkwork-local';
export const DEFAULT_KEY_FILE = join(DATA_DIR, 'local-jwt-key.json');
const ALGORITHM = 'HS256';

interface KeyFile {
  alg: typeof ALGORITHM;
  kid: string;
  /** base64url, 32 random bytes. */
  secret: string;
  createdAt: string;
}

export interface LocalKey {
  kid: string;
  secret: Uint8Array;
}

function readKey(path: string): LocalKey {
  const file = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  if (file.alg !== ALGORITHM || typeof file.secret !== 'string' || typeof file.kid !== 'string') {
    throw new Error(`${path} is not a local JWT key file; delete it to have a new key made`);
  }
  return { kid: file.kid, secret: new Uint8Array(Buffer.from(file.secret, 'base64url')) };
}

/** The local signing key, made on first use. Safe when two processes start at once (the file is created exclusively). */
export function loadLocalKey(path: string = DEFAULT_KEY_FILE): LocalKey {
  try {
    return readKey(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true });
  const file: KeyFile = {
    alg: ALGORITHM,
    kid: `local-${randomBytes(4).toString('hex')}`,
    secret: randomBytes(32).toString('base64url'),
    createdAt: new Date().toISOString(),
  };
  try {
    writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readKey(path);
}

export interface TokenSubject {
  userId: string;
  role: string;
  organisationId?: string;
}

export interface SignOptions {
  /** Seconds until expiry (default 8 hours), or a jose time span such as `'1h'`. */
  expiresIn?: number | string;
  keyFile?: string;
}

/** A bearer token for a staff user, with the claims Cognito puts in an ID token (`sub`, `cognito:groups`, …). */
export async function signLocalToken(user: TokenSubject, options: SignOptions = {}): Promise<string> {
  const key = loadLocalKey(options.keyFile);
  const expiresIn = options.expiresIn ?? 8 * 3600;
  return new SignJWT({
    'cognito:groups': [user.role],
    ...(user.organisationId ? { 'custom:organisationId': user.organisationId } : {}),
    token_use: 'id',
  })
    .setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(user.userId)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(typeof expiresIn === 'number' ? Math.floor(Date.now() / 1000) + expiresIn : expiresIn)
    .sign(key.secret);
}

const VERIFY_OPTIONS = {
  algorithms: [ALGORITHM],
  issuer: LOCAL_ISSUER,
  audience: LOCAL_AUDIENCE,
  requiredClaims: ['sub', 'exp'],
};

/** Verifies signature, issuer, audience and expiry, as API Gateway's JWT authorizer does; throws otherwise. */
export async function verifyLocalToken(token: string, options: { keyFile?: string } = {}): Promise<JWTPayload> {
  return localTokenVerifier(options)(token);
}

/**
 * `verifyLocalToken` with the key read once, for a server: the local API read and parsed the key file, and jose
 * imported the key into WebCrypto, on every request. A key file replaced while the server runs is used from the next
 * start, as API Gateway keeps the keys it fetched.
 */
export function localTokenVerifier(options: { keyFile?: string } = {}): (token: string) => Promise<JWTPayload> {
  const { secret } = loadLocalKey(options.keyFile);
  const key = createSecretKey(secret);
  return async (token) => (await jwtVerify(token, key, VERIFY_OPTIONS)).payload;
}

/**
 * Claims as API Gateway hands them to the Lambda: every value a string; arrays written `[a b]`; objects as JSON.
 */
export function toApiGatewayClaims(payload: Record<string, unknown>): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) claims[name] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'object') claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}
