import type { CaseEvent } from '@one-window/case';
import type { ProjectedCaseEvent } from '../projections/case-event.js';
import { caseProjection } from '../projections/case-projection.js';
import { RowPatcher } from '../projections/row-patcher.js';
import type { Projection } from '../runner/projection.js';

/** Task statuses as stored; the queues show `open` and `claimed`. */
export type TaskRowStatus = 'open' | 'claimed' | 'passed' | 'returned' | 'decided' | 'closed';

export const TASKS_SCHEMA = `
CREATE TABLE IF NOT EXISTS tasks (
  task_id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
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
  created_at TEXT NOT NULL,
  step_due TEXT NOT NULL,
  special_procedure INTEGER NOT NULL DEFAULT 0,
  closed_at TEXT,
  position INTEGER NOT NULL,
  revision INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS tasks_queue ON tasks (department, status, role);
CREATE INDEX IF NOT EXISTS tasks_holder ON tasks (holder_user_id, status);
CREATE INDEX IF NOT EXISTS tasks_case ON tasks (case_id);
`;

/** The `tasks` read model: back-office tasks per department and role, with their holder. */
export function tasksProjection(): Projection {
  return caseProjection({
    name: 'tasks',
    version: 1,
    tables: ['tasks'],
    schema: TASKS_SCHEMA,
    bind: (db) => {
      const rows = new RowPatcher(db, 'tasks', 'task_id');
      const insert = db.prepare(
        `INSERT INTO tasks (task_id, case_id, n, step, step_index, label, department, role, reason, status,
           created_on, created_at, step_due, position, revision)
         VALUES (@task_id, @case_id, @n, @step, @step_index, @label, @department, @role, @reason, 'open',
           @created_on, @created_at, @step_due, @position, @revision)
         ON CONFLICT(task_id) DO NOTHING`,
      );
      type CaseChange = { caseId: string; revision: number; position: number };
      const closeActive = db.prepare<CaseChange & { at: string }>(
        `UPDATE tasks SET status = 'closed', closed_at = @at, holder_user_id = NULL, holder_name = NULL,
           position = @position, revision = @revision
         WHERE case_id = @caseId AND status IN ('open', 'claimed') AND revision < @revision`,
      );
      const resume = db.prepare<CaseChange>(
        `UPDATE tasks SET special_procedure = 0, position = @position, revision = @revision
         WHERE case_id = @caseId AND special_procedure = 1 AND revision < @revision`,
      );
      return (e: ProjectedCaseEvent) => {
        const event: CaseEvent = e.event;
        const at = { position: e.position };
        switch (event.type) {
          case 'case.TaskCreated': {
            const d = event.data;
            insert.run({
              task_id: d.taskId,
              case_id: e.caseId,
              n: d.n,
              step: d.step,
              step_index: d.stepIndex,
              label: d.label,
              department: d.department,
              role: d.role,
              reason: d.reason,
              created_on: d.createdOn,
              created_at: e.at,
              step_due: d.stepDueDate,
              position: e.position,
              revision: e.revision,
            });
            return;
          }
          case 'case.TaskClaimed':
            rows.patch(event.data.taskId, e.revision, {
              ...at,
              status: 'claimed',
              holder_user_id: event.data.holder.userId,
              holder_name: event.data.holder.name,
              claimed_at: event.data.claimedAt,
            });
            return;
          case 'case.TaskReleased':
            rows.patch(event.data.taskId, e.revision, {
              ...at,
              status: 'open',
              holder_user_id: null,
              holder_name: null,
              claimed_at: null,
            });
            return;
          case 'case.TaskPassed':
            rows.patch(event.data.taskId, e.revision, {
              ...at,
              status: 'passed',
              closed_at: event.data.passedAt,
            });
            return;
          case 'case.TaskReturned':
            rows.patch(event.data.taskId, e.revision, {
              ...at,
              status: 'returned',
              closed_at: event.data.returnedAt,
            });
            return;
          case 'case.Approved':
          case 'case.Denied':
            rows.patch(event.data.taskId, e.revision, { ...at, status: 'decided', closed_at: e.at });
            return;
          case 'case.SpecialProcedureStarted':
            rows.patch(event.data.taskId, e.revision, { ...at, special_procedure: 1 });
            return;
          case 'case.SpecialProcedureEnded':
            resume.run({ caseId: e.caseId, revision: e.revision, position: e.position });
            return;
          case 'case.Withdrawn':
          case 'case.CorrectionOverdue':
            closeActive.run({ caseId: e.caseId, revision: e.revision, position: e.position, at: e.at });
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
