import { ManualClock } from './clock.js';

describe('ManualClock', () => {
  it('moves only when told to', () => {
    const clock = new ManualClock('2026-01-05T01:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-01-05T01:00:00.000Z');
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-01-05T01:01:00.000Z');
  });
});
