/** The Clock the calendar service stamps loads with; defaults to the system clock. */
export const CALENDAR_CLOCK = Symbol('CALENDAR_CLOCK');
