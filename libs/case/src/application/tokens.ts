import type { CaseCalendar } from '../domain/calendar.js';

/** The clock command handlers read `now` from (ManualClock in tests). */
export const CASE_CLOCK = Symbol('CASE_CLOCK');
/** Gives the current working-day calendar; `CalendarService` from `@one-window/calendar/nest` fits. */
export const CASE_CALENDAR = Symbol('CASE_CALENDAR');
/** The configurable figures (DEFAULT_CASE_POLICY unless given). */
export const CASE_POLICY = Symbol('CASE_POLICY');
/** Optional: the random source query codes are drawn from (`RandomIndex`; crypto.randomInt unless given). */
export const CASE_RANDOM = Symbol('CASE_RANDOM');
/** Optional: the staff lookup port (`StaffDirectory`) for commands that name a person; none unless given. */
export const CASE_STAFF = Symbol('CASE_STAFF');

export interface CaseCalendarSource {
  calendar(): CaseCalendar;
}
