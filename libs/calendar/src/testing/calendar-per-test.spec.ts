import { WorkingCalendar } from '../working-calendar.js';
import { calendarPerTest } from './calendar-per-test.js';

const calendar = calendarPerTest();
const seen: WorkingCalendar[] = [];

describe('calendarPerTest: a calendar built afresh for each test', () => {
  it('gives the test a built-in calendar, the same one all through the test', () => {
    expect(calendar()).toBeInstanceOf(WorkingCalendar);
    expect(calendar()).toBe(calendar());
    expect(calendar().isWorkingDay('2026-10-01')).toBe(false);
    seen.push(calendar());
  });

  it('gives the next test another one', () => {
    expect(seen).toHaveLength(1);
    expect(calendar()).not.toBe(seen[0]);
  });
});
