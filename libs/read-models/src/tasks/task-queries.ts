import { parseTaskId, taskId as taskIdOf } from '@one-window/case';
import type { WarningLevel } from '@one-window/calendar';
import { type Clock, systemClock } from '@one-window/shared';
import type { ReadModelDb } from '../database/read-model-database.js';
import type { DeadlineEvaluator } from '../queries/deadline-evaluator.js';
import { cursorPageBounds, decodeCursor, encodeCursor, TOTAL_CAP } from '../queries/cursor.js';
import { InvalidQueryError } from '../queries/invalid-query.error.js';
import type { Page, PageRequest } from '../queries/page.js';
import { OutOfScopeError } from '../scope/out-of-scope.error.js';
import { type ReadScope, inScope, scopeCondition } from '../scope/read-scope.js';
import type { TaskRowStatus } from './tasks.projection.js';

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
}

/** A queue page: the old shape plus the capped total's flag and where the next page starts. */
export interface TaskPage extends Page<TaskView> {
  /** True when more than TOTAL_CAP tasks match: `total` then says TOTAL_CAP. */
  readonly totalCapped: boolean;
  /** Pass as `cursor` for the next page; null on the last one. */
  readonly nextCursor: string | null;
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
  /** A special procedure is running on this task (the decision clock stands still). */
  readonly specialProcedure: boolean;
  /** 督办: the day the last supervision notice was sent on this task, or null. */
  readonly supervisedOn: string | null;
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
  supervised_on: string | null;
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
}

const SELECT_FIELDS = `SELECT c.case_id, c.case_number, t.n, t.step, t.label, t.department, t.role, t.status,
  t.holder_user_id, t.holder_name, t.claimed_at, t.created_on, t.step_due, t.special_procedure, t.supervised_on, c.green_channel,
  c.applicant_name, c.item_code, c.item_name, c.hall, c.statutory_due, c.promised_due, c.warning_due,
  c.decision_pending, c.clock_stopped_on`;
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
    const s = scopeCondition(scope, 'c.hall', 't.department');
    const where = [s.sql];
    const params: Record<string, unknown> = { ...s.params };
    if (filter.status !== undefined && filter.status !== 'open' && filter.status !== 'claimed')
      throw new InvalidQueryError('status', 'status must be open or claimed');
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
    if (filter.role) {
      where.push('t.role = @role');
      params.role = filter.role;
    }
    if (filter.department) {
      where.push('t.department = @department');
      params.department = filter.department;
    }
    const condition = `WHERE ${where.join(' AND ')}`;
    // The task is the outer loop (CROSS JOIN), so its index gives the order.
    const from = 'FROM tasks t CROSS JOIN cases c ON c.k = t.k';
    // Only a hall scope needs the case row to count.
    const counted = scope.kind === 'hall' ? from : 'FROM tasks t';
    const total = this.db
      .prepare(`SELECT COUNT(*) FROM (SELECT 1 ${counted} ${condition} LIMIT ${TOTAL_CAP + 1})`)
      .pluck()
      .get(params) as number;
    let after = '';
    if (filter.cursor !== undefined) {
      const [green, due, k, n] = decodeCursor(filter.cursor, ['number', 'string', 'number', 'number']);
      after = 'AND (t.rank_green, t.rank_due, t.k, t.n) > (@afterGreen, @afterDue, @afterK, @afterN)';
      Object.assign(params, { afterGreen: green, afterDue: due, afterK: k, afterN: n });
    }
    const rows = this.db
      .prepare(
        `${SELECT_FIELDS}, t.rank_green, t.rank_due, t.k ${from} ${condition} ${after}
         ORDER BY t.rank_green, t.rank_due, t.k, t.n LIMIT @limit OFFSET @offset`,
      )
      .all({
        ...params,
        limit: pageSize + 1,
        offset: filter.cursor === undefined ? offset : 0,
      }) as (TaskJoinRow & {
      rank_green: number;
      rank_due: string;
      k: number;
    })[];
    const more = rows.length > pageSize;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    const today = this.deadlines.today(now);
    return {
      items: rows.map((row) => this.view(row, today)),
      total: Math.min(total, TOTAL_CAP),
      totalCapped: total > TOTAL_CAP,
      page,
      pageSize,
      nextCursor: more && last ? encodeCursor([last.rank_green, last.rank_due, last.k, last.n]) : null,
    };
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
      specialProcedure: row.special_procedure === 1,
      supervisedOn: row.supervised_on,
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
