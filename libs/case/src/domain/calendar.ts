/**
 * The calendar the decider needs: the shape of `WorkingCalendar` from `@one-window/calendar`,
 * kept structural so the domain depends on behaviour, not on a class. Dates are China business
 * dates `YYYY-MM-DD`; an uncovered year throws (the calendar's CalendarCoverageError) and the
 * command fails — it never falls back to Monday–Friday.
 */
export interface CaseCalendar {
  /** The date `n` working days after `start` (the start day not counted). */
  addWorkingDays(start: string, n: number): string;
  /** Working days after `from` up to and including `to`. */
  workingDaysBetween(from: string, to: string): number;
  isWorkingDay(date: string): boolean;
}

export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * 60 * 60 * 1000);
}
