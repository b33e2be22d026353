import { SignInLimiter, type SignInLimits } from './sign-in-limiter.js';

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
});
