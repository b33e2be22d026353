import { AddressWindow } from './address-window.js';

describe('AddressWindow', () => {
  const at = (seconds: number) => new Date(Date.UTC(2026, 2, 2, 2, 0, seconds));

  it('allows max requests per address in the window, then says how long to wait; other addresses are not touched', () => {
    const limiter = new AddressWindow({ max: 3, windowMs: 60_000 });
    expect([0, 1, 2].map((s) => limiter.take('10.0.0.1', at(s)).allowed)).toEqual([true, true, true]);
    expect(limiter.take('10.0.0.1', at(10))).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(limiter.take('10.0.0.2', at(10)).allowed).toBe(true);
    // The window slides: the first request drops out after a minute.
    expect(limiter.take('10.0.0.1', at(60)).allowed).toBe(true);
    expect(limiter.take('10.0.0.1', at(60)).allowed).toBe(false);
  });

  it('a refused request does not extend the wait', () => {
    const limiter = new AddressWindow({ max: 1, windowMs: 60_000 });
    limiter.take('a', at(0));
    for (let s = 1; s < 59; s++) limiter.take('a', at(s));
    expect(limiter.take('a', at(60)).allowed).toBe(true);
  });
});
