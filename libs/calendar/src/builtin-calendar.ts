import { createRequire } from 'node:module';

/** One year's days off and make-up working days as a calendar source knows them. */
export interface YearDays {
  readonly year: number;
  readonly holidays: readonly string[];
  readonly workingWeekends: readonly string[];
}

interface ChineseDaysTable {
  readonly holidays: Record<string, string>;
  readonly workdays: Record<string, string>;
}

const require = createRequire(import.meta.url);

/**
 * The holiday table shipped inside `chinese-days` (dist/chinese-days.json, generated from the same
 * arrangement as its functions). We read the table instead of calling isWorkday(): the functions
 * parse a date as UTC but read it back in local time, so west of UTC they answer for the wrong day
 * (2,116 days wrong in 2004–2026 under America/Los_Angeles), and for years they know nothing
 * about they silently answer Monday–Friday. A year counts as covered only if the table
 * lists at least one holiday in it — every real schedule has New Year's Day.
 */
export function chineseDaysYears(): { version: string; years: YearDays[] } {
  const table = require('chinese-days/dist/chinese-days.json') as ChineseDaysTable;
  const { version } = require('chinese-days/package.json') as { version: string };
  const byYear = new Map<number, { holidays: string[]; workingWeekends: string[] }>();
  const entry = (date: string) => {
    const year = Number(date.slice(0, 4));
    let days = byYear.get(year);
    if (!days) byYear.set(year, (days = { holidays: [], workingWeekends: [] }));
    return days;
  };
  for (const date of Object.keys(table.holidays)) entry(date).holidays.push(date);
  for (const date of Object.keys(table.workdays)) entry(date).workingWeekends.push(date);
  const years = [...byYear]
    .filter(([, days]) => days.holidays.length > 0)
    .map(([year, days]) => ({ year, ...days }))
    .sort((a, b) => a.year - b.year);
  return { version, years };
}
