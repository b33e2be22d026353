import { chinaDate, chinaDayEnd, chinaDayStart, isWeekend } from './dates.js';
import { InvalidCalendarInputError } from './errors.js';

describe('business dates are China time, UTC+8 (DOMAIN §5)', () => {
  it.each([
    ['2026-01-05T15:59:59.999Z', '2026-01-05'],
    ['2026-01-05T16:00:00.000Z', '2026-01-06'],
    ['2026-01-05T16:30:00.000Z', '2026-01-06'],
    ['2026-01-05T00:00:00.000Z', '2026-01-05'],
    ['2025-12-31T16:00:00.000Z', '2026-01-01'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
  ])('%s is %s in China', (instant, date) => {
    expect(chinaDate(new Date(instant))).toBe(date);
  });

  it('a China day runs from 16:00 UTC the day before to 16:00 UTC', () => {
    expect(chinaDayStart('2026-01-06').toISOString()).toBe('2026-01-05T16:00:00.000Z');
    expect(chinaDayEnd('2026-01-06').toISOString()).toBe('2026-01-06T16:00:00.000Z');
  });

  it('weekends by date, independent of the process time zone', () => {
    expect(isWeekend('2026-02-14')).toBe(true);
    expect(isWeekend('2026-02-16')).toBe(false);
  });

  it('refuses an invalid Date', () => {
    expect(() => chinaDate(new Date('nope'))).toThrow(InvalidCalendarInputError);
  });
});
