import type { CaseEvent } from '@one-window/case';
import type { ProjectedCaseEvent } from '../projections/case-event.js';
import { CaseKeys } from '../projections/case-keys.js';
import { childNumber } from '../projections/child-number.js';
import { caseProjection } from '../projections/case-projection.js';
import { RowPatcher, type SqlValue } from '../projections/row-patcher.js';
import type { Projection } from '../runner/projection.js';

/** Task statuses as stored; the queues show `open` and `claimed`. */
export type TaskRowStatus = 'open' | 'claimed' | 'passed' | 'returned' | 'decided' | 'closed';

export const TASKS_SCHEMA = `
CREATE TABLE IF NOT EXISTS tasks (
  k INTEGER NOT NULL,
  n INTEGER NOT NULL,
  step TEXT NOT NULL,
  step_index INTEGER NOT NULL,
  label TEXT NOT NULL,
  department TEXT NOT NULL,
  role TEXT NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL,
  holder_user_id TEXT,
  holder_name TEXT,
  claimed_at TEXT,
  created_on TEXT NOT NULL,
  step_due TEXT NOT NULL,
  special_procedure INTEGER NOT NULL DEFAULT 0,
  supervised_on TEXT,
  closed_at TEXT,
  revision INTEGER NOT NULL,
  PRIMARY KEY (k, n)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tasks_queue ON tasks (department, role) WHERE status IN ('open', 'claimed');
CREATE INDEX IF NOT EXISTS tasks_holder ON tasks (holder_user_id) WHERE status IN ('open', 'claimed');
`;

/** The `tasks` read model: back-office tasks per department and role, with their holder. */
export function tasksProjection(): Projection {
  return caseProjection({
    name: 'tasks',
    // 2: supervised_on, the 督办 marker of the queues.
    version: 2,
    tables: ['tasks'],
    schema: TASKS_SCHEMA,
    bind: (db) => {
      const keys = CaseKeys.for(db);
      const rows = new RowPatcher(db, 'tasks', ['k', 'n']);
      const insert = db.prepare<SqlValue[]>(
        `INSERT INTO tasks (k, n, step, step_index, label, department, role, reason, status,
           created_on, step_due, revision)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      );
      type CaseChange = { k: number; revision: number };
      const closeActive = db.prepare<CaseChange & { at: string }>(
        `UPDATE tasks SET status = 'closed', closed_at = @at, holder_user_id = NULL, holder_name = NULL,
           revision = @revision
         WHERE k = @k AND status IN ('open', 'claimed') AND revision < @revision`,
      );
      const resume = db.prepare<CaseChange>(
        `UPDATE tasks SET special_procedure = 0, revision = @revision
         WHERE k = @k AND special_procedure = 1 AND revision < @revision`,
      );
      return (e: ProjectedCaseEvent) => {
        const k = keys.of(e);
        if (k === undefined) return;
        const event: CaseEvent = e.event;
        const task = (taskId: string): [number, number] => [k, childNumber(taskId, 't')];
        switch (event.type) {
          case 'case.TaskCreated': {
            const d = event.data;
            insert.run(
              k,
              d.n,
              d.step,
              d.stepIndex,
              d.label,
              d.department,
              d.role,
              d.reason,
              d.createdOn,
              d.stepDueDate,
              e.revision,
            );
            return;
          }
          case 'case.TaskClaimed':
            rows.patch(task(event.data.taskId), e.revision, {
              status: 'claimed',
              holder_user_id: event.data.holder.userId,
              holder_name: event.data.holder.name,
              claimed_at: event.data.claimedAt,
            });
            return;
          case 'case.TaskReleased':
            rows.patch(task(event.data.taskId), e.revision, {
              status: 'open',
              holder_user_id: null,
              holder_name: null,
              claimed_at: null,
            });
            return;
          case 'case.TaskPassed':
            rows.patch(task(event.data.taskId), e.revision, {
              status: 'passed',
              closed_at: event.data.passedAt,
            });
            return;
          case 'case.TaskReturned':
            rows.patch(task(event.data.taskId), e.revision, {
              status: 'returned',
              closed_at: event.data.returnedAt,
            });
            return;
          case 'case.Approved':
          case 'case.Denied':
            rows.patch(task(event.data.taskId), e.revision, { status: 'decided', closed_at: e.at });
            return;
          case 'case.SpecialProcedureStarted':
            rows.patch(task(event.data.taskId), e.revision, { special_procedure: 1 });
            return;
          case 'case.SupervisionNoticeSent':
            rows.patch(task(event.data.taskId), e.revision, { supervised_on: event.data.sentOn });
            return;
          case 'case.SpecialProcedureEnded':
            resume.run({ k, revision: e.revision });
            return;
          case 'case.DeadlinesRecalculated':
            for (const change of event.data.changes) {
              if (change.deadline === 'step' && change.taskId)
                rows.patch(task(change.taskId), e.revision, { step_due: change.to });
            }
            return;
          case 'case.Withdrawn':
          case 'case.CorrectionOverdue':
            closeActive.run({ k, revision: e.revision, at: e.at });
            return;
          case 'case.Received':
          case 'case.Accepted':
          case 'case.AcceptedWithDeficiency':
          case 'case.CorrectionRequested':
          case 'case.CorrectionSubmitted':
          case 'case.DeemedAccepted':
          case 'case.Refused':
          case 'case.DeficiencySupplied':
          case 'case.DeficiencyOverdue':
          case 'case.Extended':
          case 'case.ResultIssued':
          case 'case.Dispatched':
          case 'case.Delivered':
          case 'case.Rated':
          case 'case.ObligationOpened':
          case 'case.CallbackRecorded':
          case 'case.Rectified':
          case 'case.Explained':
          case 'case.DecisionWarning':
          case 'case.DecisionOverdue':
          case 'case.ResultIssueOverdue':
          case 'case.ObligationOverdue':
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
