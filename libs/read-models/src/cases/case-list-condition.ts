import type { WarningLevel } from '@one-window/calendar';
import { CASE_STATUSES, type CaseStatus } from '@one-window/case';
import { DeadlineEvaluator } from '../queries/deadline-evaluator.js';
import { InvalidQueryError } from '../queries/invalid-query.error.js';
import { type ReadScope, scopeCondition } from '../scope/read-scope.js';
import { STAGE_SQL } from './cases.schema.js';
import { caseSearchTerms } from '../search/search-condition.js';
import { PREFIX_TOP, reversedIdNumber } from '../search/search-keys.js';
import type { CaseListFilter } from './case-queries.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WARNINGS: readonly WarningLevel[] = ['none', 'yellow', 'red'];

/**
 * The WHERE condition (over `cases c`) of a case-list filter within a scope. Each part is written
 * so an index can serve it (see CASES_SCHEMA): statuses and stages as IN lists, dates also as a
 * range of `received_at`, case numbers as a range of their folded key, names through
 * `case_search`, ID numbers as a prefix of the reversed number. The exact test stays beside
 * each indexed one, so the answer is the same as a scan's.
 */
export function caseListCondition(
  filter: CaseListFilter,
  scope: ReadScope,
  today: string,
  /** For a yellow or red filter: the due-date range holding that level (DeadlineEvaluator.warningRange). */
  warningRange?: { readonly from: string; readonly before: string },
  /**
   * `key` (default): a search finds its matches by its key's index, then they are sorted.
   * `walk`: each row of the list's own order is probed instead — for a key so common that the
   * matches are dense (the count reached the cap), where a page stops after a few rows.
   */
  search: 'key' | 'walk' = 'key',
): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = { today };
  if (scope.kind === 'handling') {
    // Correlated, so a page walks the received_at index and probes case_departments per row
    // (an IN list would gather every case of the department and sort them).
    where.push(
      'EXISTS (SELECT 1 FROM case_departments d WHERE d.department = @scopeDepartment AND d.k = c.k)',
    );
    params.scopeDepartment = scope.department;
  } else {
    const s = scopeCondition(scope, 'c.hall', 'c.department', 'c.k');
    where.push(s.sql);
    Object.assign(params, s.params);
  }
  const equal = (column: string, name: string, value: unknown): void => {
    where.push(`${column} = @${name}`);
    params[name] = value;
  };
  if (filter.hall !== undefined) equal('c.hall', 'hall', filter.hall);
  if (filter.department !== undefined) equal('c.department', 'department', filter.department);
  if (filter.item !== undefined) equal('c.item_code', 'item', filter.item);
  if (filter.greenChannel !== undefined) equal('c.green_channel', 'green', filter.greenChannel ? 1 : 0);
  if (filter.status !== undefined) {
    const statuses = typeof filter.status === 'string' ? [filter.status] : filter.status;
    for (const status of statuses)
      if (!CASE_STATUSES.includes(status))
        throw new InvalidQueryError('status', `Unknown status "${status}"`);
    statusIn('status', statuses);
  }
  if (filter.stage !== undefined) {
    // The stage is the status's first part: `backOffice` holds `backOffice.underReview`, … The
    // stage index serves the order; the IN list of its statuses stays as the exact test.
    const stage = filter.stage;
    where.push(`${STAGE_SQL.replaceAll('status', 'c.status')} = @stage`);
    params.stage = stage;
    statusIn(
      'stage',
      CASE_STATUSES.filter((s) => s === stage || s.startsWith(`${stage}.`)),
      '+',
    );
  }
  if (filter.warning !== undefined) {
    if (!WARNINGS.includes(filter.warning))
      throw new InvalidQueryError('warning', `Unknown warning level "${filter.warning}"`);
    where.push(DeadlineEvaluator.sql(filter.warning));
    // Both levels hold open work, not history: yellow is a few days' due dates (a range of the
    // pending cases' due-date index, sorted); red walks the pending cases newest first.
    if (filter.warning !== 'none') where.push('c.decision_pending = 1');
    if (filter.warning === 'yellow' && warningRange) {
      where.push('c.warning_due >= @warningFrom AND c.warning_due < @warningBefore');
      params.warningFrom = warningRange.from;
      params.warningBefore = warningRange.before;
    }
  }
  const q = filter.q?.trim();
  if (q) where.push(...caseSearchTerms(q, 'c.k', params, search === 'walk'));
  const idNumber = filter.idNumber?.trim();
  if (idNumber !== undefined) {
    if (!/^[0-9A-Za-z]{4,}$/.test(idNumber))
      throw new InvalidQueryError('idNumber', 'idNumber must be at least its last 4 digits or letters');
    where.push(
      search === 'walk'
        ? '+c.id_number_reversed >= @idKey AND +c.id_number_reversed < @idKeyTop'
        : 'c.id_number_reversed >= @idKey AND c.id_number_reversed < @idKeyTop',
    );
    params.idKey = reversedIdNumber(idNumber);
    params.idKeyTop = reversedIdNumber(idNumber) + PREFIX_TOP;
  }
  // A China date is the UTC date or the day after: received_at bounds (served by its index) hold
  // every case of the range, and the received_on test decides.
  if (filter.receivedFrom !== undefined) {
    where.push('c.received_on >= @receivedFrom', 'c.received_at >= @receivedFromAt');
    params.receivedFrom = date(filter.receivedFrom, 'receivedFrom');
    params.receivedFromAt = addDays(filter.receivedFrom, -1);
  }
  if (filter.receivedTo !== undefined) {
    where.push('c.received_on <= @receivedTo', 'c.received_at < @receivedToAt');
    params.receivedTo = date(filter.receivedTo, 'receivedTo');
    params.receivedToAt = addDays(filter.receivedTo, 1);
  }
  return { sql: where.join(' AND '), params };

  /** `+` keeps the status's own indexes out of the plan (another index serves the filter). */
  function statusIn(name: string, statuses: readonly CaseStatus[], plus = ''): void {
    where.push(`${plus}c.status IN (${statuses.map((_, i) => `@${name}${i}`).join(', ') || 'NULL'})`);
    statuses.forEach((status, i) => (params[`${name}${i}`] = status));
  }
}

function date(value: string, field: string): string {
  if (!DATE.test(value)) throw new InvalidQueryError(field, `${field} must be a date written YYYY-MM-DD`);
  return value;
}

function addDays(day: string, days: number): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
