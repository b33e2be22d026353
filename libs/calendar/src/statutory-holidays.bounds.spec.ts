/**
 * What mutation testing left open in statutory-holidays.ts (docs/adr/0014-mutation-testing.md):
 * the English names of the 13 statutory days off (《全国年节及纪念日放假办法》 Art. 2, 2024
 * revision), the whole words of a missing day, and the years checked — from 2025, the first year
 * the revision governs, through 2099, the last the 寿星 formula of 清明 holds for; the years on
 * either side are not checked (the year before, the first, the last, the year after).
 */
import {
  STATUTORY_2024_FROM,
  missingStatutoryHolidays,
  qingming,
  statutoryHolidays,
} from './statutory-holidays.js';

describe('statutory days off: their names, and the years the check covers', () => {
  it('each day has its English name beside its Chinese one', () => {
    expect(statutoryHolidays(2027).map((d) => [d.festival, d.festivalZh])).toEqual([
      ["New Year's Day", '元旦'],
      ["Spring Festival (New Year's Eve)", '春节（除夕）'],
      ['Spring Festival', '春节'],
      ['Spring Festival', '春节'],
      ['Spring Festival', '春节'],
      ['Qingming Festival', '清明节'],
      ['Labour Day', '劳动节'],
      ['Labour Day', '劳动节'],
      ['Dragon Boat Festival', '端午节'],
      ['Mid-Autumn Festival', '中秋节'],
      ['National Day', '国庆节'],
      ['National Day', '国庆节'],
      ['National Day', '国庆节'],
    ]);
  });

  it('a missing day is named whole: its date, both names and the article', () => {
    const missing = missingStatutoryHolidays({ year: 2027, holidays: [] });
    expect(missing).toHaveLength(13);
    expect(missing[0]).toBe(
      "holidays must include 2027-01-01, New Year's Day (元旦), a statutory day off of 《全国年节及纪念日放假办法》 Art. 2",
    );
  });

  it('checked from 2025 (the revision’s first year) to 2099; 2024 and 2100 are not checked', () => {
    expect(STATUTORY_2024_FROM).toBe(2025);
    expect(missingStatutoryHolidays({ year: 2024, holidays: [] })).toEqual([]);
    expect(missingStatutoryHolidays({ year: 2025, holidays: [] })).toHaveLength(13);
    expect(missingStatutoryHolidays({ year: 2099, holidays: [] })).toHaveLength(13);
    expect(missingStatutoryHolidays({ year: 2100, holidays: [] })).toEqual([]);
  });

  it('清明 is computed for 2000–2099 only: 1999 and 2100 are refused, naming the year', () => {
    expect(() => qingming(1999)).toThrow(new RangeError('清明 is computed for 2000–2099, not 1999'));
    expect(qingming(2000)).toBe('2000-04-04');
    expect(qingming(2099)).toBe('2099-04-04');
    expect(() => qingming(2100)).toThrow(new RangeError('清明 is computed for 2000–2099, not 2100'));
  });
});
