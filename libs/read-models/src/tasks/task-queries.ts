import { parseTaskId, TASK_MARKS, type TaskMark, taskId as taskIdOf } from '@one-window/case';
import type { WarningLevel } from '@one-window/calendar';
import { type Clock, systemClock } from '@one-window/shared';
import type { ReadModelDb } from '../database/read-model-database.js';
import type { DeadlineEvaluator } from '../queries/deadline-evaluator.js';
import { cursorPage, type CursorPage, cursorPageBounds, decodeCursor, TOTAL_CAP } from '../queries/cursor.js';
import { InvalidQueryError } from '../queries/invalid-query.error.js';
import type { PageRequest } from '../queries/page.js';
import { OutOfScopeError } from '../scope/out-of-scope.error.js';
import { type ReadScope, inScope, scopeCondition } from '../scope/read-scope.js';
import { caseSearchTerms } from '../search/search-condition.js';
import type { TaskRowStatus } from './tasks.projection.js';

/** The widest "due within N working days" a queue filter takes. */
export const MAX_DUE_WITHIN = 60;

export interface TaskQueueFilter extends PageRequest {
  /** `mine`: tasks the user holds; `department`: every task of the scope's department. Default `department`. */
  readonly queue?: 'mine' | 'department';
  /** Needed for `mine`. */
  readonly userId?: string;
  /** Default both. */
  readonly status?: 'open' | 'claimed';
  /** An approver sees `approver` steps, a head `head` steps. */
  readonly role?: 'approver' | 'head';
  readonly department?: string;
  /** Where the previous page ended (its nextCursor); `page` is ignored with it. */
  readonly cursor?: string;
  /** An item code. */
  readonly item?: string;
  /** A step's stable name (`review`, `verification`, …). */
  readonly step?: string;
  readonly greenChannel?: boolean;
  /** Only tasks of cases with an open 容缺 deficiency. */
  readonly deficiency?: boolean;
  /** Only tasks of extended cases (延期). */
  readonly extended?: boolean;
  /** Only tasks whose step is due within this many working days from today (overdue ones too). */
  readonly dueWithin?: number;
  /** Case number (prefix) or applicant name (contains), as the case list searches. */
  readonly q?: string;
  /** `stepDue` (default): green channel first, then the step's due date; `received`: oldest case first. */
  readonly sort?: TaskSort;
}

export type TaskSort = 'stepDue' | 'received';
export const TASK_SORTS: readonly TaskSort[] = ['stepDue', 'received'];

/** How many tasks wait in the caller's queues, each counted to TOTAL_CAP (the menu's counts). */
export interface TaskCounts {
  /** Tasks the user holds. */
  readonly mine: number;
  /** Open tasks nobody holds yet. */
  readonly unclaimed: number;
  readonly mineCapped: boolean;
  readonly unclaimedCapped: boolean;
}

/** A queue page: the old shape plus the capped total's flag and where the next page starts. */
export type TaskPage = CursorPage<TaskView>;

/** A task's mark in the queue: its name (`queue.<name>` in the message catalog), tone and last day. */
export interface TaskMarkView {
  readonly name: string;
  readonly tone: TaskMark['tone'];
  readonly on: string;
}

/** The stored marks ({name: day}) in the slices' order. */
function marksOf(stored: string): readonly TaskMarkView[] {
  const days = JSON.parse(stored) as Record<string, string>;
  return TASK_MARKS.flatMap(({ name, tone }) => (days[name] ? [{ name, tone, on: days[name] }] : []));
}

export interface TaskView {
  readonly taskId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly n: number;
  readonly step: string;
  readonly label: string;
  readonly department: string;
  readonly role: string;
  readonly status: TaskRowStatus;
  readonly holder: { readonly userId: string; readonly name: string } | null;
  readonly claimedAt: string | null;
  readonly createdOn: string;
  readonly stepDueDate: string;
  /** The step's due date as of today (环节时限): working days left and its warning level. */
  readonly stepWorkingDaysLeft: number | null;
  readonly stepWarning: WarningLevel;
  /** The case has a 容缺 deficiency still open. */
  readonly deficiency: boolean;
  /** The case's decision limit was extended (延期). */
  readonly extended: boolean;
  readonly receivedAt: string;
  /** A special procedure is running on this task (the decision clock stands still). */
  readonly specialProcedure: boolean;
  /** The command slices' marks on this task, each with the day of its last event, in the slices' order. */
  readonly marks: readonly TaskMarkView[];
  readonly greenChannel: boolean;
  readonly applicantName: string;
  readonly itemCode: string;
  readonly itemName: string;
  readonly hall: string;
  readonly statutoryDueDate: string | null;
  readonly promisedDueDate: string | null;
  readonly warning: WarningLevel;
  readonly workingDaysLeft: number | null;
}

interface TaskJoinRow {
  case_id: string;
  case_number: string;
  n: number;
  step: string;
  label: string;
  department: string;
  role: string;
  status: TaskRowStatus;
  holder_user_id: string | null;
  holder_name: string | null;
  claimed_at: string | null;
  created_on: string;
  step_due: string;
  special_procedure: number;
  marks: string;
  green_channel: number;
  applicant_name: string;
  item_code: string;
  item_name: string;
  hall: string;
  statutory_due: string | null;
  promised_due: string | null;
  warning_due: string | null;
  decision_pending: number;
  clock_stopped_on: string | null;
  deficiency: number;
  extended: number;
  received_at: string;
}

const SELECT_FIELDS = `SELECT c.case_id, c.case_number, t.n, t.step, t.label, t.department, t.role, t.status,
  t.holder_user_id, t.holder_name, t.claimed_at, t.created_on, t.step_due, t.special_procedure, t.marks, c.green_channel,
  c.applicant_name, c.item_code, c.item_name, c.hall, c.statutory_due, c.promised_due, c.warning_due,
  c.decision_pending, c.clock_stopped_on, t.deficiency, t.extended, t.received_at`;
const SELECT = `${SELECT_FIELDS} FROM tasks t JOIN cases c ON c.k = t.k`;

/** Approvers' queues: green channel first, then the nearest due date; who holds each task. */
export class TaskQueries {
  private readonly clock: Clock;

  constructor(
    private readonly db: ReadModelDb,
    private readonly deadlines: DeadlineEvaluator,
    clock: Clock = systemClock,
  ) {
    this.clock = clock;
  }

  /**
   * A queue page: green channel first, then the case's warning due date, then case and task.
   * The page walks the department's (or holder's) open tasks in that order by index from where the
   * last page ended (`cursor`); the total is counted to TOTAL_CAP (ADR 11).
   */
  queue(filter: TaskQueueFilter, scope: ReadScope, now: Date = this.clock.now()): TaskPage {
    const { page, pageSize, offset } = cursorPageBounds(filter, 'tasks');
    const today = this.deadlines.today(now);
    const { condition, params, from, counted } = this.condition(filter, scope, today);
    const total = this.db
      .prepare(`SELECT COUNT(*) FROM (SELECT 1 ${counted} ${condition} LIMIT ${TOTAL_CAP + 1})`)
      .pluck()
      .get(params) as number;
    const sort = filter.sort ?? 'stepDue';
    const order =
      sort === 'received' ? ['t.received_at', 't.k', 't.n'] : ['t.rank_green', 't.step_due', 't.k', 't.n'];
    let after = '';
    if (filter.cursor !== undefined) {
      const key =
        sort === 'received'
          ? decodeCursor(filter.cursor, ['string', 'number', 'number'])
          : decodeCursor(filter.cursor, ['number', 'string', 'number', 'number']);
      after = `AND (${order.join(', ')}) > (${key.map((_, i) => `@after${i}`).join(', ')})`;
      key.forEach((part, i) => (params[`after${i}`] = part));
    }
    const rows = this.db
      .prepare(
        `${SELECT_FIELDS}, t.rank_green, t.k ${from} ${condition} ${after}
         ORDER BY ${order.join(', ')} LIMIT @limit OFFSET @offset`,
      )
      .all({
        ...params,
        limit: pageSize + 1,
        offset: filter.cursor === undefined ? offset : 0,
      }) as (TaskJoinRow & { rank_green: number; k: number })[];
    return cursorPage(
      rows,
      total,
      { page, pageSize },
      (row) => this.view(row, today),
      (row) =>
        sort === 'received' ? [row.received_at, row.k, row.n] : [row.rank_green, row.step_due, row.k, row.n],
    );
  }

  /**
   * The menu's counts: the tasks the user holds and the department's unclaimed ones, each a walk of
   * its partial index stopped at TOTAL_CAP + 1.
   */
  counts(
    filter: { readonly userId: string; readonly role: 'approver' | 'head'; readonly department?: string },
    scope: ReadScope,
    now: Date = this.clock.now(),
  ): TaskCounts {
    const today = this.deadlines.today(now);
    const count = (f: TaskQueueFilter): number => {
      const { condition, params, counted } = this.condition(f, scope, today);
      return this.db
        .prepare(`SELECT COUNT(*) FROM (SELECT 1 ${counted} ${condition} LIMIT ${TOTAL_CAP + 1})`)
        .pluck()
        .get(params) as number;
    };
    const base = { role: filter.role, department: filter.department, userId: filter.userId };
    const mine = count({ ...base, queue: 'mine' });
    const unclaimed = count({ ...base, queue: 'department', status: 'open' });
    return {
      mine: Math.min(mine, TOTAL_CAP),
      unclaimed: Math.min(unclaimed, TOTAL_CAP),
      mineCapped: mine > TOTAL_CAP,
      unclaimedCapped: unclaimed > TOTAL_CAP,
    };
  }

  /** The WHERE of a queue filter; each part spelled so that one of the tasks indexes serves it. */
  private condition(
    filter: TaskQueueFilter,
    scope: ReadScope,
    today: string,
  ): { condition: string; params: Record<string, unknown>; from: string; counted: string } {
    const s = scopeCondition(scope, 'c.hall', 't.department');
    const where = [s.sql];
    const params: Record<string, unknown> = { ...s.params };
    if (filter.status !== undefined && filter.status !== 'open' && filter.status !== 'claimed')
      throw new InvalidQueryError('status', 'status must be open or claimed');
    if (filter.sort !== undefined && !TASK_SORTS.includes(filter.sort))
      throw new InvalidQueryError('sort', `sort must be one of ${TASK_SORTS.join(', ')}`);
    // Spelled as in the partial indexes' WHERE, so that SQLite can use them.
    where.push(`t.status IN ('open', 'claimed')`);
    if (filter.status) {
      where.push('+t.status = @status');
      params.status = filter.status;
    }
    if ((filter.queue ?? 'department') === 'mine') {
      if (!filter.userId) throw new InvalidQueryError('userId', 'the `mine` queue needs the user id');
      where.push('t.holder_user_id = @userId');
      params.userId = filter.userId;
    }
    const equal = (column: string, name: string, value: unknown): void => {
      where.push(`${column} = @${name}`);
      params[name] = value;
    };
    if (filter.role) equal('t.role', 'role', filter.role);
    if (filter.department) equal('t.department', 'department', filter.department);
    if (filter.item !== undefined) equal('t.item_code', 'item', filter.item);
    if (filter.step !== undefined) equal('t.step', 'step', filter.step);
    if (filter.greenChannel !== undefined) equal('t.rank_green', 'green', filter.greenChannel ? 0 : 1);
    // The flags are their partial indexes' WHERE: only the marked tasks are walked.
    if (filter.deficiency !== undefined) equal('t.deficiency', 'deficiency', filter.deficiency ? 1 : 0);
    if (filter.extended !== undefined) equal('t.extended', 'extended', filter.extended ? 1 : 0);
    if (filter.dueWithin !== undefined) {
      if (!Number.isInteger(filter.dueWithin) || filter.dueWithin < 0 || filter.dueWithin > MAX_DUE_WITHIN)
        throw new InvalidQueryError(
          'dueWithin',
          `dueWithin must be a whole number from 0 to ${MAX_DUE_WITHIN}`,
        );
      // Both green-channel groups as an IN list: a range of each, still in the index's order.
      if (filter.greenChannel === undefined) where.push('t.rank_green IN (0, 1)');
      where.push('t.step_due <= @dueBy');
      params.dueBy = this.deadlines
        .calendar()
        .addWorkingDays(today, filter.dueWithin, { provisional: true }).value;
    }
    const q = filter.q?.trim();
    if (q) where.push(...caseSearchTerms(q, 't.k', params));
    // The task is the outer loop (CROSS JOIN), so its index gives the order.
    const from = 'FROM tasks t CROSS JOIN cases c ON c.k = t.k';
    // Only a hall scope or a search needs the case row to count.
    const counted = scope.kind === 'hall' || q ? from : 'FROM tasks t';
    return { condition: `WHERE ${where.join(' AND ')}`, params, from, counted };
  }

  /** One task; undefined when unknown; OutOfScopeError outside the caller's department. */
  task(taskId: string, scope: ReadScope, now: Date = this.clock.now()): TaskView | undefined {
    const id = parseTaskId(taskId);
    if (!id) return undefined;
    const row = this.db
      .prepare(`${SELECT} WHERE t.k = (SELECT k FROM case_keys WHERE case_id = ?) AND t.n = ?`)
      .get(id.caseId, id.n) as TaskJoinRow | undefined;
    if (!row) return undefined;
    if (!inScope(scope, row)) throw new OutOfScopeError('task', taskId);
    return this.view(row, this.deadlines.today(now));
  }

  /** Every task of a case, in order (open and closed). */
  forCase(caseId: string, now: Date = this.clock.now()): TaskView[] {
    const rows = this.db
      .prepare(`${SELECT} WHERE t.k = (SELECT k FROM case_keys WHERE case_id = ?) ORDER BY t.n`)
      .all(caseId) as TaskJoinRow[];
    const today = this.deadlines.today(now);
    return rows.map((row) => this.view(row, today));
  }

  private view(row: TaskJoinRow, today: string): TaskView {
    const due =
      row.decision_pending === 1 && row.warning_due
        ? this.deadlines.status(today, row.warning_due, row.clock_stopped_on)
        : null;
    const open = row.status === 'open' || row.status === 'claimed';
    const stepDue = open ? this.deadlines.status(today, row.step_due, row.clock_stopped_on) : null;
    return {
      taskId: taskIdOf(row.case_id, row.n),
      caseId: row.case_id,
      caseNumber: row.case_number,
      n: row.n,
      step: row.step,
      label: row.label,
      department: row.department,
      role: row.role,
      status: row.status,
      holder: row.holder_user_id ? { userId: row.holder_user_id, name: row.holder_name ?? '' } : null,
      claimedAt: row.claimed_at,
      createdOn: row.created_on,
      stepDueDate: row.step_due,
      stepWorkingDaysLeft: stepDue?.workingDaysLeft ?? null,
      stepWarning: stepDue?.warning ?? 'none',
      deficiency: row.deficiency === 1,
      extended: row.extended === 1,
      receivedAt: row.received_at,
      specialProcedure: row.special_procedure === 1,
      marks: marksOf(row.marks),
      greenChannel: row.green_channel === 1,
      applicantName: row.applicant_name,
      itemCode: row.item_code,
      itemName: row.item_name,
      hall: row.hall,
      statutoryDueDate: row.statutory_due,
      promisedDueDate: row.promised_due,
      warning: due?.warning ?? 'none',
      workingDaysLeft: due?.workingDaysLeft ?? null,
    };
  }
}
