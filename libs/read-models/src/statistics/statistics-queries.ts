import type { ReadModelDb } from '../database/read-model-database.js';
import { InvalidQueryError } from '../queries/invalid-query.error.js';
import type { ReadScope } from '../scope/read-scope.js';
import { ROLLUP_COUNTERS } from './daily-rollup.js';

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

const KEY: Record<StatisticsGroupBy, { key: string; label: string }> = {
  item: { key: 'item_code', label: 'item_name' },
  hall: { key: 'hall', label: 'hall' },
  department: { key: 'department', label: 'department' },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Counts = Record<'received' | 'accepted' | 'refused' | 'withdrawn' | 'completed', number>;
interface Decisions {
  decided: number;
  approved: number;
  denied: number;
  onTime: number;
  promisedOnTime: number;
  daysSum: number;
  daysCount: number;
}

/** The counter each label is taken from first: a group is named as the first figure that holds it names it. */
const LABEL_ORDER = [
  'received',
  'accepted',
  'refused',
  'withdrawn',
  'completed',
  'decided',
  'rated',
] as const;

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
    for (const field of ['from', 'to'] as const)
      if (!DATE.test(filter[field]))
        throw new InvalidQueryError(field, `${field} must be a date written YYYY-MM-DD`);
    if (filter.from > filter.to) throw new InvalidQueryError('from', 'from must not be after to');
    const column = KEY[filter.groupBy];
    if (!column) throw new InvalidQueryError('groupBy', 'groupBy must be item, hall or department');
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
    const rows = groups
      .map(({ g, label }) => toRow(g.key, label, countsOf(g), g, levelsOf(g)))
      .sort((a, b) => a.key.localeCompare(b.key));
    const counts = zeroCounts();
    const decided = zeroDecisions();
    const levels = [0, 0, 0, 0, 0, 0];
    for (const { g } of groups) {
      for (const k of Object.keys(counts) as (keyof Counts)[]) counts[k] += g[k];
      for (const k of Object.keys(decided) as (keyof Decisions)[]) decided[k] += g[k];
      levelsOf(g).forEach((n, level) => (levels[level] += n));
    }
    const total = toRow('total', 'total', counts, decided, levels);
    return { from: filter.from, to: filter.to, groupBy: filter.groupBy, rows, total };
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
  switch (scope.kind) {
    case 'all':
      return { sql: "scope_department = ''", params: {} };
    case 'none':
      return { sql: '0 = 1', params: {} };
    case 'hall':
      return { sql: "scope_department = '' AND hall = @scopeHall", params: { scopeHall: scope.hall } };
    case 'department':
      return {
        sql: "scope_department = '' AND department = @scopeDepartment",
        params: { scopeDepartment: scope.department },
      };
    case 'handling':
      return { sql: 'scope_department = @scopeDepartment', params: { scopeDepartment: scope.department } };
    default: {
      const unknown: never = scope;
      throw new Error(`Unknown scope ${JSON.stringify(unknown)}`);
    }
  }
}

function zeroCounts(): Counts {
  return { received: 0, accepted: 0, refused: 0, withdrawn: 0, completed: 0 };
}
function zeroDecisions(): Decisions {
  return { decided: 0, approved: 0, denied: 0, onTime: 0, promisedOnTime: 0, daysSum: 0, daysCount: 0 };
}

function toRow(key: string, label: string, counts: Counts, d: Decisions, levels: number[]): StatisticsRow {
  const total = levels[1] + levels[2] + levels[3] + levels[4] + levels[5];
  const bad = levels[4] + levels[5];
  return {
    key,
    label,
    ...counts,
    decided: d.decided,
    approved: d.approved,
    denied: d.denied,
    onTime: d.onTime,
    onTimeRate: d.decided ? d.onTime / d.decided : null,
    promisedOnTimeRate: d.decided ? d.promisedOnTime / d.decided : null,
    averageWorkingDays: d.daysCount ? d.daysSum / d.daysCount : null,
    ratings: {
      total,
      byLevel: { 1: levels[1], 2: levels[2], 3: levels[3], 4: levels[4], 5: levels[5] },
      bad,
      badRate: total ? bad / total : null,
    },
  };
}
