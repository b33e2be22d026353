import { WorkingCalendar } from '@one-window/calendar';
import type { Statement } from 'better-sqlite3';
import { CaseQueries } from '../cases/case-queries.js';
import type { ReadModelDb } from '../database/read-model-database.js';
import { ObligationQueries } from '../obligations/obligation-queries.js';
import { ALL_SCOPE, type ReadScope } from '../scope/read-scope.js';
import { StatisticsQueries } from '../statistics/statistics-queries.js';
import { TaskQueries, type TaskQueueFilter } from '../tasks/task-queries.js';
import { DueDeadlines } from '../timers/due-deadlines.js';
import { openProjectedReadModels, type ProjectedReadModels } from '../testing/index.js';

/**
 * No read stalls another because none reads more rows than its page (ADR 11): every statement a
 * read route runs is planned as an index search or an index walk in the page's order — never a
 * scan of a table, never a sort of everything that matched. The plan does not depend on how many
 * cases there are (no ANALYZE), so a small generated log shows what 100k cases would get.
 */
describe('every read is bounded by its page, not by the table', () => {
  let t: ProjectedReadModels;
  const recorded: Recorded[] = [];
  let cases: CaseQueries;
  let dense: CaseQueries;
  let tasks: TaskQueries;
  let statistics: StatisticsQueries;
  let obligations: ObligationQueries;
  const now = new Date('2026-01-20T03:00:00Z');

  beforeAll(async () => {
    t = await openProjectedReadModels(300, 11);
    const db = recording(t.db, recorded);
    const { deadlines } = t;
    cases = new CaseQueries(db, deadlines);
    dense = new CaseQueries(db, deadlines, undefined, { denseSearchAbove: -1 });
    tasks = new TaskQueries(db, deadlines);
    statistics = new StatisticsQueries(db);
    obligations = new ObligationQueries(db);
  }, 120_000);
  afterAll(async () => t.dispose());

  /** The query plan lines of every statement `read` ran. */
  function plans(read: () => unknown): string[][] {
    recorded.length = 0;
    read();
    return recorded.map(({ sql, args }) =>
      (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail),
    );
  }

  const hall: ReadScope = { kind: 'hall', hall: '150102' };
  const handling: ReadScope = { kind: 'handling', department: '150102-civil-affairs' };
  const ACCEPTANCE_BOARDS: [string, () => unknown][] = [
    ['acceptance board (admin)', () => cases.deadlineBoard({ deadline: 'acceptance' }, ALL_SCOPE, now)],
    [
      'acceptance board, red (clerk)',
      () => cases.deadlineBoard({ deadline: 'acceptance', warning: 'red' }, hall, now),
    ],
    ['acceptance board (approver)', () => cases.deadlineBoard({ deadline: 'acceptance' }, handling, now)],
    [
      'acceptance board of a hall, by item, next page',
      () =>
        cases.deadlineBoard(
          { deadline: 'acceptance', hall: '150102', item: 'x', cursor: 'WyIyMDI2LTAxLTIwIiwwLDFd' },
          ALL_SCOPE,
          now,
        ),
    ],
  ];
  const reads: [string, () => unknown][] = [
    ['case list (admin)', () => cases.list({}, ALL_SCOPE, now)],
    ['case list page 50', () => cases.list({ page: 50, pageSize: 20 }, ALL_SCOPE, now)],
    ['case list (clerk)', () => cases.list({}, hall, now)],
    ['case list (approver)', () => cases.list({}, handling, now)],
    ['by status', () => cases.list({ status: 'backOffice.underReview' }, ALL_SCOPE, now)],
    ['by status (clerk)', () => cases.list({ status: 'backOffice.underReview' }, hall, now)],
    ['by stage', () => cases.list({ stage: 'backOffice' }, ALL_SCOPE, now)],
    ['by item (clerk)', () => cases.list({ item: 'x' }, hall, now)],
    [
      'by received range',
      () => cases.list({ receivedFrom: '2025-06-01', receivedTo: '2025-06-30' }, ALL_SCOPE, now),
    ],
    ['warning red', () => cases.list({ warning: 'red' }, ALL_SCOPE, now)],
    ['warning yellow', () => cases.list({ warning: 'yellow' }, ALL_SCOPE, now)],
    ['warning yellow (clerk)', () => cases.list({ warning: 'yellow' }, hall, now)],
    ['deadline board (admin)', () => cases.deadlineBoard({}, ALL_SCOPE, now)],
    ['deadline board (clerk)', () => cases.deadlineBoard({ warning: 'red' }, hall, now)],
    ['deadline board (approver)', () => cases.deadlineBoard({}, handling, now)],
    ['deadline board by item', () => cases.deadlineBoard({ item: 'x' }, ALL_SCOPE, now)],
    ...ACCEPTANCE_BOARDS,
    ['task queue', () => tasks.queue({ role: 'approver', department: handling.department }, handling, now)],
    [
      'task queue, open only',
      () => tasks.queue({ role: 'head', status: 'open', department: handling.department }, handling, now),
    ],
    ['my tasks', () => tasks.queue({ queue: 'mine', userId: 'u1', role: 'approver' }, handling, now)],
    ...(
      [
        ['by item', { item: 'x' }],
        ['by step', { step: 'review' }],
        ['green channel', { greenChannel: true }],
        ['容缺', { deficiency: true }],
        ['延期', { extended: true }],
        ['due within 3 working days', { dueWithin: 3 }],
        ['by received date', { sort: 'received' }],
        ['by received date, next page', { sort: 'received', cursor: 'WyIyMDI1LTAxLTAxIiwxLDFd' }],
        ['next page', { cursor: 'WzEsIjIwMjUtMDEtMDEiLDEsMV0' }],
        ['unclaimed, by item', { status: 'open', item: 'x' }],
      ] as [string, TaskQueueFilter][]
    ).map(([name, filter]): [string, () => unknown] => [
      `task queue ${name}`,
      () => tasks.queue({ role: 'approver', department: handling.department, ...filter }, handling, now),
    ]),
    [
      'task counts',
      () => tasks.counts({ userId: 'u1', role: 'approver', department: handling.department }, handling, now),
    ],
    [
      'statistics, a month',
      () => statistics.statistics({ from: '2025-06-01', to: '2025-06-30', groupBy: 'item' }, ALL_SCOPE),
    ],
    [
      'statistics, a year (approver)',
      () => statistics.statistics({ from: '2025-01-01', to: '2025-12-31', groupBy: 'department' }, handling),
    ],
    [
      'statistics, partial months (clerk)',
      () => statistics.statistics({ from: '2025-03-17', to: '2025-09-05', groupBy: 'hall' }, hall),
    ],
    ['obligations', () => obligations.list({}, ALL_SCOPE, now)],
  ];

  it.each(reads)('%s: index searches and walks only — no table scan, no sort of every match', (_, read) => {
    const all = plans(read);
    expect(all.length).toBeGreaterThan(0);
    for (const plan of all) {
      expect(plan.filter((line) => /^SCAN \w+$/.test(line) && !/^SCAN \(/.test(line))).toEqual([]);
      expect(plan.filter((line) => /TEMP B-TREE FOR ORDER BY/.test(line))).toEqual([]);
    }
  });

  // A queue's total counts the department's open tasks of the caller's role from an index alone:
  // a count that read each task row to test its role took ~11 ms at 100k cases (ADR 11).
  it.each([
    ['approver', () => tasks.queue({ role: 'approver', department: handling.department }, handling, now)],
    [
      'head, open only',
      () => tasks.queue({ role: 'head', status: 'open', department: handling.department }, handling, now),
    ],
  ] as [string, () => unknown][])(
    'the task queue (%s) counts its total without reading a task row',
    (_, read) => {
      const [count] = plans(read);
      expect(count.some((line) => /COVERING INDEX tasks_open_count/.test(line))).toBe(true);
    },
  );

  // A search sorts what its key matched — the cases of a name's bigrams, a case-number prefix, an
  // ID number's last digits — found by that key's index, never by a scan: bounded by how many
  // cases share the key, which a longer key narrows (ADR 11).
  it.each([
    ['by name', () => cases.list({ q: '王小伟' }, ALL_SCOPE, now), /case_search/],
    ['by case number', () => cases.list({ q: '1501' }, ALL_SCOPE, now), /cases_number_key/],
    ['by ID number', () => cases.list({ idNumber: '123456' }, ALL_SCOPE, now), /cases_id_number/],
    ['by name (clerk)', () => cases.list({ q: '王小伟' }, hall, now), /case_search/],
    [
      'task queue by name',
      () => tasks.queue({ role: 'approver', department: handling.department, q: '王伟' }, handling, now),
      /case_search/,
    ],
    [
      'task queue by case number',
      () => tasks.queue({ role: 'approver', department: handling.department, q: '1501' }, handling, now),
      /cases_number_key/,
    ],
  ] as [string, () => unknown, RegExp][])('%s: found by its key, then its matches sorted', (_, read, key) => {
    for (const plan of plans(read)) {
      expect(plan.filter((line) => /^SCAN \w+$/.test(line))).toEqual([]);
      expect(plan.some((line) => key.test(line))).toBe(true);
    }
  });

  // A one- or two-character name with nothing but a hall beside it is one gram: its cases are
  // counted from case_search's index and walked in the list's order, a page reading its own rows.
  it.each([
    ['王伟', () => cases.list({ q: '王伟' }, ALL_SCOPE, now), /case_search_recent/],
    ['王伟 (clerk)', () => cases.list({ q: '王伟' }, hall, now), /case_search_hall/],
    [
      '王, a hall and a next page',
      () => dense.list({ q: '王', hall: '150102', cursor: 'WyIyMDI2LTAxLTAxIiwxMDBd' }, ALL_SCOPE, now),
      /case_search_hall/,
    ],
  ] as [string, () => unknown, RegExp][])(
    'a one-gram search (%s) walks the gram in the list order',
    (_, read, index) => {
      const [numbered, count, page] = plans(read);
      expect(numbered.some((line) => /COVERING INDEX cases_number_key/.test(line))).toBe(true);
      expect(count.some((line) => index.test(line) && /COVERING INDEX/.test(line))).toBe(true);
      expect(page.some((line) => index.test(line))).toBe(true);
      expect(page.filter((line) => /^SCAN|TEMP B-TREE/.test(line))).toEqual([]);
    },
  );

  // A key matching more than a capped count's worth of cases is dense: its page walks the list's
  // order and probes each row, so no search sorts more than TOTAL_CAP matches.
  it.each([
    ['dense name', () => dense.list({ q: '王小伟' }, ALL_SCOPE, now)],
    ['dense case number (clerk)', () => dense.list({ q: '1501' }, hall, now)],
    ['dense ID number', () => dense.list({ idNumber: '123456' }, ALL_SCOPE, now)],
    [
      'dense name, next page (approver)',
      () => dense.list({ q: '王', cursor: 'WyIyMDI2LTAxLTAxIiwxMDBd' }, handling, now),
    ],
  ] as [string, () => unknown][])('%s: the page is a walk in the list order, not a sort', (_, read) => {
    const all = plans(read);
    const page = all[all.length - 1];
    expect(page.filter((line) => /^SCAN \w+$/.test(line))).toEqual([]);
    expect(page.filter((line) => /TEMP B-TREE FOR ORDER BY/.test(line))).toEqual([]);
  });

  // Each queue filter walks its own index within the department and role (the partial indexes of
  // 容缺 and 延期 hold only the marked tasks), in the page's order.
  it.each([
    ['by item', { item: 'x' }, /tasks_item \(department=\? AND role=\? AND item_code=\?\)/],
    ['by step', { step: 'review' }, /tasks_step \(department=\? AND role=\? AND step=\?\)/],
    ['容缺', { deficiency: true }, /tasks_deficiency/],
    ['延期', { extended: true }, /tasks_extended/],
    ['due within', { dueWithin: 3 }, /tasks_step_due .*step_due<\?/],
    ['received', { sort: 'received' }, /tasks_received/],
  ] as [string, TaskQueueFilter, RegExp][])('task queue %s: its own index', (_, filter, index) => {
    const all = plans(() =>
      tasks.queue({ role: 'approver', department: handling.department, ...filter }, handling, now),
    );
    expect(all[all.length - 1].some((line) => index.test(line))).toBe(true);
  });

  // A level within a hall or department walks that scope's pending cases, not its history.
  it.each([
    ['red (clerk)', () => cases.list({ warning: 'red' }, hall, now), /cases_pending_hall/],
    [
      'red (reviewer)',
      () => cases.list({ warning: 'red' }, { kind: 'department', department: 'x' }, now),
      /cases_pending_department/,
    ],
    ['red (approver)', () => cases.list({ warning: 'red' }, handling, now), /cases_pending_received/],
  ] as [string, () => unknown, RegExp][])('warning %s: pending cases only', (_, read, index) => {
    const all = plans(read);
    expect(all[all.length - 1].some((line) => index.test(line))).toBe(true);
  });

  // The acceptance board (Art. 32) walks the partial index of the cases awaiting that decision,
  // within the hall when there is one, from the page's due date on.
  it.each(ACCEPTANCE_BOARDS)("%s: the acceptance board's own index", (name, read) => {
    const index = /clerk|hall/.test(name) ? 'cases_acceptance_board_hall' : 'cases_acceptance_board';
    for (const plan of plans(read))
      expect(
        plan.some((line) => new RegExp(`USING INDEX ${index} \\(.*correction_notice_due_by<\\?`).test(line)),
      ).toBe(true);
  });

  // The durable timers look for due deadlines on the event loop at every tick (TIMER_POLL_MS).
  it('the timers find due deadlines by their partial indexes, scanning no table', () => {
    const due = new DueDeadlines(recording(t.db, recorded), WorkingCalendar.create(), 3);
    const all = plans(() => due.find(now, 500));
    expect(all.length).toBeGreaterThan(5);
    for (const plan of all) expect(plan.filter((line) => /^SCAN \w+$/.test(line))).toEqual([]);
    expect(all.flat().some((line) => /INDEX cases_provisional/.test(line))).toBe(true);
    // The late acceptance decisions (Art. 32), corrections and results come from their own partial
    // indexes in due order, not from every case in that status sorted.
    for (const index of ['cases_acceptance_board', 'cases_correction_due', 'cases_result_due'])
      expect(all.some((plan) => plan.length === 1 && plan[0].includes(`USING INDEX ${index} (`))).toBe(true);
  });

  it('the yellow filter sorts only its due-date range: the cases due within the warning days', () => {
    const all = plans(() => cases.list({ warning: 'yellow' }, hall, now)).flat();
    expect(all.some((line) => /USING INDEX cases_(board_hall|pending)\b.*warning_due>\?/.test(line))).toBe(
      true,
    );
  });
});

interface Recorded {
  readonly sql: string;
  readonly args: unknown[];
}

/** The same connection, recording each statement's SQL and arguments as it runs. */
function recording(db: ReadModelDb, into: Recorded[]): ReadModelDb {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      }
      return (sql: string) => recordingStatement(target.prepare(sql), sql, into);
    },
  });
}

function recordingStatement(statement: Statement, sql: string, into: Recorded[]): Statement {
  return new Proxy(statement, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (property === 'all' || property === 'get' || property === 'iterate') into.push({ sql, args });
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result === target ? recordingStatement(target, sql, into) : result;
      };
    },
  });
}
