import type { ReadModelDb } from '../database/read-model-database.js';
import { InvalidQueryError } from '../queries/invalid-query.error.js';
import { type ReadScope, scopeCondition } from '../scope/read-scope.js';
import type {
  Statistics,
  StatisticsFilter,
  StatisticsGroupBy,
  StatisticsRow,
} from '../statistics/statistics-queries.js';

const COLUMN: Record<StatisticsGroupBy, { key: string; label: string }> = {
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

/**
 * The statistics as they were read before the rollups (seven scans of `cases` and `case_ratings`),
 * kept as the reference the equivalence test compares the rollup answers with.
 */
export class ReferenceStatistics {
  constructor(private readonly db: ReadModelDb) {}

  statistics(filter: StatisticsFilter, scope: ReadScope): Statistics {
    for (const field of ['from', 'to'] as const)
      if (!DATE.test(filter[field]))
        throw new InvalidQueryError(field, `${field} must be a date written YYYY-MM-DD`);
    if (filter.from > filter.to) throw new InvalidQueryError('from', 'from must not be after to');
    const column = COLUMN[filter.groupBy];
    if (!column) throw new InvalidQueryError('groupBy', 'groupBy must be item, hall or department');
    const s = scopeCondition(scope, 'hall', 'department', 'k');
    const params = { ...s.params, from: filter.from, to: filter.to };
    const groups = new Map<
      string,
      { label: string; counts: Counts; decisions: Decisions; ratings: number[] }
    >();
    const group = (key: string, label: string) => {
      let g = groups.get(key);
      if (!g) {
        g = {
          label,
          counts: { received: 0, accepted: 0, refused: 0, withdrawn: 0, completed: 0 },
          decisions: {
            decided: 0,
            approved: 0,
            denied: 0,
            onTime: 0,
            promisedOnTime: 0,
            daysSum: 0,
            daysCount: 0,
          },
          ratings: [0, 0, 0, 0, 0, 0],
        };
        groups.set(key, g);
      }
      return g;
    };

    const countBy = (dateColumn: string, counter: keyof Counts) => {
      const rows = this.db
        .prepare(
          `SELECT ${column.key} AS key, MAX(${column.label}) AS label, COUNT(*) AS n FROM cases
           WHERE ${dateColumn} BETWEEN @from AND @to AND ${s.sql} GROUP BY ${column.key}`,
        )
        .all(params) as { key: string; label: string; n: number }[];
      for (const row of rows) group(row.key, row.label).counts[counter] = row.n;
    };
    countBy('received_on', 'received');
    countBy('accepted_on', 'accepted');
    countBy('refused_on', 'refused');
    countBy('withdrawn_on', 'withdrawn');
    countBy('completed_on', 'completed');

    const decisions = this.db
      .prepare(
        `SELECT ${column.key} AS key, MAX(${column.label}) AS label, COUNT(*) AS decided,
           SUM(outcome = 'approved') AS approved, SUM(outcome = 'denied') AS denied,
           SUM(within_statutory) AS onTime, SUM(within_promised) AS promisedOnTime,
           SUM(working_days_used) AS daysSum, COUNT(working_days_used) AS daysCount
         FROM cases WHERE decided_on BETWEEN @from AND @to AND ${s.sql} GROUP BY ${column.key}`,
      )
      .all(params) as ({ key: string; label: string } & Decisions)[];
    for (const row of decisions) {
      const { key: _key, label: _label, ...figures } = row;
      group(row.key, row.label).decisions = { ...figures, daysSum: figures.daysSum ?? 0 };
    }

    const ratings = this.db
      .prepare(
        `SELECT ${column.key} AS key, MAX(${column.label}) AS label, level, COUNT(*) AS n FROM case_ratings
         WHERE rated_on BETWEEN @from AND @to AND ${s.sql} GROUP BY ${column.key}, level`,
      )
      .all(params) as { key: string; label: string; level: number; n: number }[];
    for (const row of ratings) group(row.key, row.label).ratings[row.level] += row.n;

    const rows = [...groups.entries()]
      .map(([key, g]) => toRow(key, g.label, g.counts, g.decisions, g.ratings))
      .sort((a, b) => a.key.localeCompare(b.key));
    const counts = zeroCounts();
    const decided = zeroDecisions();
    const levels = [0, 0, 0, 0, 0, 0];
    for (const g of groups.values()) {
      for (const k of Object.keys(counts) as (keyof Counts)[]) counts[k] += g.counts[k];
      for (const k of Object.keys(decided) as (keyof Decisions)[]) decided[k] += g.decisions[k];
      g.ratings.forEach((n, level) => (levels[level] += n));
    }
    const total = toRow('total', 'total', counts, decided, levels);
    return { from: filter.from, to: filter.to, groupBy: filter.groupBy, rows, total };
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
