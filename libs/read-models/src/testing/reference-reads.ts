import { CASE_STATUSES } from '@one-window/case';
import type { CaseListFilter } from '../cases/case-queries.js';
import type { ReadModelDb } from '../database/read-model-database.js';
import { DeadlineEvaluator } from '../queries/deadline-evaluator.js';
import { pageBounds } from '../queries/page.js';
import { type ReadScope, scopeCondition } from '../scope/read-scope.js';

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
