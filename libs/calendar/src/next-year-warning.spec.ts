import { DEFAULT_NEXT_YEAR_WARNING_FROM, isDayOfYear, nextYearWarning } from './next-year-warning.js';

/** A calendar that covers the given years only. */
const covering = (...years: number[]) => ({ covers: (year: number) => years.includes(year) });

describe("next year's holiday schedule (ADR 6, ADR 12: deadlines into an unloaded year are provisional)", () => {
  it('warns from 1 November by default — not on 31 October — while next year is not loaded', () => {
    expect(DEFAULT_NEXT_YEAR_WARNING_FROM).toBe('11-01');
    expect(nextYearWarning(covering(2026), '2026-10-31')).toBeNull();
    expect(nextYearWarning(covering(2026), '2026-11-01')).toEqual({
      year: 2027,
      since: '2026-11-01',
      zh: '2027 年的法定节假日安排尚未导入：跨入 2027 年的期限暂按周一至周五计算（暂定）。请导入国务院办公厅公布的安排。',
      en: "The official 2027 holiday schedule is not loaded: deadlines reaching into 2027 are counted Monday–Friday (provisional). Load the State Council's schedule.",
    });
    expect(nextYearWarning(covering(2026), '2026-12-31')).toMatchObject({ year: 2027, since: '2026-11-01' });
  });

  it('says nothing once next year is loaded, whatever the day', () => {
    expect(nextYearWarning(covering(2026, 2027), '2026-12-02')).toBeNull();
    // Only next year counts: this year loaded or not changes nothing.
    expect(nextYearWarning(covering(2027), '2026-12-02')).toBeNull();
    expect(nextYearWarning(covering(2025, 2026), '2026-12-02')).toMatchObject({ year: 2027 });
  });

  it('from another day of the year when the hall sets one (the day itself, not the day before)', () => {
    expect(nextYearWarning(covering(2026), '2026-12-14', '12-15')).toBeNull();
    expect(nextYearWarning(covering(2026), '2026-12-15', '12-15')).toMatchObject({ since: '2026-12-15' });
  });
});

describe('a day of the year as a setting (MM-DD)', () => {
  it('takes days that are in every year', () => {
    for (const day of ['01-01', '02-28', '04-30', '11-01', '12-31']) expect(isDayOfYear(day)).toBe(true);
  });

  it('refuses days that are not in every year (29 February) or not at all, and anything not exactly MM-DD', () => {
    for (const day of [
      '00-10',
      '13-01',
      '04-31',
      '02-30',
      '11-00',
      '1-01',
      '11-1',
      '2026-11-01',
      '11-01x',
      'x11-01',
      'ab-cd',
      '',
    ])
      expect([day, isDayOfYear(day)]).toEqual([day, false]);
  });
});
