import { type Clock, systemClock } from '@one-window/shared';
import type { ReadModelDb } from '../database/read-model-database.js';
import { DeadlineEvaluator } from '../queries/deadline-evaluator.js';

/** One gauge reading for one department. */
export interface DepartmentCount {
  readonly department: string;
  readonly count: number;
}

/** Pending cases of a department near (yellow) and past (red) a decision limit, as the deadline board counts them. */
export interface DepartmentDeadlines {
  readonly department: string;
  readonly yellow: number;
  readonly red: number;
}

/**
 * The departments of `table` whose rows match `where`, one index seek each (a skip-scan by hand:
 * `MIN(department) … > previous`), so a department costs a seek, not a walk over its rows.
 */
function departmentsOf(table: string, where: string): string {
  return `WITH RECURSIVE d(department) AS (
      SELECT MIN(department) FROM ${table} WHERE ${where}
      UNION ALL
      SELECT (SELECT MIN(department) FROM ${table} WHERE ${where} AND department > d.department)
      FROM d WHERE d.department IS NOT NULL)`;
}

/**
 * Counts for the hall's gauges (`/metrics`), read at scrape time. Each is a COUNT over an index
 * range per department — pending cases in the deadline board's partial index, open obligations
 * in their department's order index — or a covering walk of the open tasks' partial index, never
 * a scan of a table, so a scrape costs what the answer holds, not the history (ADR 13).
 */
export class GaugeQueries {
  private readonly openTasksStatement;
  private readonly openObligationsStatement;
  private readonly runningStatement;
  private readonly stoppedStatement;

  constructor(
    db: ReadModelDb,
    private readonly deadlines: DeadlineEvaluator,
    private readonly clock: Clock = systemClock,
  ) {
    deadlines.register(db);
    // A covering walk of the open tasks' own partial index: the rows it reads are the open tasks.
    this.openTasksStatement = db.prepare<[], DepartmentCount>(
      `SELECT department, COUNT(*) AS count FROM tasks WHERE status IN ('open', 'claimed') GROUP BY department`,
    );
    // `outcome IS NOT NULL` as the order index spells it (OBLIGATION_ORDER), so the range is an index's.
    this.openObligationsStatement = db.prepare<[], DepartmentCount>(
      `${departmentsOf('obligations', 'true')}
       SELECT department, (SELECT COUNT(*) FROM obligations o
         WHERE o.department = d.department AND (o.outcome IS NOT NULL) = 0) AS count
       FROM d WHERE department IS NOT NULL`,
    );
    // Pending cases whose clock runs, counted on today's ranges (stopped ones are set right below).
    this.runningStatement = db.prepare<
      { today: string; yellowBefore: string },
      { department: string; yellow: number; red: number }
    >(
      `${departmentsOf('cases', 'decision_pending = 1')}
       SELECT department,
         (SELECT COUNT(*) FROM cases c WHERE c.decision_pending = 1 AND c.department = d.department
            AND c.warning_due >= @today AND c.warning_due < @yellowBefore) AS yellow,
         (SELECT COUNT(*) FROM cases c WHERE c.decision_pending = 1 AND c.department = d.department
            AND c.warning_due < @today) AS red
       FROM d WHERE department IS NOT NULL`,
    );
    // A stopped clock (Art. 45) counts as of the day it stopped: the few such cases, one row each
    // from their own index (a GROUP BY would walk every pending case in department order instead).
    this.stoppedStatement = db.prepare<
      { today: string; yellowBefore: string },
      { department: string; yellow: number; red: number; yellowToday: number; redToday: number }
    >(
      `SELECT c.department,
         ${DeadlineEvaluator.sql('yellow')} AS yellow,
         ${DeadlineEvaluator.sql('red')} AS red,
         (c.warning_due >= @today AND c.warning_due < @yellowBefore) AS yellowToday,
         (c.warning_due < @today) AS redToday
       FROM cases c WHERE c.decision_pending = 1 AND c.clock_stopped_on IS NOT NULL`,
    );
  }

  /** Open and claimed tasks, by the department whose queue holds them. */
  openTasks(): DepartmentCount[] {
    return this.openTasksStatement.all();
  }

  /** Rating obligations (Art. 36) without an outcome yet, by the department that owes them. */
  openObligations(): DepartmentCount[] {
    return this.openObligationsStatement.all();
  }

  /** Pending cases near and past their decision limit, by department: the deadline board's yellow and red. */
  caseDeadlines(now: Date = this.clock.now()): DepartmentDeadlines[] {
    const today = this.deadlines.today(now);
    const params = { today, yellowBefore: this.deadlines.yellowBefore(today) };
    const counts = new Map<string, { yellow: number; red: number }>();
    for (const row of this.runningStatement.all(params)) {
      counts.set(row.department, { yellow: row.yellow, red: row.red });
    }
    for (const row of this.stoppedStatement.all(params)) {
      const c = counts.get(row.department) ?? { yellow: 0, red: 0 };
      counts.set(row.department, {
        yellow: c.yellow - row.yellowToday + row.yellow,
        red: c.red - row.redToday + row.red,
      });
    }
    return [...counts].map(([department, c]) => ({ department, ...c }));
  }
}
