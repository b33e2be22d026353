import {
  CalendarCoverageError,
  CalendarPermissionError,
  InvalidCalendarInputError,
  InvalidYearScheduleError,
} from '@one-window/calendar';
import { messages } from '@one-window/shared';
import { type ProblemError, problems } from './problem-details.js';

/**
 * A count that needs a year no schedule covers and that cannot be guessed (a year before the
 * calendar's first; later years are counted provisionally, ADR 12): a 409 naming the year, in
 * words a clerk can pass on — the administrator loads calendars, not the clerk.
 */
export function calendarNotCovered(year: number, detail: string): ProblemError {
  return problems.conflict('calendar-not-covered', 'Working-day calendar does not cover the year', detail, {
    year,
    code: 'calendar-not-covered',
    params: { year },
    titleZh: messages.problemTitle('zh', 'calendar-not-covered'),
    detailZh: messages.t('zh', 'problem.calendar-not-covered', { year }),
  });
}

export function calendarProblem(error: unknown): ProblemError | undefined {
  if (error instanceof CalendarCoverageError) return calendarNotCovered(error.year, error.message);
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
