import { epochDayOfYearStart, toEpochDay, weekdayOfEpochDay } from './dates.js';
import type { YearDays } from './builtin-calendar.js';

export type CalendarSourceKind = 'chinese-days' | 'loaded';

/** Which source a covered year's days come from. */
export interface YearCoverage {
  readonly year: number;
  readonly kind: CalendarSourceKind;
  /** `chinese-days <version>`, or the loaded schedule's own `source` (the notice). */
  readonly source: string;
  readonly publishedAt?: string;
}

export type YearEntry = YearDays & Omit<YearCoverage, 'year'>;

/** What a day is. UNCOVERED means no source knows its year. */
export const DayKind = {
  UNCOVERED: 0,
  WEEKDAY: 1,
  MAKE_UP_WORKING_DAY: 2,
  WEEKEND: 3,
  HOLIDAY: 4,
} as const;
export type DayKind = (typeof DayKind)[keyof typeof DayKind];

/**
 * One byte per day from the first to the last covered year, so that counting working days is a
 * walk over a typed array rather than string work per day.
 */
export class DayTable {
  private constructor(
    private readonly firstEpochDay: number,
    private readonly kinds: Uint8Array,
    readonly coverage: ReadonlyMap<number, YearCoverage>,
  ) {}

  /** Later entries for the same year replace earlier ones. */
  static build(entries: readonly YearEntry[]): DayTable {
    const byYear = new Map<number, YearEntry>();
    for (const entry of entries) byYear.set(entry.year, entry);
    const years = [...byYear.keys()].sort((a, b) => a - b);
    if (years.length === 0) return new DayTable(0, new Uint8Array(0), new Map());
    const first = epochDayOfYearStart(years[0]);
    const kinds = new Uint8Array(epochDayOfYearStart(years[years.length - 1] + 1) - first);
    const coverage = new Map<number, YearCoverage>();
    for (const year of years) {
      const entry = byYear.get(year)!;
      for (let day = epochDayOfYearStart(year); day < epochDayOfYearStart(year + 1); day++) {
        const weekday = weekdayOfEpochDay(day);
        kinds[day - first] = weekday === 0 || weekday === 6 ? DayKind.WEEKEND : DayKind.WEEKDAY;
      }
      for (const date of entry.holidays) kinds[toEpochDay(date) - first] = DayKind.HOLIDAY;
      for (const date of entry.workingWeekends) kinds[toEpochDay(date) - first] = DayKind.MAKE_UP_WORKING_DAY;
      coverage.set(year, {
        year,
        kind: entry.kind,
        source: entry.source,
        ...(entry.publishedAt === undefined ? {} : { publishedAt: entry.publishedAt }),
      });
    }
    return new DayTable(first, kinds, coverage);
  }

  kind(epochDay: number): DayKind {
    const index = epochDay - this.firstEpochDay;
    return index >= 0 && index < this.kinds.length ? (this.kinds[index] as DayKind) : DayKind.UNCOVERED;
  }
}
