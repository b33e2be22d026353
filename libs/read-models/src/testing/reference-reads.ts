import { CASE_STATUSES, taskId } from '@one-window/case';
import type { CaseListFilter, DeadlineBoardFilter } from '../cases/case-queries.js';
import type { ReadModelDb } from '../database/read-model-database.js';
import { DeadlineEvaluator } from '../queries/deadline-evaluator.js';
import { pageBounds } from '../queries/page.js';
import { type ReadScope, scopeCondition } from '../scope/read-scope.js';
import type { TaskQueueFilter } from '../tasks/task-queries.js';

/**
 * The case list as it was read before the read side was indexed (a full scan, OFFSET pages, an
 * exact COUNT(*)), kept as the reference the equivalence test compares today's answers with.
 * Returns the case ids of the page in order and the exact total.
 */
export function referenceCaseList(
  db: ReadModelDb,
  filter: CaseListFilter,
  scope: ReadScope,
  today: string,
): { ids: string[]; total: number } {
  const { pageSize, offset } = pageBounds(filter);
  const where: string[] = [];
  const params: Record<string, unknown> = { today };
  const s = scopeCondition(scope, 'c.hall', 'c.department', 'c.k');
  where.push(s.sql);
  Object.assign(params, s.params);
  if (filter.hall !== undefined) {
    where.push('c.hall = @hall');
    params.hall = filter.hall;
  }
  if (filter.department !== undefined) {
    where.push('c.department = @department');
    params.department = filter.department;
  }
  if (filter.item !== undefined) {
    where.push('c.item_code = @item');
    params.item = filter.item;
  }
  if (filter.status !== undefined) {
    const statuses = typeof filter.status === 'string' ? [filter.status] : filter.status;
    for (const status of statuses) if (!CASE_STATUSES.includes(status)) throw new Error(status);
    where.push(`c.status IN (${statuses.map((_, i) => `@status${i}`).join(', ') || 'NULL'})`);
    statuses.forEach((status, i) => (params[`status${i}`] = status));
  }
  if (filter.stage !== undefined) {
    where.push(`(c.status = @stage OR c.status LIKE @stagePrefix ESCAPE '\\')`);
    params.stage = filter.stage;
    params.stagePrefix = `${escapeLike(filter.stage)}.%`;
  }
  if (filter.warning !== undefined) where.push(DeadlineEvaluator.sql(filter.warning));
  if (filter.q !== undefined && filter.q.trim() !== '') {
    where.push(`(c.case_number LIKE @qPrefix ESCAPE '\\' OR c.applicant_name LIKE @qContains ESCAPE '\\')`);
    const q = escapeLike(filter.q.trim());
    params.qPrefix = `${q}%`;
    params.qContains = `%${q}%`;
  }
  if (filter.receivedFrom !== undefined) {
    where.push('c.received_on >= @receivedFrom');
    params.receivedFrom = filter.receivedFrom;
  }
  if (filter.receivedTo !== undefined) {
    where.push('c.received_on <= @receivedTo');
    params.receivedTo = filter.receivedTo;
  }
  if (filter.greenChannel !== undefined) {
    where.push('c.green_channel = @green');
    params.green = filter.greenChannel ? 1 : 0;
  }
  const condition = `WHERE ${where.join(' AND ')}`;
  const total = db.prepare(`SELECT COUNT(*) FROM cases c ${condition}`).pluck().get(params) as number;
  const ids = db
    .prepare(
      `SELECT c.case_id FROM cases c ${condition} ORDER BY c.received_at DESC, c.k DESC LIMIT @limit OFFSET @offset`,
    )
    .pluck()
    .all({ ...params, limit: pageSize, offset }) as string[];
  return { ids, total };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The deadline board as it was read before (every pending case tested, OFFSET pages, a count to the cap). */
export function referenceDeadlineBoard(
  db: ReadModelDb,
  filter: DeadlineBoardFilter,
  scope: ReadScope,
  today: string,
): { ids: string[]; total: number } {
  const { pageSize, offset } = pageBounds(filter);
  const s = scopeCondition(scope, 'c.hall', 'c.department', 'c.k');
  const levels = filter.warning ? [filter.warning] : (['yellow', 'red'] as const);
  const where = [
    'c.decision_pending = 1',
    s.sql,
    `(${levels.map((l) => DeadlineEvaluator.sql(l)).join(' OR ')})`,
  ];
  const params: Record<string, unknown> = { today, ...s.params };
  for (const key of ['hall', 'department', 'item'] as const) {
    const value = filter[key];
    if (value === undefined) continue;
    where.push(`c.${key === 'item' ? 'item_code' : key} = @${key}`);
    params[key] = value;
  }
  const condition = `WHERE ${where.join(' AND ')}`;
  const total = db.prepare(`SELECT COUNT(*) FROM cases c ${condition}`).pluck().get(params) as number;
  const ids = db
    .prepare(
      `SELECT c.case_id FROM cases c ${condition} ORDER BY c.warning_due, c.green_channel DESC, c.k LIMIT @limit OFFSET @offset`,
    )
    .pluck()
    .all({ ...params, limit: pageSize, offset }) as string[];
  return { ids, total };
}

/** The task queue as it was read before (sorted over the case rows, OFFSET pages, an exact count); task ids. */
export function referenceTaskQueue(
  db: ReadModelDb,
  filter: TaskQueueFilter,
  scope: ReadScope,
): { ids: string[]; total: number } {
  const { pageSize, offset } = pageBounds(filter);
  const s = scopeCondition(scope, 'c.hall', 't.department');
  const where = [s.sql, `t.status IN ('open', 'claimed')`];
  const params: Record<string, unknown> = { ...s.params };
  if (filter.status) {
    where.push('t.status = @status');
    params.status = filter.status;
  }
  if ((filter.queue ?? 'department') === 'mine') {
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
  // The filters read the case row, not the copies the task row keeps for its indexes.
  if (filter.item !== undefined) {
    where.push('c.item_code = @item');
    params.item = filter.item;
  }
  if (filter.step !== undefined) {
    where.push('t.step = @step');
    params.step = filter.step;
  }
  if (filter.greenChannel !== undefined) where.push(`c.green_channel = ${filter.greenChannel ? 1 : 0}`);
  if (filter.extended !== undefined) where.push(`(c.extended_days > 0) = ${filter.extended ? 1 : 0}`);
  if (filter.deficiency !== undefined) where.push(`(c.supply_by IS NOT NULL) = ${filter.deficiency ? 1 : 0}`);
  const condition = `FROM tasks t JOIN cases c ON c.k = t.k WHERE ${where.join(' AND ')}`;
  const total = db.prepare(`SELECT COUNT(*) ${condition}`).pluck().get(params) as number;
  const order =
    filter.sort === 'received' ? 'c.received_at, t.k, t.n' : 'c.green_channel DESC, t.step_due, t.k, t.n';
  const rows = db
    .prepare(`SELECT c.case_id, t.n ${condition} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: pageSize, offset }) as { case_id: string; n: number }[];
  return { ids: rows.map((r) => taskId(r.case_id, r.n)), total };
}
