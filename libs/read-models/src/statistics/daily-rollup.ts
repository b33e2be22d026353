import type { Statement } from 'better-sqlite3';
import type { ReadModelDb } from '../database/read-model-database.js';
import { COUNT_KEYS } from './statistics-rows.js';

/**
 * `case_stats_daily`: the statistics' counters per China day, kept by the `cases` projection so
 * that a month or a year reads a few hundred rows instead of the cases table (ADR 11).
 * Each case counts in the row of its own jurisdiction (`scope_department` '') and once more in
 * the row of every department that handles a step of it (what an approver's scope reads).
 * Rows keep the item's name as the cases had it, so labels read as they did from the cases.
 */
export const ROLLUP_COUNTERS = [
  ...COUNT_KEYS,
  'decided',
  'approved',
  'denied',
  'on_time',
  'promised_on_time',
  'days_sum',
  'days_count',
  'rated_1',
  'rated_2',
  'rated_3',
  'rated_4',
  'rated_5',
] as const;
/** The counters' columns, the same in the daily and the monthly table. */
const COUNTER_COLUMNS = ROLLUP_COUNTERS.map((c) => `  ${c} INTEGER NOT NULL DEFAULT 0,`).join('\n');

/** One rollup table keyed by `period` (a China day or month) within scope, hall, department and item. */
const rollupTable = (table: string, period: string): string => `
CREATE TABLE IF NOT EXISTS ${table} (
  ${period} TEXT NOT NULL,
  scope_department TEXT NOT NULL,
  hall TEXT NOT NULL,
  department TEXT NOT NULL,
  item_code TEXT NOT NULL,
  item_name TEXT NOT NULL,
${COUNTER_COLUMNS}
  PRIMARY KEY (scope_department, ${period}, hall, department, item_code, item_name)
) WITHOUT ROWID;`;

/**
 * The days, and the same counters per China month ('YYYY-MM') beside them: a period reads its
 * whole months in the monthly table and only its partial months' days, so a year is a few hundred rows.
 */
export const DAILY_ROLLUP_SCHEMA =
  rollupTable('case_stats_daily', 'day') + rollupTable('case_stats_monthly', 'month');

export type RollupCounter = (typeof ROLLUP_COUNTERS)[number];

/** What of a case row the statistics count (the columns they read). */
export interface CountedCase {
  readonly hall: string;
  readonly department: string;
  readonly item_code: string;
  readonly item_name: string;
  readonly received_on: string;
  readonly accepted_on: string | null;
  readonly refused_on: string | null;
  readonly withdrawn_on: string | null;
  readonly completed_on: string | null;
  readonly decided_on: string | null;
  readonly outcome: string | null;
  readonly within_statutory: number | null;
  readonly within_promised: number | null;
  readonly working_days_used: number | null;
}

/** The columns of `cases` whose change moves a case's counts. */
export const COUNTED_COLUMNS: ReadonlySet<string> = new Set([
  'accepted_on',
  'refused_on',
  'withdrawn_on',
  'completed_on',
  'decided_on',
  'outcome',
  'within_statutory',
  'within_promised',
  'working_days_used',
]);

type CaseKey = Pick<CountedCase, 'hall' | 'department' | 'item_code' | 'item_name'>;
type Counts = Map<string, Partial<Record<RollupCounter, number>>>;

/** A case's counts per day, exactly as the statistics used to count its row. */
function countsOf(row: CountedCase): Counts {
  const days: Counts = new Map();
  const add = (day: string | null, counter: RollupCounter, n = 1): void => {
    if (day === null || n === 0) return;
    const counts = days.get(day) ?? {};
    counts[counter] = (counts[counter] ?? 0) + n;
    days.set(day, counts);
  };
  add(row.received_on, 'received');
  add(row.accepted_on, 'accepted');
  add(row.refused_on, 'refused');
  add(row.withdrawn_on, 'withdrawn');
  add(row.completed_on, 'completed');
  if (row.decided_on !== null) {
    add(row.decided_on, 'decided');
    if (row.outcome === 'approved') add(row.decided_on, 'approved');
    if (row.outcome === 'denied') add(row.decided_on, 'denied');
    add(row.decided_on, 'on_time', row.within_statutory ?? 0);
    add(row.decided_on, 'promised_on_time', row.within_promised ?? 0);
    if (row.working_days_used !== null) {
      add(row.decided_on, 'days_sum', row.working_days_used);
      add(row.decided_on, 'days_count');
    }
  }
  return days;
}

/**
 * Adds and takes away counts in `case_stats_daily` and, for the day's month, `case_stats_monthly`.
 * The counts of a batch are summed in memory per row and written by `flush()` at its end (the
 * runner calls it inside the batch's transaction): a row is written once a batch, not once an
 * event, and the counters are sums, so the result is the same.
 */
export class DailyRollup {
  private readonly upsert: Statement<unknown[]>;
  private readonly upsertMonth: Statement<unknown[]>;
  private readonly departments: Statement<[number], string>;
  /** The batch's sums per day and per month, by row key (period, scope, hall, department, item code and name). */
  private readonly days = new Map<string, PendingRow>();
  private readonly months = new Map<string, PendingRow>();

  constructor(db: ReadModelDb) {
    const columns = ROLLUP_COUNTERS.join(', ');
    this.upsert = db.prepare<unknown[]>(
      `INSERT INTO case_stats_daily (day, scope_department, hall, department, item_code, item_name, ${columns})
       VALUES (?, ?, ?, ?, ?, ?, ${ROLLUP_COUNTERS.map(() => '?').join(', ')})
       ON CONFLICT (scope_department, day, hall, department, item_code, item_name) DO UPDATE SET
       ${ROLLUP_COUNTERS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
    );
    this.upsertMonth = db.prepare<unknown[]>(
      `INSERT INTO case_stats_monthly (month, scope_department, hall, department, item_code, item_name, ${columns})
       VALUES (?, ?, ?, ?, ?, ?, ${ROLLUP_COUNTERS.map(() => '?').join(', ')})
       ON CONFLICT (scope_department, month, hall, department, item_code, item_name) DO UPDATE SET
       ${ROLLUP_COUNTERS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
    );
    this.departments = db
      .prepare<[number], string>('SELECT department FROM case_departments WHERE k = ?')
      .pluck();
  }

  /** Moves case `k`'s counts from what `before` counted (undefined: nothing) to what `after` counts. */
  change(k: number, before: CountedCase | undefined, after: CountedCase): void {
    const net: Counts = countsOf(after);
    if (before)
      for (const [day, counts] of countsOf(before)) {
        const into = net.get(day) ?? {};
        for (const [counter, n] of Object.entries(counts) as [RollupCounter, number][])
          into[counter] = (into[counter] ?? 0) - n;
        net.set(day, into);
      }
    for (const [day, counts] of net) if (Object.values(counts).every((n) => n === 0)) net.delete(day);
    if (net.size > 0) this.add([''].concat(this.departments.all(k)), after, net);
  }

  /** One rating of `level` (1–5) on `day`, counted for the case's hall, department and item. */
  rated(k: number, of: CaseKey, day: string, level: number): void {
    const counter = `rated_${level}` as RollupCounter;
    this.add([''].concat(this.departments.all(k)), of, new Map([[day, { [counter]: 1 }]]));
  }

  /** Writes the batch's sums: each row once, as the per-event upserts left it. */
  flush(): void {
    for (const [pending, upsert] of [
      [this.days, this.upsert],
      [this.months, this.upsertMonth],
    ] as const) {
      for (const { row, counts } of pending.values()) upsert.run(...row, ...counts);
      pending.clear();
    }
  }

  private add(scopes: readonly string[], row: CaseKey, counts: Counts): void {
    for (const [day, c] of counts) {
      for (const scope of scopes) {
        const rest = [scope, row.hall, row.department, row.item_code, row.item_name];
        sum(this.days, [day, ...rest], c);
        sum(this.months, [day.slice(0, 7), ...rest], c);
      }
    }
  }
}

interface PendingRow {
  readonly row: readonly string[];
  readonly counts: number[];
}

/** Adds `counts` to the pending sums of `row` (its counters in ROLLUP_COUNTERS order). */
function sum(
  pending: Map<string, PendingRow>,
  row: readonly string[],
  counts: Partial<Record<RollupCounter, number>>,
): void {
  const key = row.join('\u0000');
  let entry = pending.get(key);
  if (!entry) {
    entry = { row, counts: ROLLUP_COUNTERS.map(() => 0) };
    pending.set(key, entry);
  }
  for (let i = 0; i < ROLLUP_COUNTERS.length; i++) entry.counts[i] += counts[ROLLUP_COUNTERS[i]] ?? 0;
}
