import { type BusinessDate, fromEpochDay, toEpochDay, weekdayOfEpochDay, yearOfEpochDay } from './dates.js';
import { DayKind, type DayTable } from './day-table.js';
import { CalendarCoverageError, InvalidCalendarInputError } from './errors.js';

/**
 * Working-day arithmetic, the part deadline rules are written against. Every method throws
 * CalendarCoverageError when it has to look at a day in a year no source covers.
 */
export interface WorkingDays {
  isWorkingDay(date: BusinessDate): boolean;
  /** The date `n` working days after `start`; the start day itself is not counted. `n = 0` gives `start`. */
  addWorkingDays(start: BusinessDate, n: number): BusinessDate;
  /** The first working day after `date`. */
  nextWorkingDay(date: BusinessDate): BusinessDate;
  /** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
  workingDaysBetween(from: BusinessDate, to: BusinessDate): number;
}

/** What one computation looked at: the span of days, and the uncovered years it guessed (provisional only). */
export class Tally {
  readonly uncoveredYears = new Set<number>();
  firstDay = Number.POSITIVE_INFINITY;
  lastDay = Number.NEGATIVE_INFINITY;
  constructor(readonly provisional: boolean) {}
}

export function checkDayCount(n: number, field = 'n'): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new InvalidCalendarInputError(
      field,
      `${field} must be a whole number of days ≥ 0, got ${String(n)}`,
    );
  }
}

/** WorkingDays over a DayTable; with a Tally it records what it saw and, if provisional, guesses Monday–Friday. */
export class TableWorkingDays implements WorkingDays {
  constructor(
    private readonly table: DayTable,
    private readonly tally?: Tally,
  ) {}

  isWorkingDay(date: BusinessDate): boolean {
    return this.working(toEpochDay(date));
  }

  addWorkingDays(start: BusinessDate, n: number): BusinessDate {
    checkDayCount(n);
    let day = toEpochDay(start, 'start');
    for (let counted = 0; counted < n;) if (this.working(++day)) counted++;
    return fromEpochDay(day);
  }

  nextWorkingDay(date: BusinessDate): BusinessDate {
    return this.addWorkingDays(date, 1);
  }

  workingDaysBetween(from: BusinessDate, to: BusinessDate): number {
    const [a, b] = [toEpochDay(from, 'from'), toEpochDay(to, 'to')];
    const [low, high, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day++) if (this.working(day)) count++;
    return sign * count;
  }

  private working(epochDay: number): boolean {
    const tally = this.tally;
    if (tally) {
      if (epochDay < tally.firstDay) tally.firstDay = epochDay;
      if (epochDay > tally.lastDay) tally.lastDay = epochDay;
    }
    const kind = this.table.kind(epochDay);
    switch (kind) {
      case DayKind.WEEKDAY:
      case DayKind.MAKE_UP_WORKING_DAY:
        return true;
      case DayKind.WEEKEND:
      case DayKind.HOLIDAY:
        return false;
      case DayKind.UNCOVERED: {
        const year = yearOfEpochDay(epochDay);
        if (!tally?.provisional) throw new CalendarCoverageError(year, fromEpochDay(epochDay));
        tally.uncoveredYears.add(year);
        const weekday = weekdayOfEpochDay(epochDay);
        return weekday >= 1 && weekday <= 5;
      }
      default: {
        const unknown: never = kind;
        throw new Error(`unknown day kind ${String(unknown)}`);
      }
    }
  }
}
