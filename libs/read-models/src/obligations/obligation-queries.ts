import { type Clock, systemClock } from '@one-window/shared';
import type { ReadModelDb } from '../database/read-model-database.js';
import { InvalidQueryError } from '../queries/invalid-query.error.js';
import { type Page, type PageRequest, pageBounds } from '../queries/page.js';
import { OutOfScopeError } from '../scope/out-of-scope.error.js';
import { type ReadScope, inScope, scopeCondition } from '../scope/read-scope.js';

/** The obligations list's filters: open (not closed yet), overdue (open, a deadline past), closed. */
export const OBLIGATION_STATUS_FILTERS = ['open', 'overdue', 'closed'] as const;
export type ObligationStatusFilter = (typeof OBLIGATION_STATUS_FILTERS)[number];

export interface ObligationFilter extends PageRequest {
  readonly status?: ObligationStatusFilter;
  readonly hall?: string;
  readonly department?: string;
  readonly caseId?: string;
}

export interface ObligationView {
  readonly obligationId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly itemName: string;
  readonly applicantName: string;
  readonly hall: string;
  readonly department: string;
  readonly rating: {
    readonly n: number;
    readonly level: number | null;
    readonly stage: string | null;
    readonly comment: string | null;
    readonly ratedAt: string | null;
  };
  readonly openedAt: string;
  readonly callback: {
    /** 48 hours after the rating (Art. 36). */
    readonly dueAt: string;
    readonly at: string | null;
    readonly verified: boolean | null;
    readonly notes: string | null;
    readonly late: boolean | null;
    readonly overdue: boolean;
  };
  readonly rectification: {
    /** China date: 15 natural days after the rating day. */
    readonly dueBy: string;
    readonly dueAt: string;
    readonly overdue: boolean;
  };
  readonly status: 'open' | 'closed';
  /** Any deadline of an open obligation has passed. */
  readonly overdue: boolean;
  readonly outcome: 'rectified' | 'explained' | null;
  readonly outcomeText: string | null;
  readonly closedAt: string | null;
  readonly closedLate: boolean | null;
}

interface ObligationRow {
  obligation_id: string;
  case_id: string;
  case_number: string | null;
  item_name: string | null;
  applicant_name: string | null;
  hall: string;
  department: string;
  rating_n: number;
  level: number | null;
  stage: string | null;
  comment: string | null;
  rated_at: string | null;
  opened_at: string;
  callback_due_at: string;
  callback_due_ms: number;
  rectify_due_by: string;
  rectify_due_ms: number;
  called_back_at: string | null;
  callback_verified: number | null;
  callback_notes: string | null;
  callback_late: number | null;
  outcome: 'rectified' | 'explained' | null;
  outcome_text: string | null;
  closed_at: string | null;
  closed_late: number | null;
}

const SELECT = `SELECT o.*, c.case_number, c.item_name, c.applicant_name, r.level, r.stage, r.comment, r.rated_at
  FROM obligations o
  LEFT JOIN cases c ON c.k = o.k
  LEFT JOIN case_ratings r ON r.k = o.k AND r.n = o.rating_n`;

/** Bad-rating review obligations: callback due in 48 hours, rectification in 15 natural days; open, overdue or closed. */
export class ObligationQueries {
  private readonly clock: Clock;

  constructor(
    private readonly db: ReadModelDb,
    clock: Clock = systemClock,
  ) {
    this.clock = clock;
  }

  list(filter: ObligationFilter, scope: ReadScope, now: Date = this.clock.now()): Page<ObligationView> {
    const { page, pageSize, offset } = pageBounds(filter);
    const s = scopeCondition(scope, 'o.hall', 'o.department', 'o.k');
    const where = [s.sql];
    const params: Record<string, unknown> = { ...s.params, now: now.getTime() };
    switch (filter.status) {
      case undefined:
        break;
      case 'open':
        where.push('o.outcome IS NULL');
        break;
      case 'closed':
        where.push('o.outcome IS NOT NULL');
        break;
      case 'overdue':
        where.push(
          'o.outcome IS NULL AND ((o.called_back_at IS NULL AND o.callback_due_ms < @now) OR o.rectify_due_ms <= @now)',
        );
        break;
      default: {
        const unknown: never = filter.status;
        throw new InvalidQueryError('status', `Unknown status "${String(unknown)}"`);
      }
    }
    for (const key of ['hall', 'department'] as const) {
      if (filter[key] === undefined) continue;
      where.push(`o.${key} = @${key}`);
      params[key] = filter[key];
    }
    if (filter.caseId !== undefined) {
      where.push('o.k = (SELECT k FROM case_keys WHERE case_id = @caseId)');
      params.caseId = filter.caseId;
    }
    const condition = `WHERE ${where.join(' AND ')}`;
    const total = this.db
      .prepare(`SELECT COUNT(*) FROM obligations o ${condition}`)
      .pluck()
      .get(params) as number;
    const rows = this.db
      .prepare(
        `${SELECT} ${condition}
         ORDER BY o.outcome IS NOT NULL, MIN(CASE WHEN o.called_back_at IS NULL THEN o.callback_due_ms ELSE o.rectify_due_ms END, o.rectify_due_ms), o.obligation_id
         LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: pageSize, offset }) as ObligationRow[];
    return { items: rows.map((row) => view(row, now.getTime())), total, page, pageSize };
  }

  obligation(
    obligationId: string,
    scope: ReadScope,
    now: Date = this.clock.now(),
  ): ObligationView | undefined {
    const row = this.db.prepare(`${SELECT} WHERE o.obligation_id = ?`).get(obligationId) as
      ObligationRow | undefined;
    if (!row) return undefined;
    if (!inScope(scope, row)) throw new OutOfScopeError('obligation', obligationId);
    return view(row, now.getTime());
  }
}

function view(row: ObligationRow, now: number): ObligationView {
  const open = row.outcome === null;
  // Late once the 48 hours have passed; the rectification day is over at 24:00 China time.
  const callbackOverdue = open && row.called_back_at === null && row.callback_due_ms < now;
  const rectificationOverdue = open && row.rectify_due_ms <= now;
  return {
    obligationId: row.obligation_id,
    caseId: row.case_id,
    caseNumber: row.case_number ?? '',
    itemName: row.item_name ?? '',
    applicantName: row.applicant_name ?? '',
    hall: row.hall,
    department: row.department,
    rating: {
      n: row.rating_n,
      level: row.level,
      stage: row.stage,
      comment: row.comment,
      ratedAt: row.rated_at,
    },
    openedAt: row.opened_at,
    callback: {
      dueAt: row.callback_due_at,
      at: row.called_back_at,
      verified: row.callback_verified === null ? null : row.callback_verified === 1,
      notes: row.callback_notes,
      late: row.callback_late === null ? null : row.callback_late === 1,
      overdue: callbackOverdue,
    },
    rectification: {
      dueBy: row.rectify_due_by,
      dueAt: new Date(row.rectify_due_ms).toISOString(),
      overdue: rectificationOverdue,
    },
    status: open ? 'open' : 'closed',
    overdue: callbackOverdue || rectificationOverdue,
    outcome: row.outcome,
    outcomeText: row.outcome_text,
    closedAt: row.closed_at,
    closedLate: row.closed_late === null ? null : row.closed_late === 1,
  };
}
