import { chinaDayEnd } from '@one-window/calendar';
import type { CaseEvent } from '@one-window/case';
import type { ProjectedCaseEvent } from '../projections/case-event.js';
import { CaseKeys } from '../projections/case-keys.js';
import { ChildRows } from '../projections/child-number.js';
import { caseProjection } from '../projections/case-projection.js';
import type { Patch } from '../projections/row-patcher.js';
import type { Projection } from '../runner/projection.js';

/** The obligation list's order as an index expression (the query says the same over `o.`). */
export const OBLIGATION_ORDER =
  'outcome IS NOT NULL, MIN(CASE WHEN called_back_at IS NULL THEN callback_due_ms ELSE rectify_due_ms END, rectify_due_ms), obligation_id';
const ORDER = OBLIGATION_ORDER;

export const OBLIGATIONS_SCHEMA = `
CREATE TABLE IF NOT EXISTS obligations (
  k INTEGER NOT NULL,
  n INTEGER NOT NULL,
  obligation_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  rating_n INTEGER NOT NULL,
  hall TEXT NOT NULL,
  department TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  callback_due_at TEXT NOT NULL,
  callback_due_ms INTEGER NOT NULL,
  rectify_due_by TEXT NOT NULL,
  rectify_due_ms INTEGER NOT NULL,
  called_back_at TEXT,
  callback_verified INTEGER,
  callback_notes TEXT,
  callback_late INTEGER,
  outcome TEXT,
  outcome_text TEXT,
  closed_at TEXT,
  closed_late INTEGER,
  callback_overdue_marked INTEGER NOT NULL DEFAULT 0,
  rectification_overdue_marked INTEGER NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL,
  PRIMARY KEY (k, n)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS obligations_open ON obligations (outcome, rectify_due_ms);
-- The list's order (open first, the nearest due first), alone and within the hall and department
-- scopes: the expression is the list's ORDER BY, written the same so SQLite reads the index in order.
CREATE INDEX IF NOT EXISTS obligations_order ON obligations (${ORDER});
CREATE INDEX IF NOT EXISTS obligations_hall_order ON obligations (hall, ${ORDER});
CREATE INDEX IF NOT EXISTS obligations_department_order ON obligations (department, ${ORDER});
CREATE INDEX IF NOT EXISTS obligations_id ON obligations (obligation_id);
CREATE INDEX IF NOT EXISTS obligations_callback_due ON obligations (callback_due_ms)
  WHERE outcome IS NULL AND called_back_at IS NULL AND callback_overdue_marked = 0;
CREATE INDEX IF NOT EXISTS obligations_rectify_due ON obligations (rectify_due_ms)
  WHERE outcome IS NULL AND rectification_overdue_marked = 0;
`;

/** The `obligations` read model: each bad rating's review (Art. 36) with its due times and outcome. */
export function obligationsProjection(): Projection {
  return caseProjection({
    name: 'obligations',
    // 2: indexes in the list's order (ADR 11).
    version: 2,
    tables: ['obligations'],
    schema: OBLIGATIONS_SCHEMA,
    bind: (db) => {
      const keys = CaseKeys.for(db);
      const rows = new ChildRows(db, 'obligations', 'o');
      const insert = db.prepare(
        `INSERT INTO obligations (k, obligation_id, case_id, n, rating_n, hall, department, opened_at, callback_due_at,
           callback_due_ms, rectify_due_by, rectify_due_ms, revision)
         VALUES (@k, @obligation_id, @case_id, @n, @rating_n, @hall, @department, @opened_at, @callback_due_at,
           @callback_due_ms, @rectify_due_by, @rectify_due_ms, @revision)
         ON CONFLICT DO NOTHING`,
      );
      return (e: ProjectedCaseEvent) => {
        const k = keys.of(e);
        if (k === undefined) return;
        const event: CaseEvent = e.event;
        switch (event.type) {
          case 'case.ObligationOpened': {
            const d = event.data;
            insert.run({
              k,
              obligation_id: d.obligationId,
              case_id: e.caseId,
              n: d.n,
              rating_n: d.ratingN,
              hall: d.office.hall,
              department: d.office.department,
              opened_at: d.openedAt,
              callback_due_at: d.callbackDueAt,
              callback_due_ms: Date.parse(d.callbackDueAt),
              rectify_due_by: d.rectifyDueBy,
              rectify_due_ms: chinaDayEnd(d.rectifyDueBy).getTime(),
              revision: e.revision,
            });
            return;
          }
          case 'case.CallbackRecorded':
            rows.patch(k, event.data.obligationId, e.revision, {
              called_back_at: event.data.calledAt,
              callback_verified: event.data.verified ? 1 : 0,
              callback_notes: event.data.notes,
              callback_late: event.data.late ? 1 : 0,
            });
            return;
          case 'case.Rectified':
          case 'case.Explained':
            rows.patch(k, event.data.obligationId, e.revision, closed(event));
            return;
          case 'case.ObligationOverdue':
            rows.patch(
              k,
              event.data.obligationId,
              e.revision,
              event.data.deadline === 'callback'
                ? { callback_overdue_marked: 1 }
                : { rectification_overdue_marked: 1 },
            );
            return;
          case 'case.Received':
          case 'case.Accepted':
          case 'case.AcceptedWithDeficiency':
          case 'case.CorrectionRequested':
          case 'case.CorrectionSubmitted':
          case 'case.CorrectionOverdue':
          case 'case.DeemedAccepted':
          case 'case.Refused':
          case 'case.Withdrawn':
          case 'case.DeficiencySupplied':
          case 'case.DeficiencyOverdue':
          case 'case.TaskCreated':
          case 'case.TaskClaimed':
          case 'case.TaskReleased':
          case 'case.TaskPassed':
          case 'case.TaskReturned':
          case 'case.SpecialProcedureStarted':
          case 'case.SpecialProcedureEnded':
          case 'case.Extended':
          case 'case.Approved':
          case 'case.Denied':
          case 'case.ResultIssued':
          case 'case.Dispatched':
          case 'case.Delivered':
          case 'case.Rated':
          case 'case.DecisionWarning':
          case 'case.DecisionOverdue':
          case 'case.ResultIssueOverdue':
          case 'case.DeadlinesRecalculated':
            return;
          default:
            // An event type this read model does not name (a command slice's, ADR 0010).
            return;
        }
      };
    },
  });
}

/** The row of an obligation closed by rectification or explanation (Art. 36): which, its words, when. */
function closed(event: Extract<CaseEvent, { type: 'case.Rectified' | 'case.Explained' }>): Patch {
  const [outcome, text, at] =
    event.type === 'case.Rectified'
      ? ['rectified', event.data.measures, event.data.rectifiedAt]
      : ['explained', event.data.explanation, event.data.explainedAt];
  return { outcome, outcome_text: text, closed_at: at, closed_late: event.data.late ? 1 : 0 };
}
