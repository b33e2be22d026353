import {
  CalendarCoverageError,
  CalendarPermissionError,
  InvalidCalendarInputError,
  InvalidYearScheduleError,
} from '@one-window/calendar';
import { type ProblemError, problems } from './problem-details.js';

/**
 * A deadline that reaches into a year no calendar covers is refused, never guessed (DOMAIN §5):
 * a 409 — the request is fine, the calendar is not ready — naming the year to load.
 */
export function calendarProblem(error: unknown): ProblemError | undefined {
  if (error instanceof CalendarCoverageError) {
    return problems.conflict('calendar-not-covered', 'Working-day calendar not loaded', error.message, {
      year: error.year,
    });
  }
  if (error instanceof InvalidYearScheduleError) {
    return problems.invalidInput(
      error.message,
      error.problems.map((detail) => ({ pointer: `#/${detail.split(' ')[0] ?? ''}`, detail })),
    );
  }
  if (error instanceof InvalidCalendarInputError) {
    return problems.invalidInput(error.message, [{ pointer: `#/${error.field}`, detail: error.message }]);
  }
  if (error instanceof CalendarPermissionError) return problems.forbidden(error.message);
  return undefined;
}
