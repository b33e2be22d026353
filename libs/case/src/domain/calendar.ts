import {
  CalendarCoverageError,
  type CalendarCoverage,
  type Reckoning,
  type WorkingDays,
} from '@one-window/calendar';
import type { ProvisionalDates } from '../events.js';

/**
 * The calendar the decider is given: the shape of `WorkingCalendar` from `@one-window/calendar`,
 * kept structural so the domain depends on behaviour, not on a class. Dates are China business
 * dates `YYYY-MM-DD`.
 */
export interface CaseCalendar {
  /** The date `n` working days after `start` (the start day not counted); throws for an uncovered year. */
  addWorkingDays(start: string, n: number): string;
  /** Working days after `from` up to and including `to`; throws for an uncovered year. */
  workingDaysBetween(from: string, to: string): number;
  isWorkingDay(date: string): boolean;
  covers(year: number): boolean;
  coverage(): CalendarCoverage;
  /** Runs a computation; with `provisional`, uncovered years count Monday–Friday and are reported. */
  reckon<T>(compute: (days: WorkingDays) => T, options?: { provisional?: boolean }): Reckoning<T>;
}

/** What the rules count on: never refuses a year after the calendar's first (ADR 12). */
export interface DecidingCalendar {
  addWorkingDays(start: string, n: number): string;
  workingDaysBetween(from: string, to: string): number;
  isWorkingDay(date: string): boolean;
  /** `{ provisional: { years } }` when a date counted up to `dates` from `today` rests on a guessed year. */
  provisionalOf(
    today: string,
    ...dates: readonly (string | null | undefined)[]
  ): {
    provisional?: ProvisionalDates;
  };
  readonly official: CaseCalendar;
}

/**
 * Law Art. 32 and 42 give the applicant a decision whatever the hall's IT knows: a count that
 * runs into a year whose official schedule is not loaded yet goes on Monday–Friday there, and the
 * event that stores the date says so (`provisional`), until the year's schedule is loaded and the
 * date is counted again. Only a year before the calendar's first year — the past, which always
 * had a schedule — is refused as truly unknown (409 calendar-not-covered).
 */
export function decidingCalendar(calendar: CaseCalendar): DecidingCalendar {
  let first: number | undefined | null = null;
  const firstYear = () => (first === null ? (first = calendar.coverage().years[0]) : first);
  const lenient = <T>(compute: (days: WorkingDays) => T, date: string): T => {
    const reckoning = calendar.reckon(compute, { provisional: true });
    const start = firstYear();
    const unknown = reckoning.uncoveredYears.find((year) => start === undefined || year < start);
    if (unknown !== undefined) throw new CalendarCoverageError(unknown, date);
    return reckoning.value;
  };
  return {
    official: calendar,
    addWorkingDays: (start, n) => lenient((d) => d.addWorkingDays(start, n), start),
    workingDaysBetween: (from, to) => lenient((d) => d.workingDaysBetween(from, to), to),
    isWorkingDay: (date) => lenient((d) => d.isWorkingDay(date), date),
    provisionalOf: (today, ...dates) => {
      const last = Math.max(...dates.filter((d): d is string => !!d).map(yearOf));
      const years: number[] = [];
      for (let year = yearOf(today); year <= last; year++) if (!calendar.covers(year)) years.push(year);
      return years.length > 0 ? { provisional: { years } } : {};
    },
  };
}

const yearOf = (date: string): number => Number(date.slice(0, 4));

export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * 60 * 60 * 1000);
}
