import { WorkingCalendar } from '../working-calendar.js';

/**
 * The built-in working calendar, built afresh before each test of the spec that calls this at its
 * top (or in a describe), not at module load: a mutation tool counts code run at load as covering
 * every test. The answer gives the current test's calendar.
 */
export function calendarPerTest(): () => WorkingCalendar {
  let calendar: WorkingCalendar | undefined;
  beforeEach(() => {
    calendar = WorkingCalendar.create();
  });
  return () => {
    if (calendar === undefined) throw new Error('calendarPerTest: the calendar is built before each test');
    return calendar;
  };
}
