import { statutoryHolidays } from '../statutory-holidays.js';
import type { YearSchedule } from '../year-schedule.js';

/**
 * A test schedule with the statutory days off of its year added to its holidays (a loaded year
 * must hold them, ADR 12), so a fixture states only the days its test is about.
 */
export function withStatutoryHolidays<S extends YearSchedule>(schedule: S): S {
  const days = new Set([...schedule.holidays, ...statutoryHolidays(schedule.year).map((h) => h.date)]);
  return { ...schedule, holidays: [...days].sort() };
}
