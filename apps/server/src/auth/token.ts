import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Actor } from '@one-window/shared';
import { USER_ROLES, type User, type UserRole } from './user.js';

/** The claims of our bearer tokens: an HS256 JWT (RFC 7519) signed with the server's secret. */
export interface TokenClaims {
  readonly sub: string;
  readonly name: string;
  readonly role: UserRole;
  readonly hall?: string;
  readonly department?: string;
  readonly iat: number;
  readonly exp: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: string };

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

function sign(secret: string, input: string): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

export function issueToken(
  secret: string,
  user: User,
  now: Date,
  ttlSeconds: number,
): { token: string; expiresAt: Date } {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: TokenClaims = {
    sub: user.userId,
    name: user.name,
    role: user.role,
    ...(user.hall ? { hall: user.hall } : {}),
    ...(user.department ? { department: user.department } : {}),
    iat,
    exp: iat + ttlSeconds,
  };
  const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return {
    token: `${body}.${sign(secret, body).toString('base64url')}`,
    expiresAt: new Date(claims.exp * 1000),
  };
}

function isClaims(value: unknown): value is TokenClaims {
  const c = value as Partial<TokenClaims> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.sub === 'string' &&
    typeof c.name === 'string' &&
    USER_ROLES.includes(c.role as UserRole) &&
    typeof c.iat === 'number' &&
    typeof c.exp === 'number'
  );
}

export function verifyToken(secret: string, token: string, now: Date): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'the token is malformed' };
  const [header, payload, signature] = parts as [string, string, string];
  // Only our exact header is accepted: no `alg: none`, no algorithm confusion.
  if (header !== HEADER) return { ok: false, reason: 'the token is malformed' };
  const expected = sign(secret, `${header}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'the token signature is not valid' };
  }
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'the token is malformed' };
  }
  if (!isClaims(claims)) return { ok: false, reason: 'the token is malformed' };
  if (claims.exp * 1000 <= now.getTime())
    return { ok: false, reason: 'the token has expired; sign in again' };
  return { ok: true, claims };
}

export function actorOf(claims: TokenClaims): Actor {
  return {
    userId: claims.sub,
    name: claims.name,
    role: claims.role,
    ...(claims.hall ? { hall: claims.hall } : {}),
    ...(claims.department ? { department: claims.department } : {}),
  };
}
