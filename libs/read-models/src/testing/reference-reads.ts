import { CASE_STATUSES, taskId } from '@one-window/case';
import type { CaseListFilter, DeadlineBoardFilter } from '../cases/case-queries.js';
import type { ReadModelDb } from '../database/read-model-database.js';
import { DeadlineEvaluator } from '../queries/deadline-evaluator.js';
import { pageBounds, type PageRequest } from '../queries/page.js';
import { type ReadScope, scopeCondition } from '../scope/read-scope.js';
import type { TaskQueueFilter } from '../tasks/task-queries.js';

/** The ids of a page in order, and the exact total. */
export interface ReferencePage {
  readonly ids: string[];
  readonly total: number;
}

/** A read as it was before the read side was indexed, for the equivalence test to compare with. */
export type ReferenceRead<Filter> = (
  db: ReadModelDb,
  filter: Filter,
  scope: ReadScope,
  today: string,
) => ReferencePage;

/**
 * The case list as it was read before the read side was indexed (a full scan, OFFSET pages, an
 * exact COUNT(*)), kept as the reference the equivalence test compares today's answers with.
 * Returns the case ids of the page in order and the exact total.
 */
export const referenceCaseList: ReferenceRead<CaseListFilter> = (db, filter, scope, today) => {
  const c = new Conditions({ today });
  const s = scopeCondition(scope, 'c.hall', 'c.department', 'c.k');
  c.add(s.sql, s.params);
  c.compare('c.hall', 'hall', filter.hall);
  c.compare('c.department', 'department', filter.department);
  c.compare('c.item_code', 'item', filter.item);
  if (filter.status !== undefined) {
    const statuses = typeof filter.status === 'string' ? [filter.status] : filter.status;
    for (const status of statuses) if (!CASE_STATUSES.includes(status)) throw new Error(status);
    c.add(
      `c.status IN (${statuses.map((_, i) => `@status${i}`).join(', ') || 'NULL'})`,
      Object.fromEntries(statuses.map((status, i) => [`status${i}`, status])),
    );
  }
  if (filter.stage !== undefined)
    c.add(`(c.status = @stage OR c.status LIKE @stagePrefix ESCAPE '\\')`, {
      stage: filter.stage,
      stagePrefix: `${escapeLike(filter.stage)}.%`,
    });
  if (filter.warning !== undefined) c.add(DeadlineEvaluator.sql(filter.warning));
  if (filter.q !== undefined && filter.q.trim() !== '') {
    const q = escapeLike(filter.q.trim());
    c.add(`(c.case_number LIKE @qPrefix ESCAPE '\\' OR c.applicant_name LIKE @qContains ESCAPE '\\')`, {
      qPrefix: `${q}%`,
      qContains: `%${q}%`,
    });
  }
  c.compare('c.received_on', 'receivedFrom', filter.receivedFrom, '>=');
  c.compare('c.received_on', 'receivedTo', filter.receivedTo, '<=');
  c.compare(
    'c.green_channel',
    'green',
    filter.greenChannel === undefined ? undefined : filter.greenChannel ? 1 : 0,
  );
  return c.casePage(db, 'c.received_at DESC, c.k DESC', filter);
};

/** A WHERE clause in the making: its conditions and their named parameters. */
class Conditions {
  readonly where: string[] = [];
  constructor(readonly params: Record<string, unknown> = {}) {}

  add(sql: string, params: Record<string, unknown> = {}): void {
    this.where.push(sql);
    Object.assign(this.params, params);
  }

  /** `column op @name`, when the filter gives a value. */
  compare(column: string, name: string, value: unknown, op: '=' | '>=' | '<=' = '='): void {
    if (value !== undefined) this.add(`${column} ${op} @${name}`, { [name]: value });
  }

  /** The page of the cases that meet the conditions, in `order` with OFFSET paging, and their exact count. */
  casePage(db: ReadModelDb, order: string, page: PageRequest): ReferencePage {
    const { pageSize, offset } = pageBounds(page);
    const condition = `WHERE ${this.where.join(' AND ')}`;
    const total = db.prepare(`SELECT COUNT(*) FROM cases c ${condition}`).pluck().get(this.params) as number;
    const ids = db
      .prepare(`SELECT c.case_id FROM cases c ${condition} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...this.params, limit: pageSize, offset }) as string[];
    return { ids, total };
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The deadline board as it was read before (every pending case tested, OFFSET pages, a count to the cap). */
export const referenceDeadlineBoard: ReferenceRead<DeadlineBoardFilter> = (db, filter, scope, today) => {
  const s = scopeCondition(scope, 'c.hall', 'c.department', 'c.k');
  const levels = filter.warning ? [filter.warning] : (['yellow', 'red'] as const);
  const c = new Conditions({ today });
  c.add('c.decision_pending = 1');
  c.add(s.sql, s.params);
  c.add(`(${levels.map((l) => DeadlineEvaluator.sql(l)).join(' OR ')})`);
  c.compare('c.hall', 'hall', filter.hall);
  c.compare('c.department', 'department', filter.department);
  c.compare('c.item_code', 'item', filter.item);
  return c.casePage(db, 'c.warning_due, c.green_channel DESC, c.k', filter);
};

/** The task queue as it was read before (sorted over the case rows, OFFSET pages, an exact count); task ids. */
export function referenceTaskQueue(
  db: ReadModelDb,
  filter: TaskQueueFilter,
  scope: ReadScope,
): ReferencePage {
  const { pageSize, offset } = pageBounds(filter);
  const s = scopeCondition(scope, 'c.hall', 't.department');
  const c = new Conditions();
  c.add(s.sql, s.params);
  c.add(`t.status IN ('open', 'claimed')`);
  c.compare('t.status', 'status', filter.status || undefined);
  if ((filter.queue ?? 'department') === 'mine')
    c.add('t.holder_user_id = @userId', { userId: filter.userId });
  c.compare('t.role', 'role', filter.role || undefined);
  c.compare('t.department', 'department', filter.department || undefined);
  // The filters read the case row, not the copies the task row keeps for its indexes.
  c.compare('c.item_code', 'item', filter.item);
  c.compare('t.step', 'step', filter.step);
  if (filter.greenChannel !== undefined) c.add(`c.green_channel = ${filter.greenChannel ? 1 : 0}`);
  if (filter.extended !== undefined) c.add(`(c.extended_days > 0) = ${filter.extended ? 1 : 0}`);
  if (filter.deficiency !== undefined) c.add(`(c.supply_by IS NOT NULL) = ${filter.deficiency ? 1 : 0}`);
  const { where, params } = c;
  const condition = `FROM tasks t JOIN cases c ON c.k = t.k WHERE ${where.join(' AND ')}`;
  const total = db.prepare(`SELECT COUNT(*) ${condition}`).pluck().get(params) as number;
  const order =
    filter.sort === 'received' ? 'c.received_at, t.k, t.n' : 'c.green_channel DESC, t.step_due, t.k, t.n';
  const rows = db
    .prepare(`SELECT c.case_id, t.n ${condition} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: pageSize, offset }) as { case_id: string; n: number }[];
  return { ids: rows.map((r) => taskId(r.case_id, r.n)), total };
}
