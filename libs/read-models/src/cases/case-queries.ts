import type { WarningLevel } from '@one-window/calendar';
import type { CaseStage, CaseStatus, DecisionLimit } from '@one-window/case';
import { type Clock, systemClock } from '@one-window/shared';
import type { ReadModelDb } from '../database/read-model-database.js';
import { DeadlineEvaluator, type DueStatus } from '../queries/deadline-evaluator.js';
import { InvalidQueryError } from '../queries/invalid-query.error.js';
import { cursorPage, type CursorPage, cursorPageBounds, decodeCursor, TOTAL_CAP } from '../queries/cursor.js';
import type { PageRequest } from '../queries/page.js';
import { OutOfScopeError } from '../scope/out-of-scope.error.js';
import { type ReadScope, inScope, scopeCondition } from '../scope/read-scope.js';
import { countGramWalk, gramWalk } from '../search/gram-walk.js';
import { caseListCondition } from './case-list-condition.js';
import type { CaseListItem, CaseSummary, DeadlineBoardItem } from './case-views.js';
import { type CaseRegister, registerPages } from './case-register.js';
import { awaitingAcceptance, type CaseRow } from './cases.schema.js';
import type { MaterialStatus } from './materials.js';

export interface CaseListFilter extends PageRequest {
  readonly hall?: string;
  readonly department?: string;
  readonly status?: CaseStatus | readonly CaseStatus[];
  readonly stage?: CaseStage;
  /** Item code. */
  readonly item?: string;
  readonly warning?: WarningLevel;
  /** Case number (prefix) or applicant name (contains); ASCII letters in either case. */
  readonly q?: string;
  /** The applicant's ID number, whole or its last digits (at least 4). */
  readonly idNumber?: string;
  /** Where the previous page ended (its nextCursor); `page` is ignored with it. */
  readonly cursor?: string;
  /** China dates, inclusive. */
  readonly receivedFrom?: string;
  readonly receivedTo?: string;
  readonly greenChannel?: boolean;
}

/** A page of the case list: the old shape plus where the next page starts and whether the total is capped. */
export type CasePage = CursorPage<CaseListItem>;

/** A page of the deadline board: like a case-list page, keyset-paged by (due date, green channel, case). */
export type DeadlinePage = CursorPage<DeadlineBoardItem>;

export interface DeadlineBoardFilter extends PageRequest {
  /** The decision's limits (default) or the acceptance decision's (Law Art. 32). */
  readonly deadline?: BoardDeadline;
  /** Both when absent. */
  readonly warning?: 'yellow' | 'red';
  readonly hall?: string;
  readonly department?: string;
  readonly item?: string;
  /** Where the previous page ended (its nextCursor); `page` is ignored with it. */
  readonly cursor?: string;
}

/** Which limit a deadline board watches. */
export type BoardDeadline = 'decision' | 'acceptance';

interface Board {
  /** The due-date column the board orders by; a warning level is a range of it. */
  readonly due: 'warning_due' | 'correction_notice_due_by';
  /** The cases the board holds at all: its partial indexes' condition. */
  readonly running: string;
  /** Whether a stopped clock (Art. 45) moves a case's as-of day. */
  readonly clockStops: boolean;
  /** The index a page must walk (INDEXED BY), given whether it is within one hall; undefined: the planner's. */
  index(inHall: boolean): string | undefined;
}

const BOARDS: Readonly<Record<BoardDeadline, Board>> = {
  decision: {
    due: 'warning_due',
    running: 'c.decision_pending = 1',
    clockStops: true,
    index: () => undefined,
  },
  // The status is in every index of cases, so the planner could take a status index and sort: the
  // board names its own.
  acceptance: {
    due: 'correction_notice_due_by',
    running: awaitingAcceptance('c.'),
    clockStops: false,
    index: (inHall) => (inHall ? 'cases_acceptance_board_hall' : 'cases_acceptance_board'),
  },
};

/** A case row with its open task (at most one at a time): the step it is at and who holds it. */
const selectCase = (from = 'cases c'): string =>
  `SELECT c.*, t.label AS current_step, t.holder_name AS holder_name,
    (${awaitingAcceptance('c.')}) AS awaiting_acceptance FROM ${from}
  LEFT JOIN tasks t ON t.k = c.k AND t.status IN ('open', 'claimed')`;
const SELECT_CASE = selectCase();

/** A one-gram search's rows: case_search's walk in the list's order, joined to the case rows. */
const GRAM_ORDER = { from: 'case_search s CROSS JOIN cases c ON c.k = s.k', at: 's.received_at', k: 's.k' };

/** Reads of the `cases` read model: the case list, one case's summary, the deadline board. */
export class CaseQueries {
  private readonly clock: Clock;
  private readonly denseSearchAbove: number;

  constructor(
    private readonly db: ReadModelDb,
    private readonly deadlines: DeadlineEvaluator,
    clock: Clock = systemClock,
    /** A search matching more cases than this walks the list's order (default TOTAL_CAP: the count is capped). */
    options: { readonly denseSearchAbove?: number } = {},
  ) {
    this.clock = clock;
    this.denseSearchAbove = options.denseSearchAbove ?? TOTAL_CAP;
    deadlines.register(db);
  }

  /**
   * The case list, newest first. Pages follow `cursor` (keyset: no OFFSET walk) or, for the
   * first TOTAL_CAP rows, `page`; the total is counted up to TOTAL_CAP (`totalCapped` beyond).
   */
  list(filter: CaseListFilter, scope: ReadScope, now: Date = this.clock.now()): CasePage {
    const { page, pageSize, offset } = cursorPageBounds(filter, 'cases');
    const today = this.deadlines.today(now);
    const range = this.yellowRange(filter, today);
    const { sql, params } = caseListCondition(filter, scope, today, range);
    const walk = gramWalk(this.db, filter, scope);
    if (walk) return this.walkGram(walk, filter, { page, pageSize, offset }, today);
    const total = this.count(scope, { sql, params }, TOTAL_CAP);
    // A search whose key matched more than denseSearchAbove cases walks the list's order and
    // probes each row (a page stops after a few), instead of sorting every match.
    const searching = Boolean(filter.q?.trim()) || filter.idNumber !== undefined;
    const pageCondition =
      searching && total > this.denseSearchAbove
        ? caseListCondition(filter, scope, today, range, 'walk')
        : { sql, params };
    if (filter.cursor !== undefined) {
      const [at, k] = decodeCursor(filter.cursor, ['string', 'number']);
      Object.assign(pageCondition.params, { afterAt: at, afterK: k });
    }
    const after = filter.cursor !== undefined ? 'AND (c.received_at, c.k) < (@afterAt, @afterK)' : '';
    const rows = this.db
      .prepare(
        `${SELECT_CASE} WHERE ${pageCondition.sql} ${after} ORDER BY c.received_at DESC, c.k DESC LIMIT @limit OFFSET @offset`,
      )
      .all({
        ...pageCondition.params,
        limit: pageSize + 1,
        offset: filter.cursor === undefined ? offset : 0,
      }) as CaseRow[];
    return this.listPage(rows, total, { page, pageSize }, today);
  }

  /**
   * A search whose matches are one gram's cases (gramWalk): counted from `case_search`'s index
   * and paged along it in the list's order, joining only the page's case rows.
   */
  private walkGram(
    walk: NonNullable<ReturnType<typeof gramWalk>>,
    filter: CaseListFilter,
    bounds: { page: number; pageSize: number; offset: number },
    today: string,
  ): CasePage {
    const total = countGramWalk(this.db, walk, TOTAL_CAP);
    const params: Record<string, unknown> = {
      ...walk.params,
      limit: bounds.pageSize + 1,
      offset: bounds.offset,
    };
    let after = '';
    if (filter.cursor !== undefined) {
      const [at, k] = decodeCursor(filter.cursor, ['string', 'number']);
      Object.assign(params, { afterAt: at, afterK: k, offset: 0 });
      after = 'AND (s.received_at, s.k) < (@afterAt, @afterK)';
    }
    const rows = this.db
      .prepare(
        `${selectCase(GRAM_ORDER.from)}
         WHERE ${walk.where} ${after} ORDER BY s.received_at DESC, s.k DESC LIMIT @limit OFFSET @offset`,
      )
      .all(params) as CaseRow[];
    return this.listPage(rows, total, bounds, today);
  }

  /** A list page from its rows read to pageSize + 1 (one more: there is a next page). */
  private listPage(
    rows: CaseRow[],
    total: number,
    { page, pageSize }: { page: number; pageSize: number },
    today: string,
  ): CasePage {
    return cursorPage(
      rows,
      total,
      { page, pageSize },
      (row) => this.listItem(row, today),
      (row) => [row.received_at, row.k],
    );
  }

  /**
   * The register (台账) of the case list's filter (cursor and page aside): counted up to `cap` + 1
   * first, then, when within the cap, read in the list's order by keyset pages of `pageSize`.
   */
  register(
    filter: CaseListFilter,
    scope: ReadScope,
    options: { readonly cap: number; readonly pageSize?: number },
    now: Date = this.clock.now(),
  ): CaseRegister {
    const today = this.deadlines.today(now);
    const range = this.yellowRange(filter, today);
    const condition = caseListCondition(filter, scope, today, range);
    const db = this.db;
    const pageSize = options.pageSize ?? 500;
    const walk = gramWalk(db, filter, scope);
    if (walk) {
      // A one-gram search: counted from case_search's index, paged along it (as the list is).
      const total = countGramWalk(db, walk, options.cap);
      const overCap = total > options.cap;
      return {
        total,
        overCap,
        *pages() {
          if (!overCap)
            yield* registerPages(db, { sql: walk.where, params: walk.params }, pageSize, GRAM_ORDER);
        },
      };
    }
    const total = this.count(scope, condition, options.cap);
    const searching = Boolean(filter.q?.trim()) || filter.idNumber !== undefined;
    const paged =
      searching && total > this.denseSearchAbove
        ? caseListCondition(filter, scope, today, range, 'walk')
        : condition;
    const overCap = total > options.cap;
    return {
      total,
      overCap,
      *pages() {
        if (!overCap) yield* registerPages(db, paged, pageSize);
      },
    };
  }

  /** For a yellow filter: the due-date range holding that level. */
  private yellowRange(filter: CaseListFilter, today: string) {
    return filter.warning === 'yellow'
      ? this.deadlines.warningRange(['yellow'], today, this.stoppedClocks())
      : undefined;
  }

  /** The cases a list condition matches, counted up to `cap` + 1. */
  private count(
    scope: ReadScope,
    condition: { sql: string; params: Record<string, unknown> },
    cap: number,
  ): number {
    // A handling scope counts from its department's cases (CROSS JOIN keeps that the outer loop).
    const counted =
      scope.kind === 'handling'
        ? 'case_departments cd CROSS JOIN cases c ON c.k = cd.k WHERE cd.department = @scopeDepartment AND'
        : 'cases c WHERE';
    return this.db
      .prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM ${counted} ${condition.sql} LIMIT ${cap + 1})`)
      .pluck()
      .get(condition.params) as number;
  }

  /** One case; undefined when unknown; OutOfScopeError when it belongs to another hall or department. */
  summary(caseId: string, scope: ReadScope, now: Date = this.clock.now()): CaseSummary | undefined {
    const row = this.db
      .prepare(`${SELECT_CASE} WHERE c.k = (SELECT k FROM case_keys WHERE case_id = ?)`)
      .get(caseId) as CaseRow | undefined;
    if (!row) return undefined;
    const departments =
      scope.kind === 'handling'
        ? (this.db
            .prepare('SELECT department FROM case_departments WHERE k = ?')
            .pluck()
            .all(row.k) as string[])
        : undefined;
    if (!inScope(scope, { hall: row.hall, department: row.department, departments }))
      throw new OutOfScopeError('case', caseId);
    return this.toSummary(row, this.deadlines.today(now));
  }

  /** Like summary, by the human-readable case number. */
  summaryByNumber(
    caseNumber: string,
    scope: ReadScope,
    now: Date = this.clock.now(),
  ): CaseSummary | undefined {
    const id = this.db.prepare('SELECT case_id FROM cases WHERE case_number = ?').pluck().get(caseNumber) as
      string | undefined;
    return id === undefined ? undefined : this.summary(id, scope, now);
  }

  /**
   * Running cases near (yellow) or past (red) a limit, most urgent first (due date, green channel
   * first, case key); total counted to TOTAL_CAP. The limit is the decision's (the earlier of the
   * promised and statutory due dates) or, with `deadline: 'acceptance'`, the acceptance decision's
   * (Art. 32, for cases received or whose correction was handed in). A page walks that board's
   * due-date index from where the last one ended (`cursor`) and stops: the range holds only the
   * levels asked, so the rows read are the page's (ADR 11).
   */
  deadlineBoard(filter: DeadlineBoardFilter, scope: ReadScope, now: Date = this.clock.now()): DeadlinePage {
    if (filter.warning !== undefined && filter.warning !== 'yellow' && filter.warning !== 'red')
      throw new InvalidQueryError('warning', 'warning must be yellow or red');
    const deadline = filter.deadline ?? 'decision';
    if (deadline !== 'decision' && deadline !== 'acceptance')
      throw new InvalidQueryError('deadline', 'deadline must be decision or acceptance');
    const board = BOARDS[deadline];
    const { page, pageSize, offset } = cursorPageBounds(filter, 'cases');
    const today = this.deadlines.today(now);
    // A handling scope probes case_departments per board row (an IN list would gather every case
    // of the department and sort them).
    const s =
      scope.kind === 'handling'
        ? {
            sql: 'EXISTS (SELECT 1 FROM case_departments d WHERE d.department = @scopeDepartment AND d.k = c.k)',
            params: { scopeDepartment: scope.department },
          }
        : scopeCondition(scope, 'c.hall', 'c.department', 'c.k');
    const levels = filter.warning ? [filter.warning] : (['yellow', 'red'] as const);
    const range = this.deadlines.warningRange(levels, today, board.clockStops ? this.stoppedClocks() : null);
    const due = `c.${board.due}`;
    const where = [board.running, `${due} >= @dueFrom AND ${due} < @dueBefore`, s.sql];
    // Without a stopped clock the range is the levels exactly; with one, each row is tested too.
    if (board.clockStops) where.push(`(${levels.map((l) => DeadlineEvaluator.sql(l)).join(' OR ')})`);
    const params: Record<string, unknown> = {
      today,
      dueFrom: range.from,
      dueBefore: range.before,
      ...s.params,
    };
    for (const key of ['hall', 'department', 'item'] as const) {
      const value = filter[key];
      if (value === undefined) continue;
      // `+` keeps the item's index (every case of the item, in no useful order) out of the plan.
      where.push(`${key === 'item' ? '+c.item_code' : `c.${key}`} = @${key}`);
      params[key] = value;
    }
    const index = board.index(scope.kind === 'hall' || filter.hall !== undefined);
    const from = `cases c${index ? ` INDEXED BY ${index}` : ''}`;
    const condition = `WHERE ${where.join(' AND ')}`;
    const total = this.db
      .prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM ${from} ${condition} LIMIT ${TOTAL_CAP + 1})`)
      .pluck()
      .get(params) as number;
    let after = '';
    if (filter.cursor !== undefined) {
      const [at, green, k] = decodeCursor(filter.cursor, ['string', 'number', 'number']);
      // The index range starts at the cursor's due date; within it, green channel first, then k.
      after = `AND ${due} >= @afterDue AND (${due} > @afterDue OR c.green_channel < @afterGreen
        OR (c.green_channel = @afterGreen AND c.k > @afterK))`;
      Object.assign(params, { afterDue: at, afterGreen: green, afterK: k });
    }
    const rows = this.db
      .prepare(
        `${selectCase(from)} ${condition} ${after}
         ORDER BY ${due}, c.green_channel DESC, c.k LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: pageSize + 1, offset: filter.cursor === undefined ? offset : 0 }) as CaseRow[];
    const dueOf = (row: CaseRow): string => row[board.due] ?? '';
    return cursorPage(
      rows,
      total,
      { page, pageSize },
      (row) => this.boardItem(row, today, dueOf(row), deadline),
      (row) => [dueOf(row), row.green_channel, row.k],
    );
  }

  /** A board's line: on the acceptance board, the warning and days left are the acceptance decision's. */
  private boardItem(
    row: CaseRow,
    today: string,
    dueDate: string,
    deadline: BoardDeadline,
  ): DeadlineBoardItem {
    const item = this.listItem(row, today);
    if (deadline === 'decision') return { ...item, dueDate };
    const due = this.deadlines.status(today, dueDate);
    return { ...item, dueDate, warning: due.warning, workingDaysLeft: due.workingDaysLeft };
  }

  /** The first and last day a stopped clock stopped among pending cases (a small partial index). */
  private stoppedClocks(): { first: string; last: string } | null {
    const row = this.db
      .prepare(
        `SELECT MIN(clock_stopped_on) AS first, MAX(clock_stopped_on) AS last FROM cases
         WHERE decision_pending = 1 AND clock_stopped_on IS NOT NULL`,
      )
      .get() as { first: string | null; last: string | null };
    return row.first !== null && row.last !== null ? { first: row.first, last: row.last } : null;
  }

  private pending(row: CaseRow, today: string): DueStatus | null {
    return row.decision_pending === 1 && row.warning_due
      ? this.deadlines.status(today, row.warning_due, row.clock_stopped_on)
      : null;
  }

  private listItem(row: CaseRow, today: string): CaseListItem {
    const due = this.pending(row, today);
    return {
      caseId: row.case_id,
      caseNumber: row.case_number,
      hall: row.hall,
      itemCode: row.item_code,
      itemName: row.item_name,
      department: row.department,
      applicantName: row.applicant_name,
      channel: row.channel,
      greenChannel: row.green_channel === 1,
      status: row.status as CaseStatus,
      stage: row.status.split('.')[0] as CaseStage,
      currentStep: row.current_step,
      holderName: row.holder_name,
      receivedOn: row.received_on,
      receivedAt: row.received_at,
      acceptedOn: row.accepted_on,
      completedOn: row.completed_on,
      statutoryDueDate: row.statutory_due,
      promisedDueDate: row.promised_due,
      provisionalYears: row.provisional_years ? row.provisional_years.split(',').map(Number) : [],
      warning: due?.warning ?? 'none',
      workingDaysLeft: due?.workingDaysLeft ?? null,
      lastEventAt: row.last_event_at,
      revision: row.revision,
    };
  }

  private toSummary(row: CaseRow, today: string): CaseSummary {
    const stored = this.db.prepare('SELECT materials FROM case_materials WHERE k = ?').pluck().get(row.k) as
      string | undefined;
    const materials = stored ? (JSON.parse(stored) as MaterialStatus[]) : [];
    const pending = row.decision_pending === 1;
    const due = (date: string | null): DueStatus | null =>
      pending && date ? this.deadlines.status(today, date, row.clock_stopped_on) : null;
    return {
      ...this.listItem(row, today),
      guideVersion: row.guide_version,
      caseKind: row.case_kind,
      applicantKind: row.applicant_kind,
      correctionNoticeDueBy: row.accepted_on ? null : row.correction_notice_due_by,
      correctBy: row.correct_by,
      acceptanceKind: row.acceptance_kind as CaseSummary['acceptanceKind'],
      decisionPending: pending,
      dueDates: {
        statutory: due(row.statutory_due),
        promised: due(row.promised_due),
        acceptance:
          row.awaiting_acceptance === 1 && row.correction_notice_due_by
            ? this.deadlines.status(today, row.correction_notice_due_by)
            : null,
      },
      clockStopped: row.clock_stopped_on !== null,
      clockStoppedOn: row.clock_stopped_on,
      suspendedWorkingDays: row.suspended_days,
      extendedDays: row.extended_days,
      materials,
      openDeficiencies: materials.filter((m) => m.state === 'deficient'),
      supplyBy: row.supply_by,
      decision:
        row.decided_on && (row.outcome === 'approved' || row.outcome === 'denied')
          ? {
              outcome: row.outcome,
              decidedOn: row.decided_on,
              withinStatutoryLimit: row.within_statutory === 1,
              withinPromisedLimit: row.within_promised === 1,
              workingDaysUsed: row.working_days_used,
            }
          : null,
      outcome: row.outcome,
      resultDueBy: row.result_due_by,
      resultIssuedOn: row.result_issued_on,
      certificateNumber: row.certificate_number,
      dispatch:
        row.dispatch_method && row.dispatched_on
          ? {
              method: row.dispatch_method,
              trackingNumber: row.tracking_number,
              dispatchedOn: row.dispatched_on,
            }
          : null,
      refusedOn: row.refused_on,
      withdrawnOn: row.withdrawn_on,
      marks: {
        decisionWarning: limits(row.warned_limits),
        decisionOverdue: limits(row.overdue_limits),
        resultIssueOverdue: row.result_issue_overdue === 1,
        deficiencyOverdue: row.deficiency_overdue === 1,
      },
    };
  }
}

function limits(list: string): DecisionLimit[] {
  return list ? (list.split(',') as DecisionLimit[]) : [];
}
