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

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The business date in China (UTC+8, no daylight saving) of an instant. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Natural-day arithmetic on `YYYY-MM-DD` dates (rating follow-up counts natural days). */
export function addNaturalDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * 60 * 60 * 1000);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  return DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}
