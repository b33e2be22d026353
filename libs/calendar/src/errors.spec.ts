/**
 * The calendar's errors say what went wrong in words an administrator can act on, and carry the
 * name and type the HTTP layer and the logs tell them apart by.
 */
import { CALENDAR_STREAM } from './store/calendar-events.js';
import {
  CalendarCoverageError,
  CalendarPermissionError,
  InvalidCalendarInputError,
  InvalidYearScheduleError,
} from './errors.js';
import { WorkingCalendar } from './working-calendar.js';

describe('calendar errors', () => {
  it('an uncovered year: its name, type, year and date', () => {
    const error = new CalendarCoverageError(2027, '2027-03-01');
    expect(error).toMatchObject({
      name: 'CalendarCoverageError',
      type: 'calendar-coverage',
      year: 2027,
      date: '2027-03-01',
    });
    expect(error.message).toBe(
      'The working-day calendar does not cover 2027 (needed for 2027-03-01): no official holiday schedule for 2027 is loaded, so working days there cannot be counted. Ask the administrator.',
    );
  });

  it('a bad date or day count: its name and type', () => {
    let error: unknown;
    try {
      WorkingCalendar.create().addWorkingDays('2026-02-30', 1);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidCalendarInputError);
    expect(error).toMatchObject({ name: 'InvalidCalendarInputError', type: 'invalid-calendar-input' });
  });

  it('an invalid schedule lists every problem at once, separated by semicolons', () => {
    const error = new InvalidYearScheduleError(2027, ['holidays[0] is not a date', 'source is empty']);
    expect(error).toMatchObject({ name: 'InvalidYearScheduleError', type: 'invalid-year-schedule' });
    expect(error.message).toBe(
      'Invalid holiday schedule for year 2027: holidays[0] is not a date; source is empty',
    );
  });

  it('only an administrator loads a year: the refusal names who asked', () => {
    const error = new CalendarPermissionError({ userId: 'clerk-1', role: 'clerk' });
    expect(error).toMatchObject({ name: 'CalendarPermissionError', type: 'forbidden' });
    expect(error.message).toBe('clerk-1 (clerk) may not load a calendar year: only an administrator may');
  });

  it('the loads are kept in the stream calendar-years: renaming it would lose every loaded year', () => {
    expect(CALENDAR_STREAM).toBe('calendar-years');
  });
});
