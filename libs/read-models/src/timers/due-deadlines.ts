import { chinaDate, chinaDayEnd } from '@one-window/calendar';
import type { DecisionLimit } from '@one-window/case';
import type { ReadModelDb } from '../database/read-model-database.js';
import { awaitingAcceptance, awaitingCorrection, awaitingResult } from '../cases/cases.schema.js';
import { type CalendarSource, currentCalendar } from '../queries/deadline-evaluator.js';
import { timerCommand } from './timer-command.js';
import type { DueTimer, TimerKind } from './timer-types.js';
import { warningStart } from './warning-start.js';

interface DatedRow {
  case_id: string;
  due: string;
}
interface DecisionRow {
  case_id: string;
  statutory_due: string;
  promised_due: string;
  warned_limits: string;
  overdue_limits: string;
}
interface ProvisionalRow {
  case_id: string;
  provisional_years: string;
}
interface ObligationRow {
  case_id: string;
  obligation_id: string;
  due: string;
  due_ms: number;
}

const LIMITS: readonly DecisionLimit[] = ['promised', 'statutory'];

/**
 * Every legal deadline is already data in a read-model row — the correction-notice date, the
 * correction and supply deadlines, the decision due dates, the result-issue date, a bad rating's
 * callback and rectification times — next to the mark or status that says it was met. This finds
 * the ones that have passed (or, for warnings, come near) and are still unmarked, each through a
 * partial index that holds only open deadlines.
 */
export class DueDeadlines {
  private readonly notice;
  private readonly correction;
  private readonly supply;
  private readonly decisions;
  private readonly result;
  private readonly callback;
  private readonly rectification;
  private readonly provisional;
  private readonly warnings = new WeakMap<object, Map<string, Date>>();

  constructor(
    db: ReadModelDb,
    private readonly calendar: CalendarSource,
    private readonly warningWorkingDays: number,
  ) {
    const dated = (sql: string) =>
      db.prepare<{ today: string; limit: number }, DatedRow>(`${sql} ORDER BY due LIMIT @limit`);
    // INDEXED BY here and below: for a status condition the planner took cases_status and sorted
    // every case in that status; each partial index holds them in due order, the late ones first.
    this.notice = dated(
      `SELECT case_id, correction_notice_due_by AS due FROM cases INDEXED BY cases_acceptance_board
       WHERE ${awaitingAcceptance()} AND correction_notice_due_by < @today`,
    );
    this.correction = dated(
      `SELECT case_id, correct_by AS due FROM cases INDEXED BY cases_correction_due
       WHERE ${awaitingCorrection()} AND correct_by < @today`,
    );
    this.supply = dated(
      `SELECT case_id, supply_by AS due FROM cases
       WHERE deficiency_overdue = 0 AND closed_on IS NULL AND supply_by < @today`,
    );
    this.result = dated(
      `SELECT case_id, result_due_by AS due FROM cases INDEXED BY cases_result_due
       WHERE ${awaitingResult()} AND result_issue_overdue = 0 AND result_due_by < @today`,
    );
    this.decisions = db.prepare<{ yellowBefore: string; limit: number }, DecisionRow>(
      `SELECT case_id, statutory_due, promised_due, warned_limits, overdue_limits FROM cases
       WHERE decision_pending = 1 AND warning_due < @yellowBefore AND clock_stopped_on IS NULL
       ORDER BY warning_due LIMIT @limit`,
    );
    // Open cases with a guessed year the calendar now covers (ADR 12). INDEXED BY: for its ORDER
    // BY k the planner scanned every case instead (~60-100 ms of the event loop every tick at
    // 100k cases, ADR 11); the partial index holds only the open provisional cases.
    this.provisional = db.prepare<{ years: string; limit: number }, ProvisionalRow>(
      `SELECT case_id, provisional_years FROM cases INDEXED BY cases_provisional
       WHERE provisional_years <> '' AND closed_on IS NULL
         AND EXISTS (SELECT 1 FROM json_each(@years) y
                     WHERE instr(',' || provisional_years || ',', ',' || y.value || ',') > 0)
       ORDER BY k LIMIT @limit`,
    );
    this.callback = db.prepare<{ now: number; limit: number }, ObligationRow>(
      `SELECT case_id, obligation_id, callback_due_at AS due, callback_due_ms AS due_ms FROM obligations
       WHERE outcome IS NULL AND called_back_at IS NULL AND callback_overdue_marked = 0 AND callback_due_ms < @now
       ORDER BY callback_due_ms LIMIT @limit`,
    );
    this.rectification = db.prepare<{ now: number; limit: number }, ObligationRow>(
      `SELECT case_id, obligation_id, rectify_due_by AS due, rectify_due_ms AS due_ms FROM obligations
       WHERE outcome IS NULL AND rectification_overdue_marked = 0 AND rectify_due_ms <= @now
       ORDER BY rectify_due_ms LIMIT @limit`,
    );
  }

  /** Deadlines due at `now` (at most `limit` of each kind), oldest first. */
  find(now: Date, limit: number): DueTimer[] {
    const today = chinaDate(now);
    const found: DueTimer[] = [];
    const dated = (kind: TimerKind, rows: DatedRow[]) => {
      for (const row of rows) found.push(timer(kind, row.case_id, '', row.due, chinaDayEnd(row.due)));
    };
    dated('deemed-acceptance', this.notice.all({ today, limit }));
    dated('correction-overdue', this.correction.all({ today, limit }));
    dated('deficiency-overdue', this.supply.all({ today, limit }));
    dated('result-issue-overdue', this.result.all({ today, limit }));
    const calendar = currentCalendar(this.calendar);
    const yellowBefore = calendar.addWorkingDays(today, this.warningWorkingDays + 1, {
      provisional: true,
    }).value;
    for (const row of this.decisions.all({ yellowBefore, limit })) {
      for (const limitName of LIMITS) {
        const due = limitName === 'promised' ? row.promised_due : row.statutory_due;
        if (due < today) {
          if (!row.overdue_limits.split(',').includes(limitName))
            found.push(timer('decision-overdue', row.case_id, limitName, due, chinaDayEnd(due)));
        } else if (due < yellowBefore && !row.warned_limits.split(',').includes(limitName)) {
          found.push(timer('decision-warning', row.case_id, limitName, due, this.warningAt(due)));
        }
      }
    }
    const ms = now.getTime();
    const years = calendar.coverage().years.filter((year) => year >= Number(today.slice(0, 4)) - 1);
    for (const row of this.provisional.all({ years: JSON.stringify(years), limit })) {
      const loaded = row.provisional_years.split(',').filter((year) => years.includes(Number(year)));
      found.push(timer('deadlines-recalculation', row.case_id, '', loaded.join(','), now));
    }
    for (const row of this.callback.all({ now: ms, limit }))
      found.push(
        timer('callback-overdue', row.case_id, row.obligation_id, row.due, new Date(row.due_ms + 1)),
      );
    for (const row of this.rectification.all({ now: ms, limit }))
      found.push(
        timer('rectification-overdue', row.case_id, row.obligation_id, row.due, new Date(row.due_ms)),
      );
    return found.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.timerId.localeCompare(b.timerId));
  }

  /** Memoised per calendar: loading a year builds a new calendar, and the answers may change. */
  private warningAt(due: string): Date {
    const calendar = currentCalendar(this.calendar);
    let memo = this.warnings.get(calendar);
    if (!memo) this.warnings.set(calendar, (memo = new Map<string, Date>()));
    let at = memo.get(due);
    if (!at) memo.set(due, (at = warningStart(calendar, due, this.warningWorkingDays)));
    return at;
  }
}

/** A deadline is named by what it is about and when it falls due: every instance derives the same id. */
function timer(kind: TimerKind, caseId: string, subject: string, due: string, dueAt: Date): DueTimer {
  return {
    timerId: `${kind}:${caseId}${subject ? `:${subject}` : ''}:${due}`,
    kind,
    caseId,
    dueAt,
    command: timerCommand(kind, caseId, subject),
  };
}
