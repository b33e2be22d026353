import { createRequire } from 'node:module';
import { addNaturalDays, type BusinessDate } from './dates.js';
import type { YearSchedule } from './year-schedule.js';

/** One statutory day off of 《全国年节及纪念日放假办法》 (as revised in 2024, Art. 2). */
export interface StatutoryHoliday {
  readonly date: BusinessDate;
  readonly festival: string;
  readonly festivalZh: string;
}

interface LunarFunctions {
  /** chinese-days: the Gregorian date of a lunar date (month and day read in local time). */
  getSolarDateFromLunar(lunar: Date): { date: string };
}

const require = createRequire(import.meta.url);
const lunar = require('chinese-days') as LunarFunctions;

const iso = (year: number, month: number, day: number): BusinessDate =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * The Gregorian date of lunar `month`/`day` in lunar year `year`, by chinese-days. The lunar date
 * is passed as a local Date: its conversion reads and writes local fields only, so the answer is
 * the same in every time zone (its string parsing is UTC, its formatting local — avoided here).
 */
function fromLunar(year: number, month: number, day: number): BusinessDate {
  return lunar.getSolarDateFromLunar(new Date(year, month - 1, day)).date;
}

/**
 * 清明 (Pure Brightness), the solar term at the sun's 15° longitude, by the 寿星 formula of the
 * 21st century: day = floor(Y × 0.2422 + 4.81) − floor(Y / 4) in April (Y = year mod 100; no
 * exceptions between 2000 and 2099). Tested against chinese-days' own solar terms.
 */
export function qingming(year: number): BusinessDate {
  if (year < 2000 || year > 2099) throw new RangeError(`清明 is computed for 2000–2099, not ${year}`);
  const y = year % 100;
  return iso(year, 4, Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4));
}

/**
 * The statutory days off of a year (2024 revision, in force from 2025): New Year 1 day, Spring
 * Festival 4 (除夕 and 正月初一–初三), Qingming 1, Labour Day 2, Dragon Boat 1, Mid-Autumn 1,
 * National Day 3 — 13 days. A State Council schedule adds weekends and 调休 around them, never fewer.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const day = (date: BusinessDate, festival: string, festivalZh: string): StatutoryHoliday => ({
    date,
    festival,
    festivalZh,
  });
  const newYear = fromLunar(year, 1, 1);
  return [
    day(iso(year, 1, 1), "New Year's Day", '元旦'),
    day(addNaturalDays(newYear, -1), "Spring Festival (New Year's Eve)", '春节（除夕）'),
    ...[0, 1, 2].map((n) => day(addNaturalDays(newYear, n), 'Spring Festival', '春节')),
    day(qingming(year), 'Qingming Festival', '清明节'),
    day(iso(year, 5, 1), 'Labour Day', '劳动节'),
    day(iso(year, 5, 2), 'Labour Day', '劳动节'),
    day(fromLunar(year, 5, 5), 'Dragon Boat Festival', '端午节'),
    day(fromLunar(year, 8, 15), 'Mid-Autumn Festival', '中秋节'),
    ...[1, 2, 3].map((d) => day(iso(year, 10, d), 'National Day', '国庆节')),
  ];
}

/** First year the 2024 revision (13 statutory days) governs. */
export const STATUTORY_2024_FROM = 2025;

/**
 * What a year's schedule lacks of the statutory days off, one line per missing day naming it —
 * for the years the 2024 revision governs (earlier years had 11 days and are not checked).
 */
export function missingStatutoryHolidays(schedule: Pick<YearSchedule, 'year' | 'holidays'>): string[] {
  if (schedule.year < STATUTORY_2024_FROM || schedule.year > 2099) return [];
  const off = new Set(schedule.holidays);
  return statutoryHolidays(schedule.year)
    .filter((h) => !off.has(h.date))
    .map(
      (h) =>
        `holidays must include ${h.date}, ${h.festival} (${h.festivalZh}), a statutory day off of 《全国年节及纪念日放假办法》 Art. 2`,
    );
}
