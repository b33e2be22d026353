import { chinaDate } from '@one-window/calendar';
import { recordedStatus, type CaseEvent, type DeadlineChange, type DecisionLimit } from '@one-window/case';
import type { ReadModelDb } from '../database/read-model-database.js';
import type { ProjectedCaseEvent } from '../projections/case-event.js';
import { type CaseEventHandler, caseProjection } from '../projections/case-projection.js';
import { CaseKeys } from '../projections/case-keys.js';
import { type Patch, RowPatcher, type SqlValue } from '../projections/row-patcher.js';
import { type CalendarSource, currentCalendar } from '../queries/deadline-evaluator.js';
import { caseDepartments } from '../scope/read-scope.js';
import type { Projection } from '../runner/projection.js';
import {
  COUNTED_COLUMNS,
  type CountedCase,
  DAILY_ROLLUP_SCHEMA,
  DailyRollup,
} from '../statistics/daily-rollup.js';
import { foldAscii, nameGrams, reversedIdNumber } from '../search/search-keys.js';
import { CASES_REBUILD_INDEXES, CASES_SCHEMA, type CaseRow } from './cases.schema.js';
import {
  type MaterialStatus,
  materialsAtReceipt,
  withCorrectionItems,
  withDeficient,
  withSubmitted,
} from './materials.js';

type Current = Pick<
  CaseRow,
  | 'revision'
  | 'accepted_on'
  | 'suspended_days'
  | 'extended_days'
  | 'promised_due'
  | 'warned_limits'
  | 'overdue_limits'
  | 'provisional_years'
>;

/** The `cases` read model: one row per case, updated by every event of its stream. */
export function casesProjection(calendar: CalendarSource): Projection {
  return caseProjection({
    name: 'cases',
    // 2: case_departments (the departments of the case's steps, for approvers' read scope).
    // 3: provisional_years (ADR 12).
    // 4: list and search indexes, case_search (ADR 11).
    // 5: case_stats_daily, the statistics' rollup (ADR 11).
    // 6: the deadline board's and warning filters' indexes (ADR 11).
    // 7: case_stats_monthly, the statistics' month rollup (ADR 11).
    // 8: case_search holds each case's received_at and hall (the one-gram search's walk, ADR 11).
    version: 8,
    tables: [
      'cases',
      'case_materials',
      'case_ratings',
      'case_departments',
      'case_search',
      'case_stats_daily',
      'case_stats_monthly',
    ],
    schema: CASES_SCHEMA + DAILY_ROLLUP_SCHEMA,
    rebuildIndexes: CASES_REBUILD_INDEXES,
    bind: (db) => bindCases(db, calendar),
  });
}

function bindCases(db: ReadModelDb, calendar: CalendarSource): CaseEventHandler {
  const keys = CaseKeys.for(db);
  /** The key of the case whose event is being applied. */
  let k = 0;
  const rows = new RowPatcher(db, 'cases', ['k']);
  const insert = db.prepare<SqlValue[]>(
    `INSERT INTO cases (k, case_id, case_number, case_number_key, hall, item_code, item_name, department,
       guide_version, case_kind, applicant_name, applicant_kind, id_number_reversed, channel, green_channel, status,
       received_on, received_at, correction_notice_due_by, provisional_years, last_event_at, revision)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(k) DO NOTHING`,
  );
  const insertMaterials = db.prepare<[number, string, number]>(
    'INSERT INTO case_materials (k, materials, revision) VALUES (?, ?, ?) ON CONFLICT(k) DO NOTHING',
  );
  const insertDepartment = db.prepare<[string, number]>(
    'INSERT INTO case_departments (department, k) VALUES (?, ?) ON CONFLICT(department, k) DO NOTHING',
  );
  const insertGram = db.prepare<[string, number, string, string]>(
    'INSERT INTO case_search (gram, k, received_at, hall) VALUES (?, ?, ?, ?) ON CONFLICT(gram, k) DO NOTHING',
  );
  const rollup = new DailyRollup(db);
  const selectCounted = db.prepare<[number], CountedCase>(
    `SELECT hall, department, item_code, item_name, received_on, accepted_on, refused_on, withdrawn_on,
       completed_on, decided_on, outcome, within_statutory, within_promised, working_days_used
     FROM cases WHERE k = ?`,
  );
  const materialRows = new RowPatcher(db, 'case_materials', ['k']);
  const selectMaterials = db.prepare<[number], { materials: string; revision: number }>(
    'SELECT materials, revision FROM case_materials WHERE k = ?',
  );
  const selectCurrent = db.prepare<[number], Current>(
    `SELECT revision, accepted_on, suspended_days, extended_days, promised_due, warned_limits, overdue_limits,
       provisional_years
     FROM cases WHERE k = ?`,
  );
  const selectStatus = db.prepare<[number], { status: string }>('SELECT status FROM cases WHERE k = ?');
  const insertRating = db.prepare(
    `INSERT INTO case_ratings (k, n, level, bad, channel, stage, rated_at, rated_on, hall, department, item_code, item_name, comment)
     SELECT k, @n, @level, @bad, @channel, @stage, @rated_at, @rated_on, hall, department, item_code, item_name, @comment
     FROM cases WHERE k = @k
     ON CONFLICT(k, n) DO NOTHING`,
  );

  /** The row as it was before this event, or undefined when the event is already applied. */
  const before = (e: ProjectedCaseEvent): Current | undefined => {
    const row = selectCurrent.get(k);
    return row && row.revision < e.revision ? row : undefined;
  };
  /** Rewrites the case's materials, guarded by their own row's revision. */
  const updateMaterials = (
    e: ProjectedCaseEvent,
    change: (list: MaterialStatus[]) => MaterialStatus[],
  ): void => {
    const row = selectMaterials.get(k);
    if (!row || row.revision >= e.revision) return;
    const list = change(JSON.parse(row.materials) as MaterialStatus[]);
    materialRows.patch([k], e.revision, { materials: JSON.stringify(list) });
  };
  const daysUsed = (row: Current, decidedOn: string): number | null => {
    if (!row.accepted_on) return null;
    try {
      return currentCalendar(calendar).workingDaysBetween(row.accepted_on, decidedOn) - row.suspended_days;
    } catch {
      return null; // an uncovered year: the statistic leaves the case out rather than guess
    }
  };
  const addLimit = (list: string, limit: DecisionLimit): string =>
    list.split(',').includes(limit) ? list : list ? `${list},${limit}` : limit;

  const changes = (e: ProjectedCaseEvent): Patch | undefined => {
    const event: CaseEvent = e.event;
    switch (event.type) {
      case 'case.Received':
        return undefined;
      case 'case.Accepted':
      case 'case.DeemedAccepted':
      case 'case.AcceptedWithDeficiency': {
        const d = event.data;
        const patch: Patch = {
          accepted_on: d.acceptedOn,
          acceptance_kind:
            event.type === 'case.Accepted'
              ? 'accepted'
              : event.type === 'case.DeemedAccepted'
                ? 'deemed'
                : 'with-deficiency',
          statutory_due: d.statutoryDueDate,
          promised_due: d.promisedDueDate,
          warning_due: minDate(d.statutoryDueDate, d.promisedDueDate),
          decision_pending: 1,
          correct_by: null,
        };
        if (event.type !== 'case.AcceptedWithDeficiency') return patch;
        const missing = event.data.missing;
        updateMaterials(e, (list) => withDeficient(list, missing));
        return { ...patch, supply_by: event.data.supplyBy };
      }
      case 'case.CorrectionRequested': {
        const items = event.data.items;
        updateMaterials(e, (list) => withCorrectionItems(list, items));
        return { correct_by: event.data.correctBy };
      }
      case 'case.CorrectionSubmitted': {
        const submitted = event.data.materials;
        updateMaterials(e, (list) => withSubmitted(list, submitted));
        return {
          correct_by: null,
          ...(event.data.decideBy ? { correction_notice_due_by: event.data.decideBy } : {}),
        };
      }
      case 'case.CorrectionOverdue':
        return {
          ...closed('withdrawn', event.data.withdrawnOn),
          withdrawn_on: event.data.withdrawnOn,
        };
      case 'case.Withdrawn':
        return {
          ...closed('withdrawn', event.data.withdrawnOn),
          withdrawn_on: event.data.withdrawnOn,
        };
      case 'case.Refused':
        return {
          ...closed('refused', event.data.refusedOn),
          refused_on: event.data.refusedOn,
        };
      case 'case.DeficiencySupplied': {
        const { materials, remaining } = event.data;
        updateMaterials(e, (list) => withDeficient(withSubmitted(list, materials), remaining));
        return remaining.length === 0 ? { supply_by: null } : {};
      }
      case 'case.DeficiencyOverdue':
        return { deficiency_overdue: 1 };
      case 'case.TaskCreated':
        return undefined;
      case 'case.TaskClaimed':
        return undefined;
      case 'case.TaskReleased':
      case 'case.TaskPassed':
        return undefined;
      case 'case.TaskReturned':
        return undefined;
      case 'case.SpecialProcedureStarted':
        return { clock_stopped_on: event.data.startedOn };
      case 'case.SpecialProcedureEnded': {
        const row = before(e);
        if (!row) return undefined;
        const d = event.data;
        return {
          clock_stopped_on: null,
          suspended_days: row.suspended_days + d.suspendedWorkingDays,
          statutory_due: d.statutoryDueDate,
          promised_due: d.promisedDueDate,
          warning_due: minDate(d.statutoryDueDate, d.promisedDueDate),
        };
      }
      case 'case.Extended': {
        const row = before(e);
        if (!row) return undefined;
        return {
          statutory_due: event.data.statutoryDueDate,
          extended_days: row.extended_days + event.data.days,
          warning_due: row.promised_due
            ? minDate(row.promised_due, event.data.statutoryDueDate)
            : event.data.statutoryDueDate,
        };
      }
      case 'case.Approved':
      case 'case.Denied': {
        const row = before(e);
        if (!row) return undefined;
        const on = event.type === 'case.Approved' ? event.data.approvedOn : event.data.deniedOn;
        return {
          decided_on: on,
          outcome: event.type === 'case.Approved' ? 'approved' : 'denied',
          within_statutory: event.data.withinStatutoryLimit ? 1 : 0,
          within_promised: event.data.withinPromisedLimit ? 1 : 0,
          working_days_used: daysUsed(row, on),
          result_due_by: event.type === 'case.Approved' ? event.data.resultDueBy : null,
          decision_pending: 0,
        };
      }
      case 'case.ResultIssued':
        return {
          result_issued_on: event.data.issuedOn,
          certificate_number: event.data.certificateNumber,
        };
      case 'case.Dispatched':
        return {
          dispatch_method: event.data.method,
          tracking_number: event.data.trackingNumber ?? null,
          dispatched_on: event.data.dispatchedOn,
        };
      case 'case.Delivered':
        return {
          completed_on: event.data.deliveredOn,
          closed_on: event.data.deliveredOn,
        };
      case 'case.Rated': {
        const rated_on = chinaDate(new Date(event.data.ratedAt));
        const inserted = insertRating.run({
          k,
          n: event.data.n,
          level: event.data.level,
          bad: event.data.bad ? 1 : 0,
          channel: event.data.channel,
          stage: event.data.stage,
          rated_at: event.data.ratedAt,
          rated_on,
          comment: event.data.comment ?? null,
        });
        const of = inserted.changes > 0 ? selectCounted.get(k) : undefined;
        if (of) rollup.rated(k, of, rated_on, event.data.level);
        return undefined;
      }
      case 'case.DecisionWarning': {
        const row = before(e);
        return row && { warned_limits: addLimit(row.warned_limits, event.data.limit) };
      }
      case 'case.DecisionOverdue': {
        const row = before(e);
        return row && { overdue_limits: addLimit(row.overdue_limits, event.data.limit) };
      }
      case 'case.ResultIssueOverdue':
        return { result_issue_overdue: 1 };
      case 'case.DeadlinesRecalculated': {
        const row = before(e);
        if (!row) return undefined;
        return recalculatedPatch(row, event.data.changes, event.data.provisional?.years ?? []);
      }
      case 'case.ObligationOpened':
      case 'case.CallbackRecorded':
      case 'case.Rectified':
      case 'case.Explained':
      case 'case.ObligationOverdue':
        // The review obligations have their own read model; the case row does not change.
        return undefined;
      default:
        // An event type this read model does not name (a command slice's, ADR 0010) leaves the row.
        return undefined;
    }
  };

  const handler: CaseEventHandler = (e) => {
    const key = keys.of(e);
    if (key === undefined) return; // a case whose receipt is not in the log: nothing to attach it to
    k = key;
    if (e.event.type === 'case.Received') {
      const d = e.event.data;
      const inserted = insert.run(
        k,
        e.caseId,
        d.caseNumber,
        foldAscii(d.caseNumber),
        d.hall,
        d.itemCode,
        d.guide.name,
        d.guide.department,
        d.guideVersion,
        d.guide.caseKind,
        d.applicant.name,
        d.applicant.kind,
        d.applicant.idNumber ? reversedIdNumber(d.applicant.idNumber) : null,
        d.channel,
        d.greenChannel ? 1 : 0,
        recordedStatus(e.event, e.metadata)!.status,
        d.receivedOn,
        d.receivedAt,
        d.correctionNoticeDueBy,
        joinYears('', d.provisional?.years ?? []),
        e.at,
        e.revision,
      );
      insertMaterials.run(
        k,
        JSON.stringify(materialsAtReceipt(d.guide.materials, d.materials, d.missingMaterials)),
        e.revision,
      );
      for (const department of caseDepartments(d.guide)) insertDepartment.run(department, k);
      for (const gram of nameGrams(d.applicant.name)) insertGram.run(gram, k, d.receivedAt, d.hall);
      const counted = inserted.changes > 0 ? selectCounted.get(k) : undefined;
      if (counted) rollup.change(k, undefined, counted);
      return;
    }
    const provisional = 'provisional' in e.event.data ? e.event.data.provisional : undefined;
    let patch = changes(e);
    // The status is the statechart's, written by the executor into the event (ADR 0010); an old
    // event's is the chart's transition from the status the row has.
    const had = (): string | undefined => selectStatus.get(k)?.status;
    const status = recordedStatus(e.event, e.metadata, had)?.status;
    if (status !== undefined) {
      if (patch !== undefined) patch = { ...patch, status };
      else if (had() !== status) patch = { status };
    }
    if (provisional && e.event.type !== 'case.DeadlinesRecalculated') {
      const row = before(e);
      if (row) patch = { ...patch, provisional_years: joinYears(row.provisional_years, provisional.years) };
    }
    if (patch === undefined) return;
    patch.last_event_at = e.at;
    const counted = Object.keys(patch).some((column) => COUNTED_COLUMNS.has(column))
      ? selectCounted.get(k)
      : undefined;
    if (rows.patch([k], e.revision, patch) && counted) {
      const after = { ...counted };
      for (const column of Object.keys(after) as (keyof CountedCase)[])
        if (column in patch) (after as Record<string, unknown>)[column] = patch[column];
      rollup.change(k, counted, after);
    }
  };
  handler.flush = () => rollup.flush();
  return handler;
}

function joinYears(had: string, years: readonly number[]): string {
  const all = new Set([...(had ? had.split(',').map(Number) : []), ...years]);
  return [...all].sort((a, b) => a - b).join(',');
}

/** ADR 12: the dates counted again on a newly loaded year replace the provisional ones. */
function recalculatedPatch(
  row: Current,
  changes: readonly DeadlineChange[],
  stillProvisional: readonly number[],
): Patch {
  const patch: Patch = { provisional_years: joinYears('', stillProvisional) };
  let statutory: string | undefined;
  for (const change of changes) {
    if (change.deadline === 'statutory') patch.statutory_due = statutory = change.to;
    if (change.deadline === 'promised') patch.promised_due = change.to;
    if (change.deadline === 'acceptance-decision') patch.correction_notice_due_by = change.to;
    if (change.deadline === 'result-issue') patch.result_due_by = change.to;
  }
  const promised = (patch.promised_due as string | undefined) ?? row.promised_due;
  if (statutory && promised) patch.warning_due = minDate(statutory, promised);
  return patch;
}

function closed(outcome: string, on: string): Patch {
  return { outcome, closed_on: on, decision_pending: 0 };
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
