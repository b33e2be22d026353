import type { ReadModelDb } from '../database/read-model-database.js';
import { type ReadScope, scopeCondition } from '../scope/read-scope.js';
import { ROLLUP_COUNTERS } from './daily-rollup.js';
import { COUNT_KEYS, type Counts, type Decisions, groupColumn, statisticsOf } from './statistics-rows.js';

export type StatisticsGroupBy = 'item' | 'hall' | 'department';

export interface StatisticsFilter {
  /** China dates, inclusive. */
  readonly from: string;
  readonly to: string;
  readonly groupBy: StatisticsGroupBy;
}

export interface RatingFigures {
  readonly total: number;
  /** Count per level 1 (非常满意) … 5 (非常不满意). */
  readonly byLevel: {
    readonly 1: number;
    readonly 2: number;
    readonly 3: number;
    readonly 4: number;
    readonly 5: number;
  };
  readonly bad: number;
  /** Bad ratings ÷ ratings; null without ratings. */
  readonly badRate: number | null;
}

/** Each count is of the events of that kind inside the period (a case received in March and decided in April counts in both). */
export interface StatisticsRow {
  readonly key: string;
  readonly label: string;
  readonly received: number;
  readonly accepted: number;
  readonly refused: number;
  readonly withdrawn: number;
  readonly decided: number;
  readonly approved: number;
  readonly denied: number;
  readonly completed: number;
  /** Decisions within the statutory limit. */
  readonly onTime: number;
  /** onTime ÷ decided (the headline figure); null without decisions. */
  readonly onTimeRate: number | null;
  /** Decisions within the promised limit ÷ decided. */
  readonly promisedOnTimeRate: number | null;
  /** Working days from acceptance to decision, special procedures excluded. */
  readonly averageWorkingDays: number | null;
  readonly ratings: RatingFigures;
}

export interface Statistics {
  readonly from: string;
  readonly to: string;
  readonly groupBy: StatisticsGroupBy;
  readonly rows: readonly StatisticsRow[];
  readonly total: StatisticsRow;
}

/** The counter each label is taken from first: a group is named as the first figure that holds it names it. */
const LABEL_ORDER = [...COUNT_KEYS, 'decided', 'rated'] as const;

interface GroupRow extends Counts, Decisions {
  key: string;
  rated_1: number;
  rated_2: number;
  rated_3: number;
  rated_4: number;
  rated_5: number;
  [label: `l_${string}`]: string | null;
}

/**
 * Counts, on-time rate and rating distribution per item, hall or department over a period,
 * summed from the rollups the `cases` projection keeps: whole months from case_stats_monthly, the
 * days of partial months from case_stats_daily, so a year is a few hundred rows, whatever the cases.
 */
export class StatisticsQueries {
  constructor(private readonly db: ReadModelDb) {}

  statistics(filter: StatisticsFilter, scope: ReadScope): Statistics {
    const column = groupColumn(filter);
    const { sql, params } = rollupScope(scope);
    const rated = 'rated_1 + rated_2 + rated_3 + rated_4 + rated_5';
    const labels = LABEL_ORDER.map(
      (counter) =>
        `MAX(CASE WHEN ${counter === 'rated' ? rated : counter} > 0 THEN ${column.label} END) AS l_${counter}`,
    ).join(', ');
    const parts = periodParts(filter.from, filter.to);
    const counters = [...new Set([column.key, column.label, ...ROLLUP_COUNTERS])].join(', ');
    const sources = [
      ...parts.days.map(
        (_, i) =>
          `SELECT ${counters} FROM case_stats_daily WHERE day BETWEEN @dayFrom${i} AND @dayTo${i} AND ${sql}`,
      ),
      ...(parts.months
        ? [
            `SELECT ${counters} FROM case_stats_monthly WHERE month BETWEEN @monthFrom AND @monthTo AND ${sql}`,
          ]
        : []),
    ];
    const periodParams: Record<string, string> = {};
    parts.days.forEach(([from, to], i) =>
      Object.assign(periodParams, { [`dayFrom${i}`]: from, [`dayTo${i}`]: to }),
    );
    if (parts.months) Object.assign(periodParams, { monthFrom: parts.months[0], monthTo: parts.months[1] });
    const found = this.db
      .prepare(
        `SELECT ${column.key} AS key, ${labels},
           SUM(received) AS received, SUM(accepted) AS accepted, SUM(refused) AS refused,
           SUM(withdrawn) AS withdrawn, SUM(completed) AS completed, SUM(decided) AS decided,
           SUM(approved) AS approved, SUM(denied) AS denied, SUM(on_time) AS onTime,
           SUM(promised_on_time) AS promisedOnTime, SUM(days_sum) AS daysSum, SUM(days_count) AS daysCount,
           SUM(rated_1) AS rated_1, SUM(rated_2) AS rated_2, SUM(rated_3) AS rated_3,
           SUM(rated_4) AS rated_4, SUM(rated_5) AS rated_5
         FROM (${sources.join(' UNION ALL ')})
         GROUP BY ${column.key}`,
      )
      .all({ ...params, ...periodParams }) as GroupRow[];
    const groups = found
      .map((g) => ({ g, label: LABEL_ORDER.map((c) => g[`l_${c}`]).find((l) => l != null) }))
      .filter((x): x is { g: GroupRow; label: string } => typeof x.label === 'string');
    return statisticsOf(
      filter,
      groups.map(({ g, label }) => ({
        key: g.key,
        label,
        counts: countsOf(g),
        decisions: g,
        levels: levelsOf(g),
      })),
    );
  }
}

function countsOf(g: GroupRow): Counts {
  const { received, accepted, refused, withdrawn, completed } = g;
  return { received, accepted, refused, withdrawn, completed };
}

function levelsOf(g: GroupRow): number[] {
  return [0, g.rated_1, g.rated_2, g.rated_3, g.rated_4, g.rated_5];
}

/**
 * A period as the rollups hold it: its whole months (case_stats_monthly) and the day ranges
 * before and after them (case_stats_daily); a period inside one month is days only.
 */
export function periodParts(
  from: string,
  to: string,
): { days: [string, string][]; months: [string, string] | null } {
  const firstMonth = from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7));
  const lastMonth = to === lastDayOf(to.slice(0, 7)) ? to.slice(0, 7) : previousMonth(to.slice(0, 7));
  if (firstMonth > lastMonth) return { days: [[from, to]], months: null };
  const days: [string, string][] = [];
  if (from.slice(0, 7) < firstMonth) days.push([from, lastDayOf(from.slice(0, 7))]);
  if (to.slice(0, 7) > lastMonth) days.push([`${to.slice(0, 7)}-01`, to]);
  return { days, months: [firstMonth, lastMonth] };
}

function nextMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function previousMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function lastDayOf(month: string): string {
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

/** The rollup rows a scope reads: its own jurisdiction's (scope_department ''), or a handling department's. */
function rollupScope(scope: ReadScope): { sql: string; params: Record<string, string> } {
  if (scope.kind === 'handling')
    return { sql: 'scope_department = @scopeDepartment', params: { scopeDepartment: scope.department } };
  const own = scopeCondition(scope, 'hall', 'department');
  return { sql: `scope_department = '' AND ${own.sql}`, params: own.params };
}
