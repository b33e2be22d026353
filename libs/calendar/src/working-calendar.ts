import { chineseDaysYears } from './builtin-calendar.js';
import { type BusinessDate, chinaDate, toEpochDay, yearOfEpochDay } from './dates.js';
import { DayKind, DayTable, type YearCoverage, type YearEntry } from './day-table.js';
import { CalendarCoverageError } from './errors.js';
import { TableWorkingDays, Tally, type WorkingDays } from './working-days.js';
import { parseYearSchedule, type YearSchedule } from './year-schedule.js';

export interface CalendarOptions {
  /**
   * Instead of refusing, count days in uncovered years Monday–Friday and flag the result
   * `provisional: true`. For displays that must show something; never for a legal decision.
   */
  readonly provisional?: boolean;
}

/** A computed value and what it rests on. */
export interface Reckoning<T> {
  readonly value: T;
  /** True when some day fell in an uncovered year and was guessed Monday–Friday. */
  readonly provisional: boolean;
  readonly uncoveredYears: readonly number[];
  /** The covered years the computation looked at, and where their days came from. */
  readonly sources: readonly YearCoverage[];
}

export interface CalendarCoverage {
  readonly years: readonly number[];
  readonly byYear: readonly YearCoverage[];
}

export type DayReason = 'weekday' | 'make-up-working-day' | 'weekend' | 'holiday';

export interface DayDescription {
  readonly date: BusinessDate;
  readonly working: boolean;
  readonly reason: DayReason;
  readonly source: YearCoverage;
}

export interface CreateCalendarOptions {
  /** Use the years chinese-days knows (default true); false leaves only the loaded years. */
  readonly builtin?: boolean;
}

let builtinEntries: YearEntry[] | undefined;
function chineseDaysEntries(): YearEntry[] {
  if (!builtinEntries) {
    const { version, years } = chineseDaysYears();
    builtinEntries = years.map((days) => ({
      ...days,
      kind: 'chinese-days',
      source: `chinese-days ${version}`,
    }));
  }
  return builtinEntries;
}

/**
 * China's official working-day calendar: chinese-days' years, overridden year by year by the
 * schedules an administrator loaded. Pure and synchronous; an instance never changes — loading
 * a year builds a new one.
 */
export class WorkingCalendar implements WorkingDays {
  private readonly strict: TableWorkingDays;

  private constructor(private readonly table: DayTable) {
    this.strict = new TableWorkingDays(table);
  }

  /** Validates every schedule; for a year loaded twice the later one in the list wins. */
  static create(
    loadedYears: readonly YearSchedule[] = [],
    options: CreateCalendarOptions = {},
  ): WorkingCalendar {
    const loaded: YearEntry[] = loadedYears.map(parseYearSchedule).map((schedule) => ({
      year: schedule.year,
      holidays: schedule.holidays,
      workingWeekends: schedule.workingWeekends,
      kind: 'loaded',
      source: schedule.source,
      ...(schedule.publishedAt === undefined ? {} : { publishedAt: schedule.publishedAt }),
    }));
    return new WorkingCalendar(
      DayTable.build([...(options.builtin === false ? [] : chineseDaysEntries()), ...loaded]),
    );
  }

  coverage(): CalendarCoverage {
    const byYear = [...this.table.coverage.values()].sort((a, b) => a.year - b.year);
    return { years: byYear.map((c) => c.year), byYear };
  }

  covers(year: number): boolean {
    return this.table.coverage.has(year);
  }

  isWorkingDay(date: BusinessDate, options?: { provisional?: false }): boolean;
  isWorkingDay(date: BusinessDate, options: { provisional: true }): Reckoning<boolean>;
  isWorkingDay(date: BusinessDate, options?: CalendarOptions): boolean | Reckoning<boolean> {
    return this.answer(options, (d) => d.isWorkingDay(date));
  }

  addWorkingDays(start: BusinessDate, n: number, options?: { provisional?: false }): BusinessDate;
  addWorkingDays(start: BusinessDate, n: number, options: { provisional: true }): Reckoning<BusinessDate>;
  addWorkingDays(
    start: BusinessDate,
    n: number,
    options?: CalendarOptions,
  ): BusinessDate | Reckoning<BusinessDate> {
    return this.answer(options, (d) => d.addWorkingDays(start, n));
  }

  nextWorkingDay(date: BusinessDate, options?: { provisional?: false }): BusinessDate;
  nextWorkingDay(date: BusinessDate, options: { provisional: true }): Reckoning<BusinessDate>;
  nextWorkingDay(date: BusinessDate, options?: CalendarOptions): BusinessDate | Reckoning<BusinessDate> {
    return this.answer(options, (d) => d.nextWorkingDay(date));
  }

  workingDaysBetween(from: BusinessDate, to: BusinessDate, options?: { provisional?: false }): number;
  workingDaysBetween(from: BusinessDate, to: BusinessDate, options: { provisional: true }): Reckoning<number>;
  workingDaysBetween(
    from: BusinessDate,
    to: BusinessDate,
    options?: CalendarOptions,
  ): number | Reckoning<number> {
    return this.answer(options, (d) => d.workingDaysBetween(from, to));
  }

  /** A working-day question answered strictly, or reckoned with what it rested on when `provisional`. */
  private answer<T>(options: CalendarOptions | undefined, ask: (days: WorkingDays) => T): T | Reckoning<T> {
    return options?.provisional ? this.reckon(ask, options) : ask(this.strict);
  }

  /**
   * Runs any working-day computation (e.g. a deadline rule from deadlines.ts) and reports what it
   * rested on. Without `provisional` it still throws CalendarCoverageError on an uncovered year.
   */
  reckon<T>(compute: (days: WorkingDays) => T, options: CalendarOptions = {}): Reckoning<T> {
    const tally = new Tally(options.provisional === true);
    const value = compute(new TableWorkingDays(this.table, tally));
    const sources: YearCoverage[] = [];
    if (tally.firstDay <= tally.lastDay) {
      for (let year = yearOfEpochDay(tally.firstDay); year <= yearOfEpochDay(tally.lastDay); year++) {
        const source = this.table.coverage.get(year);
        if (source) sources.push(source);
      }
    }
    const uncoveredYears = [...tally.uncoveredYears].sort((a, b) => a - b);
    return { value, provisional: uncoveredYears.length > 0, uncoveredYears, sources };
  }

  /** Why a day is or is not a working day, and which source says so. */
  describeDay(date: BusinessDate): DayDescription {
    const epochDay = toEpochDay(date);
    const kind = this.table.kind(epochDay);
    const source = this.table.coverage.get(yearOfEpochDay(epochDay));
    const reason = REASONS[kind];
    if (!source || !reason) throw new CalendarCoverageError(yearOfEpochDay(epochDay), date);
    return {
      date,
      working: kind === DayKind.WEEKDAY || kind === DayKind.MAKE_UP_WORKING_DAY,
      reason,
      source,
    };
  }

  /** The China-time business date of an instant (UTC+8). */
  chinaDate(instant: Date): BusinessDate {
    return chinaDate(instant);
  }
}

const REASONS: Record<DayKind, DayReason | undefined> = {
  [DayKind.UNCOVERED]: undefined,
  [DayKind.WEEKDAY]: 'weekday',
  [DayKind.MAKE_UP_WORKING_DAY]: 'make-up-working-day',
  [DayKind.WEEKEND]: 'weekend',
  [DayKind.HOLIDAY]: 'holiday',
};
