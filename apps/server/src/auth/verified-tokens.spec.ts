import { TokenKeys, type TokenPolicy, issueToken, verifyToken } from '@one-window/identity';
import { VerifiedTokens } from './verified-tokens.js';

const policy: TokenPolicy = { keys: new TokenKeys(['k'.repeat(43)]), ttlSeconds: 3600 };
const user = { userId: 'u1', securityVersion: 1 };
const now = new Date('2026-03-02T01:00:00Z');
const at = (iso: string) => new Date(iso);

describe('VerifiedTokens: a remembered token answers as the full check would', () => {
  it('accepts a token again with the same claims, and refuses it from its expiry on', async () => {
    const tokens = new VerifiedTokens(policy);
    const { token } = await issueToken(policy, user, now);
    const first = await tokens.check(token, now);
    expect(first.ok).toBe(true);
    expect(await tokens.check(token, at('2026-03-02T01:30:00Z'))).toEqual(first);
    for (const late of ['2026-03-02T01:59:59.500Z', '2026-03-02T02:00:00Z', '2026-03-03T00:00:00Z'])
      expect(await tokens.check(token, at(late))).toEqual(await verifyToken(policy, token, at(late)));
    expect(await tokens.check(token, at('2026-03-02T02:00:00Z'))).toEqual({
      ok: false,
      reason: 'the token has expired; sign in again',
    });
  });

  it('checks again when the clock went back before the first check', async () => {
    const tokens = new VerifiedTokens(policy);
    const { token } = await issueToken(policy, user, now);
    expect((await tokens.check(token, now)).ok).toBe(true);
    const before = at('2026-03-02T00:00:00Z');
    expect(await tokens.check(token, before)).toEqual(await verifyToken(policy, token, before));
    expect((await tokens.check(token, before)).ok).toBe(false);
  });

  it('never lets a changed token ride on a remembered one, and forgets the oldest past its capacity', async () => {
    const tokens = new VerifiedTokens(policy, 1);
    const a = (await issueToken(policy, user, now)).token;
    const b = (await issueToken(policy, { userId: 'u2', securityVersion: 1 }, now)).token;
    expect((await tokens.check(a, now)).ok).toBe(true);
    expect(await tokens.check(`${a.slice(0, -2)}xx`, now)).toMatchObject({ ok: false });
    expect(await tokens.check(b, now)).toMatchObject({ ok: true, claims: { sub: 'u2' } });
    expect(await tokens.check(a, now)).toMatchObject({ ok: true, claims: { sub: 'u1' } });
  });
});
