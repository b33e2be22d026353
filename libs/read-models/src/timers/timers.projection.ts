import { chinaDayEnd } from '@one-window/calendar';
import type { CaseEvent, DecisionLimit } from '@one-window/case';
import type { ProjectedCaseEvent } from '../projections/case-event.js';
import { caseProjection } from '../projections/case-projection.js';
import { type CalendarSource, currentCalendar } from '../queries/deadline-evaluator.js';
import type { Projection } from '../runner/projection.js';
import type { TimerCaseCommand, TimerKind } from './timer-types.js';
import { warningStart } from './warning-start.js';

export const TIMERS_SCHEMA = `
CREATE TABLE IF NOT EXISTS timers (
  timer_id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  due_ms INTEGER NOT NULL,
  status TEXT NOT NULL,
  command TEXT NOT NULL,
  position INTEGER NOT NULL,
  revision INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS timers_due ON timers (status, due_ms);
CREATE INDEX IF NOT EXISTS timers_case ON timers (case_id, status);
`;

export type TimerStatus = 'pending' | 'fired' | 'cancelled';

const DECISION: readonly TimerKind[] = ['decision-warning', 'decision-overdue'];
const FRONT: readonly TimerKind[] = ['deemed-acceptance', 'correction-overdue'];
/** Everything a withdrawal or refusal ends; a bad rating's review outlives the case. */
const CASE_BOUND: readonly TimerKind[] = [
  ...FRONT,
  ...DECISION,
  'deficiency-overdue',
  'result-issue-overdue',
];

/**
 * The `timers` read model: every legal deadline a case's events set, as data the scheduler
 * fires. Events arm timers (their id carries the arming revision, so re-arming never collides
 * with a timer that already fired) and later events cancel them or mark them fired.
 */
export function timersProjection(calendar: CalendarSource, warningWorkingDays: number): Projection {
  return caseProjection({
    name: 'timers',
    version: 1,
    tables: ['timers'],
    schema: TIMERS_SCHEMA,
    bind: (db) => {
      const insert = db.prepare<[string, string, string, string, number, string, number, number]>(
        `INSERT INTO timers (timer_id, case_id, kind, subject, due_ms, status, command, position, revision)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT(timer_id) DO NOTHING`,
      );
      const settleStatements = new Map<string, ReturnType<typeof db.prepare>>();
      const settle = (
        e: ProjectedCaseEvent,
        status: TimerStatus,
        kinds: readonly TimerKind[],
        subject?: string,
      ): void => {
        const key = `${kinds.join(',')}|${subject === undefined ? '' : 's'}`;
        let statement = settleStatements.get(key);
        if (!statement) {
          statement = db.prepare(
            `UPDATE timers SET status = @status, position = @position, revision = @revision
             WHERE case_id = @case_id AND status = 'pending' AND revision < @revision
               AND kind IN (${kinds.map((k) => `'${k}'`).join(', ')})${subject === undefined ? '' : ' AND subject = @subject'}`,
          );
          settleStatements.set(key, statement);
        }
        statement.run({
          status,
          position: e.position,
          revision: e.revision,
          case_id: e.caseId,
          ...(subject === undefined ? {} : { subject }),
        });
      };
      const arm = (
        e: ProjectedCaseEvent,
        kind: TimerKind,
        subject: string,
        due: Date,
        command: TimerCaseCommand,
      ): void => {
        const id = `${kind}:${e.caseId}${subject ? `:${subject}` : ''}:r${e.revision}`;
        insert.run(
          id,
          e.caseId,
          kind,
          subject,
          due.getTime(),
          JSON.stringify(command),
          e.position,
          e.revision,
        );
      };
      const armDecision = (e: ProjectedCaseEvent, limit: DecisionLimit, due: string): void => {
        const caseId = e.caseId;
        arm(e, 'decision-warning', limit, warningStart(currentCalendar(calendar), due, warningWorkingDays), {
          type: 'MarkDecisionWarning',
          caseId,
          limit,
        });
        arm(e, 'decision-overdue', limit, chinaDayEnd(due), { type: 'MarkDecisionOverdue', caseId, limit });
      };
      const afterDay = (date: string): Date => chinaDayEnd(date);

      return (e: ProjectedCaseEvent) => {
        const event: CaseEvent = e.event;
        const caseId = e.caseId;
        switch (event.type) {
          case 'case.Received':
            arm(e, 'deemed-acceptance', '', afterDay(event.data.correctionNoticeDueBy), {
              type: 'DeemAccepted',
              caseId,
            });
            return;
          case 'case.Accepted':
          case 'case.DeemedAccepted':
          case 'case.AcceptedWithDeficiency':
            settle(e, event.type === 'case.DeemedAccepted' ? 'fired' : 'cancelled', ['deemed-acceptance']);
            armDecision(e, 'statutory', event.data.statutoryDueDate);
            armDecision(e, 'promised', event.data.promisedDueDate);
            if (event.type === 'case.AcceptedWithDeficiency')
              arm(e, 'deficiency-overdue', '', afterDay(event.data.supplyBy), {
                type: 'MarkDeficiencyOverdue',
                caseId,
              });
            return;
          case 'case.CorrectionRequested':
            settle(e, 'cancelled', ['deemed-acceptance']);
            arm(e, 'correction-overdue', '', afterDay(event.data.correctBy), {
              type: 'MarkCorrectionOverdue',
              caseId,
            });
            return;
          case 'case.CorrectionSubmitted':
            settle(e, 'cancelled', ['correction-overdue']);
            if (event.data.decideBy)
              arm(e, 'deemed-acceptance', '', afterDay(event.data.decideBy), {
                type: 'DeemAccepted',
                caseId,
              });
            return;
          case 'case.CorrectionOverdue':
            settle(e, 'fired', ['correction-overdue']);
            settle(e, 'cancelled', CASE_BOUND);
            return;
          case 'case.Refused':
          case 'case.Withdrawn':
            settle(e, 'cancelled', CASE_BOUND);
            return;
          case 'case.DeficiencySupplied':
            if (event.data.remaining.length === 0) settle(e, 'cancelled', ['deficiency-overdue']);
            return;
          case 'case.DeficiencyOverdue':
            settle(e, 'fired', ['deficiency-overdue']);
            return;
          case 'case.SpecialProcedureStarted':
            settle(e, 'cancelled', DECISION);
            return;
          case 'case.SpecialProcedureEnded':
            armDecision(e, 'statutory', event.data.statutoryDueDate);
            armDecision(e, 'promised', event.data.promisedDueDate);
            return;
          case 'case.Extended':
            settle(e, 'cancelled', DECISION, 'statutory');
            armDecision(e, 'statutory', event.data.statutoryDueDate);
            return;
          case 'case.Approved':
            settle(e, 'cancelled', DECISION);
            arm(e, 'result-issue-overdue', '', afterDay(event.data.resultDueBy), {
              type: 'MarkResultIssueOverdue',
              caseId,
            });
            return;
          case 'case.Denied':
            settle(e, 'cancelled', DECISION);
            return;
          case 'case.ResultIssued':
            settle(e, 'cancelled', ['result-issue-overdue']);
            return;
          case 'case.ResultIssueOverdue':
            settle(e, 'fired', ['result-issue-overdue']);
            return;
          case 'case.DecisionWarning':
            settle(e, 'fired', ['decision-warning'], event.data.limit);
            return;
          case 'case.DecisionOverdue':
            settle(e, 'fired', ['decision-overdue'], event.data.limit);
            return;
          case 'case.ObligationOpened': {
            const obligationId = event.data.obligationId;
            // "Within 48 hours": late only once the instant has passed.
            arm(e, 'callback-overdue', obligationId, new Date(Date.parse(event.data.callbackDueAt) + 1), {
              type: 'MarkObligationOverdue',
              obligationId,
              deadline: 'callback',
            });
            arm(e, 'rectification-overdue', obligationId, afterDay(event.data.rectifyDueBy), {
              type: 'MarkObligationOverdue',
              obligationId,
              deadline: 'rectification',
            });
            return;
          }
          case 'case.CallbackRecorded':
            settle(e, 'cancelled', ['callback-overdue'], event.data.obligationId);
            return;
          case 'case.Rectified':
          case 'case.Explained':
            settle(e, 'cancelled', ['callback-overdue', 'rectification-overdue'], event.data.obligationId);
            return;
          case 'case.ObligationOverdue':
            settle(
              e,
              'fired',
              [event.data.deadline === 'callback' ? 'callback-overdue' : 'rectification-overdue'],
              event.data.obligationId,
            );
            return;
          case 'case.TaskCreated':
          case 'case.TaskClaimed':
          case 'case.TaskReleased':
          case 'case.TaskPassed':
          case 'case.TaskReturned':
          case 'case.Dispatched':
          case 'case.Delivered':
          case 'case.Rated':
            return;
          default: {
            const unknown: never = event;
            return unknown;
          }
        }
      };
    },
  });
}
