/**
 * Years are loaded in the order an administrator loads them, not in calendar order: the day table
 * must still hold every loaded year's days (DOMAIN §5: a loaded year is the official schedule).
 */
import { CalendarCoverageError } from './errors.js';
import { withStatutoryHolidays } from './testing/statutory-schedule.js';
import { WorkingCalendar } from './working-calendar.js';

const year = (y: number, holidays: string[] = []) =>
  withStatutoryHolidays({
    year: y,
    holidays,
    workingWeekends: [],
    source: `test ${y}, not an official schedule`,
  });

describe('years loaded out of calendar order', () => {
  it('a later year loaded before an earlier one: both covered, each with its own days', () => {
    const calendar = WorkingCalendar.create([year(2028, ['2028-06-05']), year(2027, ['2027-06-07'])], {
      builtin: false,
    });
    expect(calendar.coverage().years).toEqual([2027, 2028]);
    expect(calendar.isWorkingDay('2027-06-07')).toBe(false); // a Monday, a holiday of the 2027 schedule
    expect(calendar.isWorkingDay('2027-06-08')).toBe(true);
    expect(calendar.describeDay('2027-06-05').reason).toBe('weekend');
    expect(calendar.isWorkingDay('2028-06-05')).toBe(false);
    expect(calendar.addWorkingDays('2027-12-30', 2)).toBe('2028-01-03');
  });

  it('with the built-in years: loading 2028 before 2027 still covers 2004–2028 day by day', () => {
    const calendar = WorkingCalendar.create([year(2028), year(2027, ['2027-06-07'])]);
    expect(calendar.coverage().years.slice(-3)).toEqual([2026, 2027, 2028]);
    expect(calendar.isWorkingDay('2027-06-07')).toBe(false);
    expect(calendar.isWorkingDay('2025-10-08')).toBe(false); // National Day 2025, from chinese-days
    expect(calendar.workingDaysBetween('2026-12-31', '2027-01-05')).toBe(2);
    expect(calendar.isWorkingDay('2028-06-06')).toBe(true); // a Tuesday of the year loaded first
  });

  it('a year between covered years is uncovered from its 1 January to its 31 December', () => {
    const calendar = WorkingCalendar.create([year(2028)]);
    expect(calendar.covers(2027)).toBe(false);
    expect(calendar.isWorkingDay('2026-12-31')).toBe(true);
    for (const day of ['2027-01-01', '2027-12-31'])
      expect(() => calendar.isWorkingDay(day)).toThrow(CalendarCoverageError);
    expect(calendar.isWorkingDay('2028-01-03')).toBe(true);
  });
});
