import type { ReadModelDb } from '../database/read-model-database.js';
import { type ReadScope, scopeCondition } from '../scope/read-scope.js';
import type { Statistics, StatisticsFilter } from '../statistics/statistics-queries.js';
import {
  type Counts,
  type Decisions,
  groupColumn,
  statisticsOf,
  zeroCounts,
  zeroDecisions,
} from '../statistics/statistics-rows.js';

/**
 * The statistics as they were read before the rollups (seven scans of `cases` and `case_ratings`),
 * kept as the reference the equivalence test compares the rollup answers with.
 */
export class ReferenceStatistics {
  constructor(private readonly db: ReadModelDb) {}

  statistics(filter: StatisticsFilter, scope: ReadScope): Statistics {
    const column = groupColumn(filter);
    const s = scopeCondition(scope, 'hall', 'department', 'k');
    const params = { ...s.params, from: filter.from, to: filter.to };
    const groups = new Map<
      string,
      { label: string; counts: Counts; decisions: Decisions; levels: number[] }
    >();
    const group = (key: string, label: string) => {
      let g = groups.get(key);
      if (!g) {
        g = { label, counts: zeroCounts(), decisions: zeroDecisions(), levels: [0, 0, 0, 0, 0, 0] };
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
    for (const row of ratings) group(row.key, row.label).levels[row.level] += row.n;

    return statisticsOf(
      filter,
      [...groups.entries()].map(([key, g]) => ({ key, ...g })),
    );
  }
}
