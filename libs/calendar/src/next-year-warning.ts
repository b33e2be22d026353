import type { BusinessDate } from './dates.js';

/** From this day of the year (`MM-DD`) on, a missing schedule for next year is worth a warning. */
export const DEFAULT_NEXT_YEAR_WARNING_FROM = '11-01';

export interface NextYearWarning {
  /** The year whose official holiday schedule is not loaded. */
  readonly year: number;
  /** The day the warning started (this year's `warnFrom`). */
  readonly since: BusinessDate;
  readonly zh: string;
  readonly en: string;
}

/**
 * The State Council publishes next year's holiday schedule in November (ADR 6); until it is
 * loaded, deadlines reaching into that year are provisional (ADR 12). From `warnFrom` on this
 * says so, so that the administrator loads it before the year turns.
 */
export function nextYearWarning(
  calendar: { covers(year: number): boolean },
  today: BusinessDate,
  warnFrom: string = DEFAULT_NEXT_YEAR_WARNING_FROM,
): NextYearWarning | null {
  const year = Number(today.slice(0, 4));
  const since = `${year}-${warnFrom}`;
  if (today < since || calendar.covers(year + 1)) return null;
  return {
    year: year + 1,
    since,
    zh: `${year + 1} 年的法定节假日安排尚未导入：跨入 ${year + 1} 年的期限暂按周一至周五计算（暂定）。请导入国务院办公厅公布的安排。`,
    en: `The official ${year + 1} holiday schedule is not loaded: deadlines reaching into ${year + 1} are counted Monday–Friday (provisional). Load the State Council's schedule.`,
  };
}

/** A `MM-DD` day of the year, or undefined. */
export function isDayOfYear(value: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [month, day] = [Number(match[1]), Number(match[2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2001, month, 0)).getUTCDate();
}
