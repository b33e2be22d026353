import { InvalidCalendarInputError } from './errors.js';

/**
 * Business dates are `YYYY-MM-DD` strings in China time (UTC+8, no daylight saving since 1991).
 * Internally a date is an epoch day: whole days since 1970-01-01, so stepping is integer arithmetic.
 */
export type BusinessDate = string;

const MS_PER_DAY = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function toEpochDay(date: BusinessDate, field = 'date'): number {
  const match = typeof date === 'string' ? DATE_PATTERN.exec(date) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    // Date.UTC rolls 2026-02-30 over to March: a round trip catches impossible days.
    if (fromEpochDay(ms / MS_PER_DAY) === date) return ms / MS_PER_DAY;
  }
  throw new InvalidCalendarInputError(
    field,
    `${field} must be a real date written YYYY-MM-DD, got ${JSON.stringify(date)}`,
  );
}

export function fromEpochDay(epochDay: number): BusinessDate {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isBusinessDate(value: unknown): value is BusinessDate {
  try {
    toEpochDay(value as string);
    return true;
  } catch {
    return false;
  }
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function isWeekend(date: BusinessDate): boolean {
  const weekday = weekdayOfEpochDay(toEpochDay(date));
  return weekday === 0 || weekday === 6;
}

export function yearOfEpochDay(epochDay: number): number {
  return new Date(epochDay * MS_PER_DAY).getUTCFullYear();
}

export function epochDayOfYearStart(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

/** Natural (calendar) days, not working days. */
export function addNaturalDays(date: BusinessDate, days: number): BusinessDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** The China-time business date of an instant: 2026-01-05T16:30Z is already 2026-01-06 in Hohhot. */
export function chinaDate(instant: Date): BusinessDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new InvalidCalendarInputError('instant', 'instant is an invalid Date');
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China-time day begins (00:00 UTC+8). */
export function chinaDayStart(date: BusinessDate): Date {
  return new Date(toEpochDay(date) * MS_PER_DAY - CHINA_OFFSET_MS);
}

/** The instant a China-time day ends (24:00 UTC+8, i.e. the next day's start): a due date has passed from then on. */
export function chinaDayEnd(date: BusinessDate): Date {
  return new Date((toEpochDay(date) + 1) * MS_PER_DAY - CHINA_OFFSET_MS);
}
