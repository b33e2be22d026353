import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { Actor } from '@one-window/shared';
import type { StoredUser } from '../users/user.js';

/**
 * Bearer tokens: HS256 JWTs (RFC 7519) made and checked by `jose`. A token names its key (`kid`),
 * its user (`sub`) and its session (`sid`), and carries the user's security version (`sv`): it
 * grants nothing by itself — the guard builds the actor from the stored user and refuses the token
 * once that user is disabled, changes password or role (each bumps `sv`). Its life is capped by the
 * configured maximum whatever `exp` it claims.
 */
export interface TokenClaims {
  readonly sub: string;
  readonly sid: string;
  readonly sv: number;
  readonly iat: number;
  readonly exp: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: string };

export interface SigningKey {
  readonly kid: string;
  readonly secret: Uint8Array;
}

/** The key tokens are signed with now, and older keys still accepted until their tokens expire. */
export class TokenKeys {
  readonly current: SigningKey;
  private readonly byKid: ReadonlyMap<string, SigningKey>;

  /** `secrets[0]` signs; every one verifies. A key's id is derived from it (no key leaks through it). */
  constructor(secrets: readonly string[]) {
    if (secrets.length === 0) throw new Error('at least one signing secret is needed');
    const keys = secrets.map((s) => ({
      kid: createHash('sha256').update(`one-window-kid:${s}`).digest('base64url').slice(0, 12),
      secret: new TextEncoder().encode(s),
    }));
    this.current = keys[0];
    this.byKid = new Map(keys.map((k) => [k.kid, k]));
  }

  find(kid: unknown): SigningKey | undefined {
    return typeof kid === 'string' ? this.byKid.get(kid) : undefined;
  }
}

export interface TokenPolicy {
  readonly keys: TokenKeys;
  /** The life of a token: `exp - iat` may not exceed it, and a token older than it is refused. */
  readonly ttlSeconds: number;
}

export async function issueToken(
  policy: TokenPolicy,
  user: Pick<StoredUser, 'userId' | 'securityVersion'>,
  now: Date,
): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
  const iat = Math.floor(now.getTime() / 1000);
  const sessionId = randomUUID();
  const token = await new SignJWT({ sid: sessionId, sv: user.securityVersion })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: policy.keys.current.kid })
    .setSubject(user.userId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + policy.ttlSeconds)
    .sign(policy.keys.current.secret);
  return { token, expiresAt: new Date((iat + policy.ttlSeconds) * 1000), sessionId };
}

const CLOCK_SKEW_SECONDS = 60;

export async function verifyToken(policy: TokenPolicy, token: string, now: Date): Promise<TokenCheck> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, (header) => keyFor(policy.keys, header.kid), {
      algorithms: ['HS256'],
      currentDate: now,
      maxTokenAge: policy.ttlSeconds + CLOCK_SKEW_SECONDS,
      requiredClaims: ['sub', 'iat', 'exp'],
    }));
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
  const { sub, sid, sv, iat, exp } = payload as Partial<TokenClaims>;
  if (typeof sub !== 'string' || typeof sid !== 'string' || !Number.isInteger(sv)) {
    return { ok: false, reason: 'the token is malformed' };
  }
  if (exp! - iat! > policy.ttlSeconds || iat! > now.getTime() / 1000 + CLOCK_SKEW_SECONDS) {
    return { ok: false, reason: 'the token claims a longer life than this server grants; sign in again' };
  }
  return { ok: true, claims: { sub, sid, sv: sv!, iat: iat!, exp: exp! } };
}

function keyFor(keys: TokenKeys, kid: unknown): Uint8Array {
  const key = keys.find(kid);
  if (key === undefined) throw new UnknownKeyError();
  return key.secret;
}

class UnknownKeyError extends Error {}

function reasonOf(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'the token has expired; sign in again';
  if (error instanceof UnknownKeyError) return 'the token was signed with a key this server does not hold';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  return 'the token is malformed';
}

/** The stored user as the case engine's actor: the token's word is never taken for role or scope. */
export function actorOf(user: StoredUser): Actor {
  return {
    userId: user.userId,
    name: user.name,
    role: user.role,
    ...(user.hall ? { hall: user.hall } : {}),
    ...(user.department ? { department: user.department } : {}),
  };
}
