export * from './errors.js';
export {
  type BusinessDate,
  addNaturalDays,
  chinaDate,
  chinaDayEnd,
  chinaDayStart,
  isBusinessDate,
  isWeekend,
} from './dates.js';
export { type YearSchedule, YearScheduleDto, parseYearSchedule } from './year-schedule.js';
export { missingStatutoryHolidays, statutoryHolidays, type StatutoryHoliday } from './statutory-holidays.js';
export type { CalendarSourceKind, YearCoverage } from './day-table.js';
export type { WorkingDays } from './working-days.js';
export * from './working-calendar.js';
export * from './deadlines.js';
export * from './rating-deadlines.js';
export * from './next-year-warning.js';
export * from './store/calendar-events.js';
export { EXAMPLE_MARK, isExampleSchedule, readYearScheduleFile } from './store/year-file.js';
