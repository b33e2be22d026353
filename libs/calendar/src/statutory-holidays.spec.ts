import { createRequire } from 'node:module';
import { chineseDaysYears } from './builtin-calendar.js';
import { missingStatutoryHolidays, qingming, statutoryHolidays } from './statutory-holidays.js';

const require = createRequire(import.meta.url);
const chineseDays = require('chinese-days') as {
  getSolarTermDate(year: number, month: number, term: string): string;
};

describe('statutory days off of 《全国年节及纪念日放假办法》 (2024 revision, Art. 2)', () => {
  it('are 13 days, lunar festivals on their Gregorian dates (2027: 除夕 5 Feb, 端午 9 Jun, 中秋 15 Sep)', () => {
    const days = statutoryHolidays(2027);
    expect(days).toHaveLength(13);
    expect(days.map((d) => `${d.date} ${d.festivalZh}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节（除夕）',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
  });

  it('清明 by the 寿星 formula agrees with chinese-days for every year 2000–2099', () => {
    for (let year = 2000; year <= 2099; year++) {
      expect(qingming(year)).toBe(chineseDays.getSolarTermDate(year, 4, 'pure_brightness'));
    }
  });

  it('the built-in 2025 and 2026 schedules hold every statutory day', () => {
    const years = chineseDaysYears().years.filter((y) => y.year === 2025 || y.year === 2026);
    expect(years.map((y) => y.year)).toEqual([2025, 2026]);
    for (const year of years) expect(missingStatutoryHolidays(year)).toEqual([]);
  });

  it('a year holding only New Year’s Day is refused, each missing day named; years before the revision are not checked', () => {
    const missing = missingStatutoryHolidays({ year: 2027, holidays: ['2027-01-01'] });
    expect(missing).toHaveLength(12);
    expect(missing[0]).toMatch(/2027-02-05, Spring Festival \(New Year's Eve\) \(春节（除夕）\)/);
    expect(missing.at(-1)).toMatch(/2027-10-03, National Day/);
    expect(missingStatutoryHolidays({ year: 2024, holidays: ['2024-01-01'] })).toEqual([]);
  });

  it('the same missing day in the mid-autumn moves with the moon: 2028 needs 3 October, not 2027’s 15 September', () => {
    const days2028 = statutoryHolidays(2028).map((d) => d.date);
    expect(days2028).toContain('2028-10-03');
    expect(days2028).not.toContain('2028-09-15');
  });
});
