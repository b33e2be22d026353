import { chinaDate, type WarningLevel, type WorkingCalendar } from '@one-window/calendar';
import type { ReadModelDb } from '../database/read-model-database.js';
import type { ReadModelSettings } from '../settings/read-model-settings.js';

/** A due date as of today: computed when asked, because "days left" changes every day and the read model must not. */
export interface DueStatus {
  readonly dueDate: string;
  /** Working days from today (or from the day the clock stopped) to the due date: 0 on the due day, negative once overdue. */
  readonly workingDaysLeft: number;
  readonly warning: WarningLevel;
  /** The count crossed a year no loaded calendar covers and guessed Monday–Friday there. */
  readonly provisional: boolean;
}

/** The working-day calendar, or a function giving the current one (an administrator may load a year at any time). */
export type CalendarSource = WorkingCalendar | (() => WorkingCalendar);

export function currentCalendar(source: CalendarSource): WorkingCalendar {
  return typeof source === 'function' ? source() : source;
}

/** SQL helper registered on the read-model connection: `yellowBefore(date)` (provisional past coverage). */
export const YELLOW_BEFORE_SQL = 'ow_yellow_before';

/**
 * Turns stored due dates into days left and a warning level with the injected clock and the
 * working-day calendar (DOMAIN §5): red once the due day has ended, yellow within the setting's
 * working days. While a special procedure stops the clock, the count is frozen at the day it stopped.
 */
export class DeadlineEvaluator {
  private readonly memo = new WeakMap<WorkingCalendar, Map<string, string>>();

  constructor(
    private readonly calendarSource: CalendarSource,
    private readonly settings: ReadModelSettings,
  ) {}

  get warningWorkingDays(): number {
    return this.settings.warningWorkingDays;
  }

  calendar(): WorkingCalendar {
    return currentCalendar(this.calendarSource);
  }

  today(now: Date): string {
    return chinaDate(now);
  }

  status(today: string, dueDate: string, clockStoppedOn: string | null = null): DueStatus {
    const asOf = clockStoppedOn ?? today;
    const left = this.calendar().workingDaysBetween(asOf, dueDate, { provisional: true });
    const warning: WarningLevel =
      dueDate < asOf ? 'red' : left.value <= this.settings.warningWorkingDays ? 'yellow' : 'none';
    return { dueDate, workingDaysLeft: left.value, warning, provisional: left.provisional };
  }

  /** The first date whose due dates are no longer yellow as of `date`. */
  yellowBefore(date: string): string {
    const calendar = this.calendar();
    let cache = this.memo.get(calendar);
    if (!cache) this.memo.set(calendar, (cache = new Map<string, string>()));
    let value = cache.get(date);
    if (value === undefined) {
      value = calendar.addWorkingDays(date, this.settings.warningWorkingDays + 1, {
        provisional: true,
      }).value;
      cache.set(date, value);
    }
    return value;
  }

  /**
   * The `warning_due` range that holds every pending case of these levels as of `today`, for an
   * index to walk: red is before its as-of day, yellow from it until yellowBefore(it). The as-of
   * day is today, or the day a stopped clock stopped (`stopped`: the earliest and latest such day
   * among pending cases), so the range spans all of them; the exact test (sql) still decides.
   */
  warningRange(
    levels: readonly ('yellow' | 'red')[],
    today: string,
    stopped: { readonly first: string; readonly last: string } | null,
  ): { readonly from: string; readonly before: string } {
    const first = stopped && stopped.first < today ? stopped.first : today;
    const last = stopped && stopped.last > today ? stopped.last : today;
    return levels.includes('yellow')
      ? { from: levels.includes('red') ? '' : first, before: this.yellowBefore(last) }
      : { from: '', before: last };
  }

  /** Registers the SQL function the warning filters use. */
  register(db: ReadModelDb): void {
    db.function(YELLOW_BEFORE_SQL, (date: unknown) =>
      typeof date === 'string' ? this.yellowBefore(date) : null,
    );
  }

  /**
   * SQL conditions over a `cases` row (alias `c`) for each warning level, given `@today`.
   * A case has a level only while its decision is pending.
   */
  static sql(level: WarningLevel): string {
    const asOf = 'COALESCE(c.clock_stopped_on, @today)';
    const red = `(c.warning_due < ${asOf})`;
    const yellow = `(c.warning_due >= ${asOf} AND c.warning_due < ${YELLOW_BEFORE_SQL}(${asOf}))`;
    switch (level) {
      case 'red':
        return `(c.decision_pending = 1 AND ${red})`;
      case 'yellow':
        return `(c.decision_pending = 1 AND ${yellow})`;
      case 'none':
        return `(c.decision_pending = 0 OR NOT (${red} OR ${yellow}))`;
      default: {
        const unknown: never = level;
        throw new Error(`Unknown warning level ${String(unknown)}`);
      }
    }
  }
}
