import { SignInLimiter, type SignInBlock, type SignInLimits, userKey } from './sign-in-limiter.js';

const limits: SignInLimits = {
  freeFailures: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxPerAddress: 20,
  windowMs: 900_000,
};
const at = (ms: number) => new Date(Date.UTC(2026, 2, 2) + ms);
const userN = (i: number) => `user${i}`;

/**
 * `count` sign-ins that fail, the i-th by `username` (or `username(i)`) from `address` at `when(i)`
 * (at(i) unless told); answers, for each, whether the limiter let it try.
 */
function failSignIns(
  limiter: SignInLimiter,
  count: number,
  username: string | ((i: number) => string),
  address: string,
  when: (i: number) => Date = at,
): boolean[] {
  return Array.from({ length: count }, (_, i) => {
    const d = limiter.begin(typeof username === 'string' ? username : username(i), address, when(i));
    if (d.allowed) d.attempt.failed(when(i));
    return d.allowed;
  });
}

describe('SignInLimiter', () => {
  it('counts parallel attempts as they begin: 40 at once let 5 through (defect: all 40 were hashed)', () => {
    const limiter = new SignInLimiter(limits);
    const decisions = Array.from({ length: 40 }, () => limiter.begin('clerk1', '10.0.0.9', at(0)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(decisions.find((d) => !d.allowed)).toMatchObject({ reason: 'pair', retryAfterSeconds: 1 });
  });

  it('backs off exponentially per username and address after the free failures', () => {
    const limiter = new SignInLimiter(limits);
    let t = 0;
    const failOnce = () => failSignIns(limiter, 1, 'clerk1', '10.0.0.9', () => at(t))[0];
    for (let i = 0; i < 5; i++) expect(failOnce()).toBe(true);
    expect(failOnce()).toBe(false); // now + 1 s
    t = 1_000;
    expect(failOnce()).toBe(true); // 6th failure: wait 2 s
    t = 2_500;
    expect(failOnce()).toBe(false);
    t = 3_000;
    expect(failOnce()).toBe(true); // 7th: wait 4 s
    const waiting = limiter.begin('clerk1', '10.0.0.9', at(4_000));
    expect(waiting).toMatchObject({ allowed: false, retryAfterSeconds: 3 });
  });

  it('never locks the real user out from their own address, whatever a stranger does', () => {
    const limiter = new SignInLimiter(limits);
    failSignIns(limiter, 19, 'clerk1', '203.0.113.66');
    const stranger = limiter.begin('clerk1', '203.0.113.66', at(100));
    expect(stranger.allowed).toBe(false);
    const real = limiter.begin('clerk1', '10.0.0.9', at(100));
    expect(real.allowed).toBe(true);
    if (real.allowed) real.attempt.succeeded();
  });

  it('limits one address across usernames (password spraying)', () => {
    const limiter = new SignInLimiter(limits);
    expect(failSignIns(limiter, 20, userN, '203.0.113.66')).toEqual(Array(20).fill(true));
    expect(limiter.begin('user99', '203.0.113.66', at(30))).toMatchObject({
      allowed: false,
      reason: 'address',
    });
    expect(limiter.begin('user99', '203.0.113.67', at(30)).allowed).toBe(true);
    expect(limiter.begin('user99', '203.0.113.66', at(900_020)).allowed).toBe(true);
  });

  it('forgives the pair on success', () => {
    const limiter = new SignInLimiter(limits);
    failSignIns(limiter, 4, 'clerk1', '10.0.0.9');
    const right = limiter.begin('clerk1', '10.0.0.9', at(10));
    if (right.allowed) right.attempt.succeeded();
    for (let i = 0; i < 5; i++) expect(limiter.begin('clerk1', '10.0.0.9', at(20)).allowed).toBe(true);
  });

  it('tells a block as it starts, never per refused attempt, with the username hashed', () => {
    const limiter = new SignInLimiter(limits);
    const blocks: SignInBlock[] = [];
    limiter.watch((b) => blocks.push(b));
    failSignIns(limiter, 30, 'clerk1', '10.0.0.9');
    expect(blocks).toEqual([
      { user: userKey('clerk1'), address: '10.0.0.9', until: at(4 + 1_000).getTime(), failures: 5 },
    ]);
    expect(JSON.stringify(blocks)).not.toContain('clerk1');
    failSignIns(limiter, 20, userN, '203.0.113.66', (i) => at(10_000 + i));
    expect(blocks.slice(1)).toEqual([
      { user: null, address: '203.0.113.66', until: at(10_019 + 900_000).getTime(), failures: 20 },
    ]);
  });

  it("refuses at once what another server's limiter blocked, and backs off from its count", () => {
    const first = new SignInLimiter(limits);
    const second = new SignInLimiter(limits);
    first.watch((b) => second.learn(b));
    failSignIns(first, 5, 'clerk1', '10.0.0.9', () => at(0));
    expect(second.begin('clerk1', '10.0.0.9', at(0))).toMatchObject({ allowed: false, reason: 'pair' });
    expect(second.begin('clerk1', '10.0.0.7', at(0)).allowed).toBe(true);
    const after = second.begin('clerk1', '10.0.0.9', at(1_000));
    expect(after.allowed).toBe(true);
    if (after.allowed) after.attempt.failed(at(1_000)); // the 6th failure of the pair anywhere: 2 s
    expect(second.begin('clerk1', '10.0.0.9', at(2_500)).allowed).toBe(false);
    failSignIns(first, 20, userN, '203.0.113.66');
    expect(second.begin('user99', '203.0.113.66', at(30))).toMatchObject({
      allowed: false,
      reason: 'address',
    });
    expect(second.begin('user99', '203.0.113.66', at(900_020)).allowed).toBe(true);
  });
});
