import { InvalidCalendarInputError } from './errors.js';
import {
  callbackDue,
  DEFAULT_RATING_LIMITS,
  ratingFollowUpDue,
  rectificationDue,
} from './rating-deadlines.js';

describe('bad-rating follow-up limits (Art. 36: call back within 48 hours, rectify within 15 natural days)', () => {
  const ratedAt = new Date('2026-01-05T16:30:00Z'); // 2026-01-06 00:30 in China

  it('callback is due 48 hours after the rating, to the minute', () => {
    expect(callbackDue(ratedAt).toISOString()).toBe('2026-01-07T16:30:00.000Z');
    expect(callbackDue('2026-02-16T01:00:00Z').toISOString()).toBe('2026-02-18T01:00:00.000Z'); // holidays count
  });

  it('rectification ends at 24:00 China time of the 15th natural day after the rating day (default)', () => {
    expect(rectificationDue(ratedAt).toISOString()).toBe('2026-01-21T16:00:00.000Z');
    expect(DEFAULT_RATING_LIMITS.rectificationRule).toBe('end-of-day');
  });

  it('natural days run through Spring Festival', () => {
    expect(rectificationDue('2026-02-10T02:00:00Z').toISOString()).toBe('2026-02-25T16:00:00.000Z');
  });

  it('the elapsed rule gives exactly 15 × 24 hours', () => {
    expect(
      rectificationDue(ratedAt, { ...DEFAULT_RATING_LIMITS, rectificationRule: 'elapsed' }).toISOString(),
    ).toBe('2026-01-20T16:30:00.000Z');
  });

  it('both limits are settings', () => {
    const limits = { callbackHours: 24, rectificationDays: 7, rectificationRule: 'end-of-day' } as const;
    expect(ratingFollowUpDue('2026-03-02T03:00:00Z', limits)).toEqual({
      callbackDue: new Date('2026-03-03T03:00:00Z'),
      rectificationDue: new Date('2026-03-09T16:00:00Z'),
    });
  });

  it('refuses an invalid instant or limit', () => {
    expect(() => callbackDue('yesterday')).toThrow(InvalidCalendarInputError);
    expect(() => callbackDue(ratedAt, { ...DEFAULT_RATING_LIMITS, callbackHours: 0 })).toThrow(
      InvalidCalendarInputError,
    );
  });
});
