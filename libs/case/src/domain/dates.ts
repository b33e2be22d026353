import type { Now } from './decide-context.js';

/** `n` working days after `start` on the injected calendar (Monday–Friday in a year not yet loaded). */
export function workingDaysAfter(now: Now, start: string, n: number): string {
  return now.calendar.addWorkingDays(start, n);
}

/**
 * A due date moved by a special procedure (Art. 45): the working days after its start up to and
 * including its end do not count. A procedure started after the due date rescues nothing.
 */
export function shiftedDueDate(now: Now, due: string, startedOn: string, endedOn: string): string {
  if (startedOn >= due || endedOn <= startedOn) return due;
  return now.calendar.addWorkingDays(due, now.calendar.workingDaysBetween(startedOn, endedOn));
}

/** The dates, with the `provisional` member when one of them rests on a guessed year. */
export function withProvisional<T extends Record<string, string>>(now: Now, dates: T) {
  return { ...dates, ...provisionalOf(now, ...Object.values(dates)) };
}

/** The `provisional` member for event data holding these dates (empty when all rest on official years). */
export function provisionalOf(now: Now, ...dates: readonly (string | null | undefined)[]) {
  return now.calendar.provisionalOf(now.today, ...dates);
}
