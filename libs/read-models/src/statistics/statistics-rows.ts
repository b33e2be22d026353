import { InvalidQueryError } from '../queries/invalid-query.error.js';
import type { Statistics, StatisticsFilter, StatisticsGroupBy, StatisticsRow } from './statistics-queries.js';

/** The counts of events of one kind inside the period, in the order a group's label is looked for. */
export const COUNT_KEYS = ['received', 'accepted', 'refused', 'withdrawn', 'completed'] as const;
export type Counts = Record<(typeof COUNT_KEYS)[number], number>;

export interface Decisions {
  decided: number;
  approved: number;
  denied: number;
  onTime: number;
  promisedOnTime: number;
  daysSum: number;
  daysCount: number;
}

/** One group's figures as a reading found them; levels[1..5] count the ratings of each level. */
export interface StatisticsGroup {
  readonly key: string;
  readonly label: string;
  readonly counts: Counts;
  readonly decisions: Decisions;
  readonly levels: readonly number[];
}

const GROUP_COLUMN: Record<StatisticsGroupBy, { key: string; label: string }> = {
  item: { key: 'item_code', label: 'item_name' },
  hall: { key: 'hall', label: 'hall' },
  department: { key: 'department', label: 'department' },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filter checked (dates, their order, the grouping) and the key and label columns of its grouping. */
export function groupColumn(filter: StatisticsFilter): { key: string; label: string } {
  for (const field of ['from', 'to'] as const)
    if (!DATE.test(filter[field]))
      throw new InvalidQueryError(field, `${field} must be a date written YYYY-MM-DD`);
  if (filter.from > filter.to) throw new InvalidQueryError('from', 'from must not be after to');
  const column = GROUP_COLUMN[filter.groupBy];
  if (!column) throw new InvalidQueryError('groupBy', 'groupBy must be item, hall or department');
  return column;
}

/** The answer: a row per group, sorted by key, and their total. */
export function statisticsOf(filter: StatisticsFilter, groups: readonly StatisticsGroup[]): Statistics {
  const rows = groups
    .map((g) => toRow(g.key, g.label, g.counts, g.decisions, g.levels))
    .sort((a, b) => a.key.localeCompare(b.key));
  const counts = zeroCounts();
  const decided = zeroDecisions();
  const levels = [0, 0, 0, 0, 0, 0];
  for (const g of groups) {
    for (const k of COUNT_KEYS) counts[k] += g.counts[k];
    for (const k of Object.keys(decided) as (keyof Decisions)[]) decided[k] += g.decisions[k];
    g.levels.forEach((n, level) => (levels[level] += n));
  }
  const total = toRow('total', 'total', counts, decided, levels);
  return { from: filter.from, to: filter.to, groupBy: filter.groupBy, rows, total };
}

export function zeroCounts(): Counts {
  return { received: 0, accepted: 0, refused: 0, withdrawn: 0, completed: 0 };
}

export function zeroDecisions(): Decisions {
  return { decided: 0, approved: 0, denied: 0, onTime: 0, promisedOnTime: 0, daysSum: 0, daysCount: 0 };
}

function toRow(
  key: string,
  label: string,
  counts: Counts,
  d: Decisions,
  levels: readonly number[],
): StatisticsRow {
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
