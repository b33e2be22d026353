import { FieldError } from '@one-window/shared/errors';

/** Base of every error the calendar raises; `type` is a literal callers (and the HTTP layer) switch on. */
export abstract class CalendarError extends Error {
  abstract readonly type: string;
}

/**
 * A computation needed a day in a year that no calendar source covers. Counting it as
 * Monday–Friday could miss a statutory holiday, so the calendar refuses (DOMAIN.md §5).
 */
export class CalendarCoverageError extends CalendarError {
  readonly type = 'calendar-coverage' as const;
  constructor(
    readonly year: number,
    readonly date: string,
  ) {
    super(
      `The working-day calendar does not cover ${year} (needed for ${date}): no official holiday ` +
        `schedule for ${year} is loaded, so working days there cannot be counted. Ask the administrator.`,
    );
    this.name = 'CalendarCoverageError';
  }
}

/** A business date that is not a real `YYYY-MM-DD` day, or a day count that is not a whole number ≥ 0. */
export class InvalidCalendarInputError extends FieldError(CalendarError) {
  readonly type = 'invalid-calendar-input' as const;
  override readonly name = 'InvalidCalendarInputError';
}

/** A year schedule that fails validation; `problems` lists every defect at once. */
export class InvalidYearScheduleError extends CalendarError {
  readonly type = 'invalid-year-schedule' as const;
  constructor(
    readonly year: unknown,
    readonly problems: readonly string[],
  ) {
    super(`Invalid holiday schedule for year ${String(year)}: ${problems.join('; ')}`);
    this.name = 'InvalidYearScheduleError';
  }
}

/** Only an administrator changes the working-day calendar. */
export class CalendarPermissionError extends CalendarError {
  readonly type = 'forbidden' as const;
  constructor(readonly actor: { readonly userId: string; readonly role: string }) {
    super(`${actor.userId} (${actor.role}) may not load a calendar year: only an administrator may`);
    this.name = 'CalendarPermissionError';
  }
}
