import { parseTaskId, taskId as taskIdOf } from '@one-window/case';
import type { WarningLevel } from '@one-window/calendar';
import { type Clock, systemClock } from '@one-window/shared';
import type { ReadModelDb } from '../database/read-model-database.js';
import type { DeadlineEvaluator } from '../queries/deadline-evaluator.js';
import { InvalidQueryError } from '../queries/invalid-query.error.js';
import { type Page, type PageRequest, pageBounds } from '../queries/page.js';
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

const SELECT = `SELECT c.case_id, c.case_number, t.n, t.step, t.label, t.department, t.role, t.status,
  t.holder_user_id, t.holder_name, t.claimed_at, t.created_on, t.step_due, t.special_procedure, t.supervised_on, c.green_channel,
  c.applicant_name, c.item_code, c.item_name, c.hall, c.statutory_due, c.promised_due, c.warning_due,
  c.decision_pending, c.clock_stopped_on
  FROM tasks t JOIN cases c ON c.k = t.k`;

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

  queue(filter: TaskQueueFilter, scope: ReadScope, now: Date = this.clock.now()): Page<TaskView> {
    const { page, pageSize, offset } = pageBounds(filter);
    const s = scopeCondition(scope, 'c.hall', 't.department');
    const where = [s.sql];
    const params: Record<string, unknown> = { ...s.params };
    if (filter.status !== undefined && filter.status !== 'open' && filter.status !== 'claimed')
      throw new InvalidQueryError('status', 'status must be open or claimed');
    // Spelled as in the partial indexes' WHERE, so that SQLite can use them.
    where.push(`t.status IN ('open', 'claimed')`);
    if (filter.status) {
      where.push('t.status = @status');
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
    const total = this.db
      .prepare(`SELECT COUNT(*) FROM tasks t JOIN cases c ON c.k = t.k ${condition}`)
      .pluck()
      .get(params) as number;
    const rows = this.db
      .prepare(
        `${SELECT} ${condition}
         ORDER BY c.green_channel DESC, c.warning_due IS NULL, c.warning_due, t.k, t.n
         LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: pageSize, offset }) as TaskJoinRow[];
    const today = this.deadlines.today(now);
    return { items: rows.map((row) => this.view(row, today)), total, page, pageSize };
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
