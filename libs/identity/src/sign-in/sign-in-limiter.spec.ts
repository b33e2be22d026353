import { SignInLimiter, type SignInBlock, type SignInLimits, userKey } from './sign-in-limiter.js';

const limits: SignInLimits = {
  freeFailures: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxPerAddress: 20,
  windowMs: 900_000,
};
const at = (ms: number) => new Date(Date.UTC(2026, 2, 2) + ms);

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
    const failOnce = () => {
      const d = limiter.begin('clerk1', '10.0.0.9', at(t));
      if (d.allowed) d.attempt.failed(at(t));
      return d.allowed;
    };
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
    for (let i = 0; i < 19; i++) {
      const d = limiter.begin('clerk1', '203.0.113.66', at(i));
      if (d.allowed) d.attempt.failed(at(i));
    }
    const stranger = limiter.begin('clerk1', '203.0.113.66', at(100));
    expect(stranger.allowed).toBe(false);
    const real = limiter.begin('clerk1', '10.0.0.9', at(100));
    expect(real.allowed).toBe(true);
    if (real.allowed) real.attempt.succeeded();
  });

  it('limits one address across usernames (password spraying)', () => {
    const limiter = new SignInLimiter(limits);
    for (let i = 0; i < 20; i++) {
      const d = limiter.begin(`user${i}`, '203.0.113.66', at(i));
      expect(d.allowed).toBe(true);
      if (d.allowed) d.attempt.failed(at(i));
    }
    expect(limiter.begin('user99', '203.0.113.66', at(30))).toMatchObject({
      allowed: false,
      reason: 'address',
    });
    expect(limiter.begin('user99', '203.0.113.67', at(30)).allowed).toBe(true);
    expect(limiter.begin('user99', '203.0.113.66', at(900_020)).allowed).toBe(true);
  });

  it('forgives the pair on success', () => {
    const limiter = new SignInLimiter(limits);
    for (let i = 0; i < 4; i++) {
      const d = limiter.begin('clerk1', '10.0.0.9', at(i));
      if (d.allowed) d.attempt.failed(at(i));
    }
    const right = limiter.begin('clerk1', '10.0.0.9', at(10));
    if (right.allowed) right.attempt.succeeded();
    for (let i = 0; i < 5; i++) expect(limiter.begin('clerk1', '10.0.0.9', at(20)).allowed).toBe(true);
  });

  it('tells a block as it starts, never per refused attempt, with the username hashed', () => {
    const limiter = new SignInLimiter(limits);
    const blocks: SignInBlock[] = [];
    limiter.watch((b) => blocks.push(b));
    for (let i = 0; i < 30; i++) {
      const d = limiter.begin('clerk1', '10.0.0.9', at(i));
      if (d.allowed) d.attempt.failed(at(i));
    }
    expect(blocks).toEqual([
      { user: userKey('clerk1'), address: '10.0.0.9', until: at(4 + 1_000).getTime(), failures: 5 },
    ]);
    expect(JSON.stringify(blocks)).not.toContain('clerk1');
    for (let i = 0; i < 20; i++) {
      const d = limiter.begin(`user${i}`, '203.0.113.66', at(10_000 + i));
      if (d.allowed) d.attempt.failed(at(10_000 + i));
    }
    expect(blocks.slice(1)).toEqual([
      { user: null, address: '203.0.113.66', until: at(10_019 + 900_000).getTime(), failures: 20 },
    ]);
  });

  it("refuses at once what another server's limiter blocked, and backs off from its count", () => {
    const first = new SignInLimiter(limits);
    const second = new SignInLimiter(limits);
    first.watch((b) => second.learn(b));
    for (let i = 0; i < 5; i++) {
      const d = first.begin('clerk1', '10.0.0.9', at(0));
      if (d.allowed) d.attempt.failed(at(0));
    }
    expect(second.begin('clerk1', '10.0.0.9', at(0))).toMatchObject({ allowed: false, reason: 'pair' });
    expect(second.begin('clerk1', '10.0.0.7', at(0)).allowed).toBe(true);
    const after = second.begin('clerk1', '10.0.0.9', at(1_000));
    expect(after.allowed).toBe(true);
    if (after.allowed) after.attempt.failed(at(1_000)); // the 6th failure of the pair anywhere: 2 s
    expect(second.begin('clerk1', '10.0.0.9', at(2_500)).allowed).toBe(false);
    for (let i = 0; i < 20; i++) {
      const d = first.begin(`user${i}`, '203.0.113.66', at(i));
      if (d.allowed) d.attempt.failed(at(i));
    }
    expect(second.begin('user99', '203.0.113.66', at(30))).toMatchObject({
      allowed: false,
      reason: 'address',
    });
    expect(second.begin('user99', '203.0.113.66', at(900_020)).allowed).toBe(true);
  });
});
