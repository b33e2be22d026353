import type { ReadModelDb } from '../database/read-model-database.js';
import { DeadlineEvaluator } from '../queries/deadline-evaluator.js';
import { ALL_SCOPE } from '../scope/read-scope.js';
import { DEFAULT_READ_MODEL_SETTINGS } from '../settings/read-model-settings.js';
import {
  type CaseWorld,
  DEMO_ACTORS as A,
  acceptedFoodLicence,
  openCaseWorld,
  seedGeneratedCases,
} from '../testing/index.js';
import { GaugeQueries } from './gauge-queries.js';

/**
 * The hall's gauges read at scrape time (ADR 13): each statement is an index search per
 * department — no scan of a table (the plan does not depend on the row count: no ANALYZE) — and
 * each count is what the read side shows elsewhere: the deadline board's totals, the open rows.
 */
describe('gauge queries: bounded counts by department', () => {
  let w: CaseWorld;
  let gauges: GaugeQueries;
  const prepared: string[] = [];
  // Tuesday 10 March 2026: the cases below are overdue (B), near due (C) and stopped (A).
  const now = new Date('2026-03-10T03:00:00Z');

  beforeAll(async () => {
    w = await openCaseWorld({ start: '2026-03-02T01:30:00Z' });
    // History up to 27 February, across departments; most of it closed.
    await seedGeneratedCases(w.store, 300, { seed: 11 });
    // A: accepted Monday 2 March, due 9 March, its clock stopped the same day (Art. 45).
    const a = await acceptedFoodLicence(w);
    await w.send({ type: 'ClaimTask', taskId: `${a.caseId}.t1` }, A.approver);
    await w.send(
      {
        type: 'StartSpecialProcedure',
        caseId: a.caseId,
        kind: 'inspection',
        reason: '现场核查',
        expectedDays: 5,
      },
      A.approver,
    );
    // B: accepted the same day, due 9 March, badly rated: an open obligation.
    const b = await acceptedFoodLicence(w);
    await w.send(
      { type: 'RateService', caseId: b.caseId, level: 5, channel: 'qr-code', comment: '排队太久' },
      A.clerk,
    );
    // C: accepted Thursday 5 March, due 12 March.
    w.clock.set('2026-03-05T01:30:00Z');
    await acceptedFoodLicence(w);
    await w.settle();
    const deadlines = new DeadlineEvaluator(() => w.calendar, DEFAULT_READ_MODEL_SETTINGS);
    gauges = new GaugeQueries(recordingPrepare(w.db, prepared), deadlines);
  }, 120_000);
  afterAll(async () => w.dispose());

  const scalar = (sql: string): number => w.db.prepare(sql).pluck().get() as number;
  const byDepartment = (sql: string): Map<string, number> =>
    new Map((w.db.prepare(sql).raw().all() as [string, number][]).map(([d, n]) => [d, n]));

  it('plans every statement as index searches: no table is scanned', () => {
    const params = { today: '2026-01-20', yellowBefore: '2026-01-27' };
    const plans = prepared.map((sql) =>
      (
        w.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(sql.includes('@today') ? [params] : [])) as {
          detail: string;
        }[]
      ).map((r) => r.detail),
    );
    expect(plans).toHaveLength(4);
    for (const plan of plans) {
      // `SCAN d` is the CTE's own rows (one per department); a table is never scanned.
      expect(plan.filter((line) => /^SCAN (?!d$)\w+$/.test(line))).toEqual([]);
    }
    const uses = (index: string): boolean => plans.some((plan) => plan.some((l) => l.includes(index)));
    // The open tasks' partial index holds open and claimed tasks only, and covers the count.
    expect(uses('COVERING INDEX tasks_open_count')).toBe(true);
    expect(uses('INDEX obligations_department_order')).toBe(true);
    expect(uses('COVERING INDEX cases_board_department')).toBe(true);
    expect(uses('INDEX cases_stopped')).toBe(true);
  });

  it('counts open tasks and open obligations by department, as the rows say', () => {
    const tasks = byDepartment(
      "SELECT department, COUNT(*) FROM tasks WHERE status IN ('open', 'claimed') GROUP BY department",
    );
    expect([...tasks.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(new Map(gauges.openTasks().map((r) => [r.department, r.count]))).toEqual(tasks);

    const obligations = byDepartment(
      'SELECT department, SUM(outcome IS NULL) FROM obligations GROUP BY department',
    );
    expect([...obligations.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // Departments whose obligations are all closed read 0, so their gauge goes back to 0.
    expect(new Map(gauges.openObligations().map((r) => [r.department, r.count]))).toEqual(obligations);
  });

  it("counts near-due and overdue cases by department exactly as the deadline board's totals, stopped clocks included", () => {
    expect(
      scalar('SELECT COUNT(*) FROM cases WHERE decision_pending = 1 AND clock_stopped_on IS NOT NULL'),
    ).toBe(1);
    const rows = gauges.caseDeadlines(now);
    expect(rows.reduce((n, r) => n + r.red, 0)).toBeGreaterThan(1);
    expect(rows.reduce((n, r) => n + r.yellow, 0)).toBeGreaterThan(0);
    for (const { department, yellow, red } of rows) {
      const board = (warning: 'yellow' | 'red'): number =>
        w.readModels.cases.deadlineBoard({ warning, department, pageSize: 1 }, ALL_SCOPE, now).total;
      expect({ department, yellow, red }).toEqual({ department, yellow: board('yellow'), red: board('red') });
    }
    const pending = byDepartment(
      'SELECT department, COUNT(*) FROM cases WHERE decision_pending = 1 GROUP BY department',
    );
    expect(new Set(rows.map((r) => r.department))).toEqual(new Set(pending.keys()));
  });
});

/** The same connection, recording the SQL of every statement prepared on it. */
function recordingPrepare(db: ReadModelDb, into: string[]): ReadModelDb {
  return new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property === 'prepare') {
        return (sql: string) => {
          into.push(sql);
          return target.prepare(sql);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
