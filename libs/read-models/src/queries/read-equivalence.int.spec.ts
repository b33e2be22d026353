import type { CaseStage, CaseStatus } from '@one-window/case';
import { CaseQueries, type CaseListFilter, type DeadlineBoardFilter } from '../cases/case-queries.js';
import { ALL_SCOPE, type ReadScope } from '../scope/read-scope.js';
import { periodParts, StatisticsQueries, type StatisticsGroupBy } from '../statistics/statistics-queries.js';
import { referenceCaseList, referenceDeadlineBoard, referenceTaskQueue } from '../testing/reference-reads.js';
import { TaskQueries, type TaskQueueFilter } from '../tasks/task-queries.js';
import { ReferenceStatistics } from '../testing/reference-statistics.js';
import { openProjectedReadModels, type ProjectedReadModels } from '../testing/index.js';
import { TOTAL_CAP } from './cursor.js';
import { InvalidQueryError } from './invalid-query.error.js';

/** A page of cases is the reference's: the same cases in the same order, the same total up to the cap. */
function expectReferencePage(
  where: string,
  page: {
    readonly items: readonly { caseId: string }[];
    readonly total: number;
    readonly totalCapped: boolean;
  },
  reference: { readonly ids: readonly string[]; readonly total: number },
): void {
  expect({ where, ids: page.items.map((c) => c.caseId) }).toEqual({ where, ids: reference.ids });
  expect({ where, total: page.total, capped: page.totalCapped }).toEqual({
    where,
    total: Math.min(reference.total, TOTAL_CAP),
    capped: reference.total > TOTAL_CAP,
  });
}

/**
 * The indexed reads answer exactly what the old scans answered (testing/reference-reads.ts) on
 * a generated log: the same cases in the same order, the same totals up to the cap.
 */
describe('indexed reads equal the reference scans', () => {
  let t: ProjectedReadModels;
  let cases: CaseQueries;
  /** Every search walks the list's order (as a dense one does), whatever its count. */
  let walking: CaseQueries;
  let tasks: TaskQueries;
  let specialDrift: number;
  let specialEnded: number;
  const now = new Date('2026-01-20T03:00:00Z');
  const today = '2026-01-20';
  let scopes: ReadScope[];
  let filters: CaseListFilter[];
  /** The character most names hold. */
  let commonChar: string;

  beforeAll(async () => {
    t = await openProjectedReadModels(1_600, 15);
    cases = new CaseQueries(t.db, t.deadlines);
    walking = new CaseQueries(t.db, t.deadlines, undefined, { denseSearchAbove: -1 });
    tasks = new TaskQueries(t.db, t.deadlines);
    // A task is marked special while its case's clock stands still (before the edits below).
    specialDrift = t.db
      .prepare(
        `SELECT COUNT(*) FROM tasks t JOIN cases c ON c.k = t.k WHERE t.status IN ('open', 'claimed')
           AND t.special_procedure <> (c.clock_stopped_on IS NOT NULL)`,
      )
      .pluck()
      .get() as number;
    specialEnded = t.db
      .prepare(`SELECT COUNT(*) FROM tasks WHERE special_procedure = 0 AND rank_due <> '~'`)
      .pluck()
      .get() as number;
    // Stopped clocks freeze a case's level at the day they stopped (before today and, with an
    // injected clock, after it): the boards' due-date ranges must still hold every such case.
    t.db.exec(`UPDATE cases SET clock_stopped_on = CASE WHEN k % 2 = 0 THEN date(warning_due, '-2 days')
        ELSE '2026-02-27' END
      WHERE decision_pending = 1 AND k % 9 = 0`);
    // The generated log leaves no task claimed: some holders, so the `mine` queues hold tasks.
    t.db.exec(`UPDATE tasks SET status = 'claimed', holder_user_id = 'u' || (k % 3), holder_name = '王伟'
      WHERE status = 'open' AND k % 4 = 0`);
    const column = (sql: string): string[] => t.db.prepare(sql).pluck().all() as string[];
    const halls = column('SELECT DISTINCT hall FROM cases ORDER BY hall');
    const departments = column('SELECT DISTINCT department FROM cases ORDER BY department');
    const items = column('SELECT DISTINCT item_code FROM cases ORDER BY item_code');
    const statuses = column('SELECT DISTINCT status FROM cases ORDER BY status') as CaseStatus[];
    const names = column(
      'SELECT applicant_name FROM cases GROUP BY applicant_name ORDER BY COUNT(*) DESC LIMIT 6',
    );
    const numbers = column('SELECT case_number FROM cases ORDER BY k LIMIT 3');
    scopes = [
      ALL_SCOPE,
      ...halls.slice(0, 2).map((hall): ReadScope => ({ kind: 'hall', hall })),
      ...departments.slice(0, 2).map((department): ReadScope => ({ kind: 'department', department })),
      ...departments.slice(0, 2).map((department): ReadScope => ({ kind: 'handling', department })),
    ];
    const stages: CaseStage[] = ['frontDesk', 'backOffice', 'delivery', 'completed', 'withdrawn'];
    filters = [
      {},
      { page: 3 },
      { pageSize: 200, page: 5 },
      ...halls.map((hall) => ({ hall })),
      ...departments.map((department) => ({ department, pageSize: 50 })),
      ...items.map((item) => ({ item })),
      ...statuses.map((status) => ({ status })),
      { status: statuses.slice(0, 3) },
      ...stages.map((stage) => ({ stage })),
      { warning: 'red' },
      { warning: 'yellow' },
      { warning: 'none', page: 2 },
      { receivedFrom: '2025-10-01', receivedTo: '2025-10-31' },
      { receivedFrom: '2025-12-01' },
      { receivedTo: '2025-09-15', status: statuses[0] },
      { greenChannel: true },
      { greenChannel: false, item: items[0] },
      ...names.map((name) => ({ q: name })),
      ...names.map((name) => ({ q: Array.from(name)[0] })),
      ...names.map((name) => ({ q: Array.from(name).slice(-2).join('') })),
      ...numbers.map((n) => ({ q: n })),
      ...numbers.map((n) => ({ q: n.slice(0, 6).toLowerCase() })),
      { q: '有限' },
      { q: '%' },
      { q: 'zz-no-such' },
      { hall: halls[0], status: statuses[1], q: names[0] },
      // One gram with a hall, a page, spaces around it; one a case number starts with.
      ...names.map((name) => ({ q: Array.from(name).slice(-2).join(''), hall: halls[0] })),
      { q: ` ${Array.from(names[0])[0]} `, page: 2, pageSize: 7 },
      { q: numbers[0].slice(0, 2) },
      { q: numbers[0].slice(0, 1), hall: halls[1] },
    ] satisfies CaseListFilter[];
    [commonChar] = column(
      'SELECT gram FROM case_search WHERE length(gram) = 1 GROUP BY gram ORDER BY COUNT(*) DESC, gram LIMIT 1',
    );
  }, 120_000);
  afterAll(async () => t.dispose());

  it('every filter in every scope: the same page, the same order, the same total (capped)', () => {
    let compared = 0;
    let capped = 0;
    let searches = 0;
    for (const scope of scopes)
      for (const filter of filters) {
        const reference = referenceCaseList(t.db, filter, scope, today);
        const page = cases.list(filter, scope, now);
        const where = JSON.stringify({ scope, filter });
        expectReferencePage(where, page, reference);
        if (filter.q !== undefined || filter.idNumber !== undefined) {
          const walked = walking.list(filter, scope, now);
          expect({ where, ids: walked.items.map((c) => c.caseId), total: walked.total }).toEqual({
            where,
            ids: reference.ids,
            total: Math.min(reference.total, TOTAL_CAP),
          });
          searches++;
        }
        compared++;
        if (page.totalCapped) capped++;
      }
    expect(compared).toBeGreaterThan(300);
    expect(searches).toBeGreaterThan(100);
    expect(capped).toBeGreaterThan(0);
  });

  it('statistics from the daily rollup equal the scans of cases and ratings, in every scope', () => {
    const rollup = new StatisticsQueries(t.db);
    const reference = new ReferenceStatistics(t.db);
    const periods = [
      ['2025-09-01', '2025-09-30'],
      ['2025-10-15', '2025-10-15'],
      ['2025-01-01', '2026-12-31'],
      ['2025-11-03', '2025-12-19'],
      // Whole months from the month rollup, the days around them from the daily one.
      ['2025-08-17', '2025-12-05'],
      ['2025-10-01', '2025-12-10'],
      ['2025-09-20', '2025-10-31'],
      ['2025-02-01', '2025-02-28'],
      ['2025-11-30', '2025-12-01'],
      ['2025-12-01', '2026-01-31'],
    ];
    let withRatings = 0;
    for (const scope of [...scopes, { kind: 'none' } as const])
      for (const groupBy of ['item', 'hall', 'department'] as StatisticsGroupBy[])
        for (const [from, to] of periods) {
          const filter = { from, to, groupBy };
          const expected = reference.statistics(filter, scope);
          expect({ scope, ...rollup.statistics(filter, scope) }).toEqual({ scope, ...expected });
          if (expected.total.ratings.total > 0) withRatings++;
        }
    expect(withRatings).toBeGreaterThan(0);
  });

  it('the deadline board: every filter in every scope, the same page, order and total (capped)', () => {
    const column = (sql: string): string[] => t.db.prepare(sql).pluck().all() as string[];
    const pending = 'FROM cases WHERE decision_pending = 1 GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 3';
    const boards: DeadlineBoardFilter[] = [
      {},
      { page: 2 },
      { pageSize: 200, page: 5 },
      { warning: 'red' },
      { warning: 'yellow' },
      { warning: 'yellow', pageSize: 5, page: 2 },
      ...column(`SELECT hall ${pending}`).map((hall) => ({ hall })),
      ...column(`SELECT department ${pending}`).map((department) => ({
        department,
        warning: 'red' as const,
      })),
      ...column(`SELECT item_code ${pending}`).map((item) => ({ item })),
    ];
    let compared = 0;
    let yellow = 0;
    for (const scope of scopes)
      for (const filter of boards) {
        const reference = referenceDeadlineBoard(t.db, filter, scope, today);
        expectReferencePage(
          JSON.stringify({ scope, filter }),
          cases.deadlineBoard(filter, scope, now),
          reference,
        );
        compared++;
        if (filter.warning === 'yellow' && reference.total > 0) yellow++;
      }
    expect(compared).toBeGreaterThan(60);
    expect(yellow).toBeGreaterThan(0);
    expect(
      t.db
        .prepare('SELECT COUNT(*) FROM cases WHERE decision_pending = 1 AND clock_stopped_on IS NOT NULL')
        .pluck()
        .get(),
    ).toBeGreaterThan(0);
  });

  it('the deadline board and the warning filters: walking the cursors gives the reference order', () => {
    for (const [scope, filter] of [
      [ALL_SCOPE, { pageSize: 7 }],
      [scopes[1], { pageSize: 3, warning: 'red' }],
      [scopes[5], { pageSize: 4 }],
      [ALL_SCOPE, { pageSize: 2, warning: 'yellow' }],
    ] as [ReadScope, DeadlineBoardFilter][]) {
      const all = referenceDeadlineBoard(t.db, { ...filter, pageSize: 200, page: 1 }, scope, today);
      const expected: string[] = [];
      for (let p = 1; expected.length < all.total; p++)
        expected.push(
          ...referenceDeadlineBoard(t.db, { ...filter, pageSize: 200, page: p }, scope, today).ids,
        );
      const walked: string[] = [];
      let cursor: string | undefined;
      do {
        const page = cases.deadlineBoard({ ...filter, cursor }, scope, now);
        walked.push(...page.items.map((c) => c.caseId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(walked).toEqual(expected);
      expect(walked.length).toBeGreaterThan(0);
    }
    expect(() => cases.deadlineBoard({ page: 51 }, ALL_SCOPE, now)).toThrow(InvalidQueryError);
    expect(() => cases.deadlineBoard({ cursor: 'nonsense' }, ALL_SCOPE, now)).toThrow(InvalidQueryError);
  });

  it('the task queue: every department, role, status and holder, the same page, order and total', () => {
    const departments = t.db
      .prepare(`SELECT DISTINCT department FROM tasks WHERE status IN ('open', 'claimed') ORDER BY 1`)
      .pluck()
      .all() as string[];
    const holders = t.db
      .prepare(`SELECT DISTINCT holder_user_id FROM tasks WHERE status = 'claimed' ORDER BY 1 LIMIT 4`)
      .pluck()
      .all() as string[];
    let compared = 0;
    let walkedAny = 0;
    const check = (filter: TaskQueueFilter, scope: ReadScope): void => {
      const reference = referenceTaskQueue(t.db, filter, scope);
      const page = tasks.queue(filter, scope, now);
      const where = JSON.stringify({ scope, filter });
      expect({ where, ids: page.items.map((x) => x.taskId), total: page.total }).toEqual({
        where,
        ids: reference.ids,
        total: Math.min(reference.total, TOTAL_CAP),
      });
      compared++;
    };
    for (const department of departments) {
      const scope: ReadScope = { kind: 'handling', department };
      for (const role of ['approver', 'head'] as const)
        for (const status of [undefined, 'open', 'claimed'] as const) {
          check({ role, status, department }, scope);
          check({ role, department, pageSize: 3, page: 2 }, scope);
          check({ role, status, department, sort: 'received' }, scope);
        }
      for (const filter of [
        { greenChannel: true },
        { greenChannel: false },
        { deficiency: true },
        { deficiency: false },
        { extended: true },
        { step: 'review' },
        { step: 'verification', sort: 'received' },
      ] as const)
        check({ role: 'approver', department, ...filter }, scope);
      for (const item of t.db
        .prepare(
          `SELECT DISTINCT item_code FROM tasks WHERE department = ? AND status IN ('open', 'claimed')`,
        )
        .pluck()
        .all(department) as string[])
        check({ role: 'approver', department, item }, scope);
      check({}, scope);
      // Walking the cursors gives the reference's whole queue, in either order.
      for (const sort of ['stepDue', 'received'] as const) {
        const all = referenceTaskQueue(t.db, { role: 'approver', department, pageSize: 200, sort }, scope);
        const walked: string[] = [];
        let cursor: string | undefined;
        do {
          const page = tasks.queue({ role: 'approver', department, pageSize: 3, cursor, sort }, scope, now);
          walked.push(...page.items.map((x) => x.taskId));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(walked).toEqual(all.ids);
        if (walked.length > 3) walkedAny++;
      }
    }
    for (const userId of holders) check({ queue: 'mine', userId }, ALL_SCOPE);
    check({}, scopes[1]);
    expect(compared).toBeGreaterThan(20);
    expect(walkedAny).toBeGreaterThan(0);
    expect(holders.length).toBeGreaterThan(0);
    // The order kept on each open task is its case's (green channel, warning due date).
    const drift = t.db
      .prepare(
        `SELECT COUNT(*) FROM tasks t JOIN cases c ON c.k = t.k WHERE t.status IN ('open', 'claimed')
           AND (t.rank_green <> 1 - c.green_channel OR t.rank_due <> COALESCE(c.warning_due, '~')
             OR t.item_code <> c.item_code OR t.received_at <> c.received_at
             OR t.extended <> (c.extended_days > 0) OR t.deficiency <> (c.supply_by IS NOT NULL))`,
      )
      .pluck()
      .get();
    expect(drift).toBe(0);
    expect({ specialDrift }).toEqual({ specialDrift: 0 });
    expect(specialEnded).toBeGreaterThan(0);
  });

  it('a period is its whole months and the days around them', () => {
    expect(periodParts('2025-08-17', '2025-12-05')).toEqual({
      days: [
        ['2025-08-17', '2025-08-31'],
        ['2025-12-01', '2025-12-05'],
      ],
      months: ['2025-09', '2025-11'],
    });
    expect(periodParts('2024-02-01', '2024-02-29')).toEqual({ days: [], months: ['2024-02', '2024-02'] });
    expect(periodParts('2025-11-03', '2025-12-19')).toEqual({
      days: [['2025-11-03', '2025-12-19']],
      months: null,
    });
    expect(periodParts('2025-12-01', '2026-12-31')).toEqual({ days: [], months: ['2025-12', '2026-12'] });
    // A year of statistics reads one month row per group and scope, not a row per day.
    const rows = t.db
      .prepare(
        "SELECT COUNT(*) FROM case_stats_monthly WHERE scope_department = '' AND month BETWEEN '2025-01' AND '2025-12'",
      )
      .pluck()
      .get() as number;
    const days = t.db
      .prepare(
        "SELECT COUNT(*) FROM case_stats_daily WHERE scope_department = '' AND day BETWEEN '2025-01-01' AND '2025-12-31'",
      )
      .pluck()
      .get() as number;
    expect(rows).toBeGreaterThan(0);
    expect(rows * 5).toBeLessThan(days);
  });

  it('walking the cursors gives every case of the filter once, in the reference order', () => {
    for (const [scope, filter] of [
      [ALL_SCOPE, { pageSize: 200 }],
      [scopes[1], { pageSize: 37 }],
      [scopes[5], { stage: 'backOffice', pageSize: 20 }],
      [ALL_SCOPE, { q: '有限', pageSize: 4 }],
      [scopes[5], { q: '有限', pageSize: 3 }],
      [scopes[1], { q: commonChar, pageSize: 6 }],
      [ALL_SCOPE, { q: commonChar, hall: scopes[1].kind === 'hall' ? scopes[1].hall : '', pageSize: 9 }],
    ] as [ReadScope, CaseListFilter][]) {
      const all = referenceCaseList(t.db, { ...filter, pageSize: 200, page: 1 }, scope, today);
      const expected: string[] = [];
      for (let p = 1; expected.length < all.total; p++)
        expected.push(...referenceCaseList(t.db, { pageSize: 200, ...filter, page: p }, scope, today).ids);
      const walked: string[] = [];
      let cursor: string | undefined;
      do {
        const page = (filter.q ? walking : cases).list({ ...filter, cursor }, scope, now);
        walked.push(...page.items.map((c) => c.caseId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(walked).toEqual(expected);
      expect(walked.length).toBeGreaterThan(8);
    }
  });

  it('the register of a search holds the reference cases in order, counted as they are', () => {
    for (const [scope, filter] of [
      [ALL_SCOPE, { q: commonChar }],
      [scopes[1], { q: commonChar }],
      [ALL_SCOPE, { q: '有限' }],
      [scopes[5], { q: '有限' }],
      [ALL_SCOPE, { q: `${commonChar}x` }],
    ] as [ReadScope, CaseListFilter][]) {
      const expected: string[] = [];
      const { total } = referenceCaseList(t.db, { ...filter, pageSize: 200, page: 1 }, scope, today);
      for (let p = 1; expected.length < total; p++)
        expected.push(...referenceCaseList(t.db, { ...filter, pageSize: 200, page: p }, scope, today).ids);
      const register = cases.register(filter, scope, { cap: 10_000, pageSize: 7 }, now);
      const where = JSON.stringify({ scope, filter });
      expect({ where, total: register.total }).toEqual({ where, total });
      expect({ where, ids: [...register.pages()].flat().map((row) => row.caseId) }).toEqual({
        where,
        ids: expected,
      });
    }
    const overCap = cases.register({ q: commonChar }, ALL_SCOPE, { cap: 2 }, now);
    expect(overCap).toMatchObject({ total: 3, overCap: true });
    expect([...overCap.pages()]).toEqual([]);
  });

  it('finds an applicant by the last digits of the ID number, and whole', () => {
    const events = t.db
      .prepare('SELECT case_id, id_number_reversed FROM cases WHERE id_number_reversed IS NOT NULL LIMIT 1')
      .get() as { case_id: string; id_number_reversed: string };
    const idNumber = Array.from(events.id_number_reversed).reverse().join('');
    const whole = cases.list({ idNumber, pageSize: 200 }, ALL_SCOPE, now).items.map((c) => c.caseId);
    expect(whole).toContain(events.case_id);
    const tail = idNumber.slice(-6);
    const byTail = cases.list({ idNumber: tail, pageSize: 200 }, ALL_SCOPE, now);
    const expected = t.db
      .prepare(
        `SELECT case_id FROM cases WHERE id_number_reversed LIKE ? ORDER BY received_at DESC, k DESC LIMIT 200`,
      )
      .pluck()
      .all(`${Array.from(tail).reverse().join('')}%`);
    expect(byTail.items.map((c) => c.caseId)).toEqual(expected);
    expect(() => cases.list({ idNumber: '12' }, ALL_SCOPE, now)).toThrow(InvalidQueryError);
  });

  it('refuses a cursor it did not give out and a page beyond the counted window', () => {
    expect(() => cases.list({ cursor: 'nonsense' }, ALL_SCOPE, now)).toThrow(InvalidQueryError);
    expect(() => cases.list({ page: 51, pageSize: 20 }, ALL_SCOPE, now)).toThrow(InvalidQueryError);
  });
});
