import { issueToken, verifyToken } from './token.js';
import type { User } from './user.js';

const secret = 'a'.repeat(43);
const clerk: User = {
  userId: 'u1',
  username: 'clerk1',
  name: '王敏',
  role: 'clerk',
  hall: 'hall-150102',
  disabled: false,
};
const now = new Date('2026-03-02T01:00:00Z');

describe('bearer tokens (HS256 JWT)', () => {
  it('carries the user, role and scope until it expires', () => {
    const { token, expiresAt } = issueToken(secret, clerk, now, 3600);
    expect(expiresAt.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    const check = verifyToken(secret, token, new Date('2026-03-02T01:59:59Z'));
    expect(check).toMatchObject({ ok: true, claims: { sub: 'u1', role: 'clerk', hall: 'hall-150102' } });
    expect(verifyToken(secret, token, expiresAt)).toEqual({
      ok: false,
      reason: 'the token has expired; sign in again',
    });
  });

  it('refuses another secret, a changed payload and alg "none"', () => {
    const { token } = issueToken(secret, clerk, now, 3600);
    expect(verifyToken('b'.repeat(43), token, now).ok).toBe(false);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    expect(verifyToken(secret, `${header}.${forged}.${signature}`, now).ok).toBe(false);
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(verifyToken(secret, `${none}.${payload}.`, now).ok).toBe(false);
    expect(verifyToken(secret, 'not-a-token', now).ok).toBe(false);
  });
});
