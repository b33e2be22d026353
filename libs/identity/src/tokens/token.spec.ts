import { createHmac } from 'node:crypto';
import { TokenKeys, type TokenPolicy, issueToken, verifyToken } from './token.js';

const secret = 'a'.repeat(43);
const policy: TokenPolicy = { keys: new TokenKeys([secret]), ttlSeconds: 3600 };
const user = { userId: 'u1', securityVersion: 3 };
const now = new Date('2026-03-02T01:00:00Z');

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token made by hand with the right key: what a forger holding the secret could do. */
function handMade(header: Record<string, unknown>, claims: Record<string, unknown>, key = secret): string {
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

describe('bearer tokens (HS256 JWT through jose)', () => {
  it('names its key, user, session and security version until it expires', async () => {
    const { token, expiresAt, sessionId } = await issueToken(policy, user, now);
    expect(expiresAt.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toEqual({
      alg: 'HS256',
      typ: 'JWT',
      kid: policy.keys.current.kid,
    });
    const check = await verifyToken(policy, token, new Date('2026-03-02T01:59:59Z'));
    expect(check).toEqual({
      ok: true,
      claims: { sub: 'u1', sid: sessionId, sv: 3, iat: 1772413200, exp: 1772416800 },
    });
    expect(await verifyToken(policy, token, expiresAt)).toEqual({
      ok: false,
      reason: 'the token has expired; sign in again',
    });
  });

  it('refuses another key, a changed payload, alg "none" and garbage', async () => {
    const { token } = await issueToken(policy, user, now);
    const other: TokenPolicy = { keys: new TokenKeys(['b'.repeat(43)]), ttlSeconds: 3600 };
    expect(await verifyToken(other, token, now)).toMatchObject({ ok: false, reason: /does not hold/ });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    expect((await verifyToken(policy, `${header}.${b64({ ...claims, sv: 4 })}.${signature}`, now)).ok).toBe(
      false,
    );
    expect(
      (await verifyToken(policy, `${b64({ alg: 'none', kid: policy.keys.current.kid })}.${payload}.`, now))
        .ok,
    ).toBe(false);
    expect((await verifyToken(policy, 'not-a-token', now)).ok).toBe(false);
  });

  it('caps the life of a token whatever exp it claims (defect: a year-2100 expiry was accepted)', async () => {
    const iat = Math.floor(now.getTime() / 1000);
    const kid = policy.keys.current.kid;
    const forever = handMade({ alg: 'HS256', kid }, { sub: 'u1', sid: 's', sv: 3, iat, exp: 4102444800 });
    expect(await verifyToken(policy, forever, now)).toMatchObject({ ok: false, reason: /longer life/ });
    const fine = handMade({ alg: 'HS256', kid }, { sub: 'u1', sid: 's', sv: 3, iat, exp: iat + 3600 });
    expect((await verifyToken(policy, fine, now)).ok).toBe(true);
    const noExpiry = handMade({ alg: 'HS256', kid }, { sub: 'u1', sid: 's', sv: 3, iat });
    expect((await verifyToken(policy, noExpiry, now)).ok).toBe(false);
  });

  it('rotates keys: tokens of the previous key stay good until they expire, new ones use the new key', async () => {
    const old = await issueToken(policy, user, now);
    const rotated: TokenPolicy = { keys: new TokenKeys(['c'.repeat(43), secret]), ttlSeconds: 3600 };
    expect((await verifyToken(rotated, old.token, now)).ok).toBe(true);
    const fresh = await issueToken(rotated, user, now);
    expect(JSON.parse(Buffer.from(fresh.token.split('.')[0], 'base64url').toString()).kid).toBe(
      rotated.keys.current.kid,
    );
    expect((await verifyToken(policy, fresh.token, now)).ok).toBe(false);
    expect(rotated.keys.current.kid).not.toBe(policy.keys.current.kid);
    expect(rotated.keys.current.kid).not.toContain('c');
  });
});
