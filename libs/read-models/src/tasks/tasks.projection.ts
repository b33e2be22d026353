import { type CaseEvent, type DeadlineChange, sliceOfEvent } from '@one-window/case';
import type { ProjectedCaseEvent } from '../projections/case-event.js';
import { CaseKeys } from '../projections/case-keys.js';
import { ChildRows, childNumber } from '../projections/child-number.js';
import { caseProjection } from '../projections/case-projection.js';
import type { Patch, SqlValue } from '../projections/row-patcher.js';
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
  -- The command slices' marks (a slice's taskMark): {mark: the day of its last event} (ADR 0010).
  marks TEXT NOT NULL DEFAULT '{}',
  closed_at TEXT,
  -- The queue's order, kept on the row so an index serves it: 0 for a green-channel case, else 1;
  -- the case's warning due date ('~' before it has one, which sorts after every date).
  rank_green INTEGER NOT NULL DEFAULT 1,
  rank_due TEXT NOT NULL DEFAULT '~',
  -- What the queue's filters and its other order read, copied from the case (task_cases) so that
  -- an index within the department serves each: the item, when the case was received, its open
  -- 容缺 deficiency and its extension (延期).
  item_code TEXT NOT NULL DEFAULT '',
  received_at TEXT NOT NULL DEFAULT '',
  deficiency INTEGER NOT NULL DEFAULT 0,
  extended INTEGER NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL,
  PRIMARY KEY (k, n)
) WITHOUT ROWID;
-- A queue page walks one of these in its order and stops (ADR 11): green channel first, then the
-- step's own due date (环节时限, the default), or the day the case was received (oldest first).
-- Each filter has its index within the department and role; a search starts from the case's keys.
CREATE INDEX IF NOT EXISTS tasks_step_due ON tasks (department, role, rank_green, step_due)
  WHERE status IN ('open', 'claimed');
CREATE INDEX IF NOT EXISTS tasks_received ON tasks (department, role, received_at)
  WHERE status IN ('open', 'claimed');
CREATE INDEX IF NOT EXISTS tasks_item ON tasks (department, role, item_code, rank_green, step_due)
  WHERE status IN ('open', 'claimed');
CREATE INDEX IF NOT EXISTS tasks_step ON tasks (department, role, step, rank_green, step_due)
  WHERE status IN ('open', 'claimed');
CREATE INDEX IF NOT EXISTS tasks_deficiency ON tasks (department, role, rank_green, step_due)
  WHERE status IN ('open', 'claimed') AND deficiency = 1;
CREATE INDEX IF NOT EXISTS tasks_extended ON tasks (department, role, rank_green, step_due)
  WHERE status IN ('open', 'claimed') AND extended = 1;
CREATE INDEX IF NOT EXISTS tasks_holder ON tasks (holder_user_id, rank_green, step_due)
  WHERE status IN ('open', 'claimed');
-- A queue's total and /metrics' open tasks by department: covering counts (role and status in
-- the index), no row read. Replaces tasks_open_department (department, status), which made the
-- queue's count read every open task of the department to test its role (ADR 11).
DROP INDEX IF EXISTS tasks_open_department;
CREATE INDEX IF NOT EXISTS tasks_open_count ON tasks (department, role, status)
  WHERE status IN ('open', 'claimed');
-- What the queue's order needs from the case: its green channel and due dates, as the cases
-- projection derives warning_due from the same events (see caseDue).
CREATE TABLE IF NOT EXISTS task_cases (
  k INTEGER PRIMARY KEY,
  green_channel INTEGER NOT NULL,
  statutory_due TEXT,
  promised_due TEXT,
  item_code TEXT NOT NULL DEFAULT '',
  received_at TEXT NOT NULL DEFAULT '',
  deficiency INTEGER NOT NULL DEFAULT 0,
  extended INTEGER NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL
);
`;

interface DueDates {
  statutory_due: string | null;
  promised_due: string | null;
}

/** New due dates, and the warning due date when it moves (undefined: it stays). */
interface DueChange {
  readonly dates: DueDates;
  readonly warningDue?: string;
}

/** The warning due date from the stored due dates, in SQL (as rank_due at a task's creation). */
const DUE_SQL = `CASE WHEN statutory_due IS NULL OR promised_due IS NULL THEN COALESCE(statutory_due, promised_due)
  WHEN statutory_due < promised_due THEN statutory_due ELSE promised_due END`;

/**
 * The case's warning due date as the cases projection derives it (cases.projection.ts): the
 * earlier of the statutory and promised due dates on acceptance and when a special procedure
 * ends; on an extension the earlier of the promised and the new statutory; on a recalculation
 * only when the statutory date moved. The equivalence test compares the queue with the case rows.
 */
function newDues(statutory: string, promised: string): DueChange {
  return {
    dates: { statutory_due: statutory, promised_due: promised },
    warningDue: minDate(statutory, promised),
  };
}

function recalculatedDues(had: DueDates, changes: readonly DeadlineChange[]): DueChange {
  let statutory: string | undefined;
  let promised: string | undefined;
  for (const change of changes) {
    if (change.deadline === 'statutory') statutory = change.to;
    if (change.deadline === 'promised') promised = change.to;
  }
  const dates = { statutory_due: statutory ?? had.statutory_due, promised_due: promised ?? had.promised_due };
  return statutory && dates.promised_due
    ? { dates, warningDue: minDate(statutory, dates.promised_due) }
    : { dates };
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** The `tasks` read model: back-office tasks per department and role, with their holder. */
export function tasksProjection(): Projection {
  return caseProjection({
    name: 'tasks',
    // 2: supervised_on, the 督办 marker of the queues.
    // 3: rank_green, rank_due and task_cases: the queue's order by index (ADR 11).
    // 4: a special procedure's end clears the task's mark again (v3 left it set).
    // 5: item, received date, 容缺 and 延期 on the row, the step due date's order: the queue's filters.
    // 6: marks, the command slices' task marks (replacing supervised_on).
    version: 6,
    tables: ['tasks', 'task_cases'],
    schema: TASKS_SCHEMA,
    bind: (db) => {
      const keys = CaseKeys.for(db);
      const rows = new ChildRows(db, 'tasks', 't');
      const insert = db.prepare<Record<string, SqlValue>>(
        `INSERT INTO tasks (k, n, step, step_index, label, department, role, reason, status,
           created_on, step_due, revision, rank_green, rank_due, item_code, received_at, deficiency, extended)
         SELECT @k, @n, @step, @stepIndex, @label, @department, @role, @reason, 'open', @createdOn,
           @stepDue, @revision,
           COALESCE(c.green, 1), COALESCE(c.due, '~'), COALESCE(c.item_code, ''), COALESCE(c.received_at, ''),
           COALESCE(c.deficiency, 0), COALESCE(c.extended, 0)
         FROM (SELECT 1) LEFT JOIN (SELECT 1 - green_channel AS green, ${DUE_SQL} AS due, item_code, received_at,
           deficiency, extended FROM task_cases WHERE k = @k) c
         WHERE true
         ON CONFLICT DO NOTHING`,
      );
      const insertCase = db.prepare<[number, number, string, string, number]>(
        `INSERT INTO task_cases (k, green_channel, item_code, received_at, revision) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(k) DO NOTHING`,
      );
      type Flag = 'deficiency' | 'extended';
      const flagStatements = (flag: Flag) => ({
        onCase: db.prepare<{ k: number; revision: number; value: number }>(
          `UPDATE task_cases SET ${flag} = @value, revision = @revision WHERE k = @k AND revision <= @revision`,
        ),
        onTasks: db.prepare<{ k: number; revision: number; value: number }>(
          `UPDATE tasks SET ${flag} = @value, revision = @revision
           WHERE k = @k AND status IN ('open', 'claimed') AND revision <= @revision`,
        ),
      });
      const flags = { deficiency: flagStatements('deficiency'), extended: flagStatements('extended') };
      /** A marker of the case (容缺, 延期) on the case and its open tasks; after `dues`, which checks the revision first. */
      const mark = (e: ProjectedCaseEvent, k: number, flag: Flag, value: boolean): void => {
        const args = { k, revision: e.revision, value: value ? 1 : 0 };
        flags[flag].onCase.run(args);
        flags[flag].onTasks.run(args);
      };
      const selectCase = db.prepare<[number], DueDates & { revision: number }>(
        'SELECT statutory_due, promised_due, revision FROM task_cases WHERE k = ?',
      );
      const setDues = db.prepare<DueDates & { k: number; revision: number }>(
        `UPDATE task_cases SET statutory_due = @statutory_due, promised_due = @promised_due, revision = @revision
         WHERE k = @k AND revision < @revision`,
      );
      // `<=`: the same event may already have touched the task (resume); the rank is a value, so
      // setting it again changes nothing, and an older event still cannot overwrite a newer one.
      const rankActive = db.prepare<{ k: number; revision: number; due: string }>(
        `UPDATE tasks SET rank_due = @due, revision = @revision
         WHERE k = @k AND status IN ('open', 'claimed') AND revision <= @revision`,
      );
      /** The case's due dates change: kept, and the open tasks re-ranked when its warning due date moves. */
      const dues = (
        e: ProjectedCaseEvent,
        k: number,
        change: (had: DueDates) => DueChange | undefined,
      ): void => {
        const had = selectCase.get(k);
        if (!had || had.revision >= e.revision) return;
        const next = change(had);
        if (!next) return;
        setDues.run({ ...next.dates, k, revision: e.revision });
        if (next.warningDue !== undefined) rankActive.run({ k, revision: e.revision, due: next.warningDue });
      };
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
      const setMark = db.prepare<{ k: number; n: number; revision: number; path: string; day: string }>(
        `UPDATE tasks SET marks = json_set(marks, @path, @day), revision = @revision
         WHERE k = @k AND n = @n AND revision < @revision`,
      );
      return (e: ProjectedCaseEvent) => {
        const k = keys.of(e);
        if (k === undefined) return;
        const event: CaseEvent = e.event;
        switch (event.type) {
          case 'case.Received':
            insertCase.run(
              k,
              event.data.greenChannel ? 1 : 0,
              event.data.itemCode,
              event.data.receivedAt,
              e.revision,
            );
            return;
          case 'case.Accepted':
          case 'case.DeemedAccepted':
          case 'case.AcceptedWithDeficiency':
          case 'case.SpecialProcedureEnded': {
            const d = event.data;
            if (event.type === 'case.SpecialProcedureEnded') resume.run({ k, revision: e.revision });
            dues(e, k, () => newDues(d.statutoryDueDate, d.promisedDueDate));
            if (event.type === 'case.AcceptedWithDeficiency')
              mark(e, k, 'deficiency', event.data.missing.length > 0);
            return;
          }
          case 'case.Extended': {
            const statutory = event.data.statutoryDueDate;
            dues(e, k, (had) => ({
              dates: { statutory_due: statutory, promised_due: had.promised_due },
              warningDue: had.promised_due ? minDate(had.promised_due, statutory) : statutory,
            }));
            mark(e, k, 'extended', true);
            return;
          }
          case 'case.TaskCreated': {
            const d = event.data;
            insert.run({
              k,
              n: d.n,
              step: d.step,
              stepIndex: d.stepIndex,
              label: d.label,
              department: d.department,
              role: d.role,
              reason: d.reason,
              createdOn: d.createdOn,
              stepDue: d.stepDueDate,
              revision: e.revision,
            });
            return;
          }
          case 'case.TaskClaimed':
            rows.patch(k, event.data.taskId, e.revision, claimedBy(event.data.holder, event.data.claimedAt));
            return;
          case 'case.TaskReassigned':
            // 转办: the task is claimed by the person it was handed to.
            rows.patch(k, event.data.taskId, e.revision, claimedBy(event.data.to, event.data.reassignedAt));
            return;
          case 'case.TaskReleased':
            rows.patch(k, event.data.taskId, e.revision, {
              status: 'open',
              holder_user_id: null,
              holder_name: null,
              claimed_at: null,
            });
            return;
          case 'case.TaskPassed':
            rows.patch(k, event.data.taskId, e.revision, {
              status: 'passed',
              closed_at: event.data.passedAt,
            });
            return;
          case 'case.TaskReturned':
            rows.patch(k, event.data.taskId, e.revision, {
              status: 'returned',
              closed_at: event.data.returnedAt,
            });
            return;
          case 'case.Approved':
          case 'case.Denied':
            rows.patch(k, event.data.taskId, e.revision, { status: 'decided', closed_at: e.at });
            return;
          case 'case.SpecialProcedureStarted':
            rows.patch(k, event.data.taskId, e.revision, { special_procedure: 1 });
            return;
          case 'case.DeadlinesRecalculated': {
            const changes = event.data.changes;
            // Step dates first: the re-ranking below stamps the open tasks with this revision.
            for (const change of changes) {
              if (change.deadline === 'step' && change.taskId)
                rows.patch(k, change.taskId, e.revision, { step_due: change.to });
            }
            dues(e, k, (had) => recalculatedDues(had, changes));
            return;
          }
          case 'case.Withdrawn':
          case 'case.CorrectionOverdue':
            closeActive.run({ k, revision: e.revision, at: e.at });
            return;
          case 'case.DeficiencySupplied':
            if (event.data.remaining.length === 0) mark(e, k, 'deficiency', false);
            return;
          case 'case.CorrectionRequested':
          case 'case.CorrectionSubmitted':
          case 'case.Refused':
          case 'case.DeficiencyOverdue':
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
            // An event type this read model does not name (a command slice's, ADR 0010): its task mark.
            const mark = sliceOfEvent(event.type)?.taskMark;
            if (!mark) return;
            const { taskId, day } = mark.on(event);
            setMark.run({
              k,
              n: childNumber(taskId, 't'),
              revision: e.revision,
              path: `$.${mark.name}`,
              day,
            });
            return;
          }
        }
      };
    },
  });
}

/** The row of a task a person holds from `at`. */
function claimedBy(holder: { readonly userId: string; readonly name: string }, at: string): Patch {
  return { status: 'claimed', holder_user_id: holder.userId, holder_name: holder.name, claimed_at: at };
}
