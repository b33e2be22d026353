import { chinaDate } from '@one-window/calendar';
import type { CaseEvent, CaseStage, CaseStatus, DecisionLimit } from '@one-window/case';
import type { ReadModelDb } from '../database/read-model-database.js';
import type { ProjectedCaseEvent } from '../projections/case-event.js';
import { caseProjection } from '../projections/case-projection.js';
import { type Patch, RowPatcher } from '../projections/row-patcher.js';
import { type CalendarSource, currentCalendar } from '../queries/deadline-evaluator.js';
import type { Projection } from '../runner/projection.js';
import { CASES_SCHEMA, type CaseRow } from './cases.schema.js';
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
  | 'materials'
  | 'accepted_on'
  | 'suspended_days'
  | 'extended_days'
  | 'promised_due'
  | 'warned_limits'
  | 'overdue_limits'
>;

/** The `cases` read model: one row per case, updated by every event of its stream. */
export function casesProjection(calendar: CalendarSource): Projection {
  return caseProjection({
    name: 'cases',
    version: 1,
    tables: ['cases', 'case_ratings'],
    schema: CASES_SCHEMA,
    bind: (db) => bindCases(db, calendar),
  });
}

function bindCases(db: ReadModelDb, calendar: CalendarSource): (e: ProjectedCaseEvent) => void {
  const rows = new RowPatcher(db, 'cases', 'case_id');
  const insert = db.prepare(
    `INSERT INTO cases (case_id, case_number, hall, item_code, item_name, department, guide_version, case_kind,
       applicant_name, applicant_kind, channel, green_channel, status, stage, received_on, received_at,
       correction_notice_due_by, materials, last_event_type, last_event_at, position, revision)
     VALUES (@case_id, @case_number, @hall, @item_code, @item_name, @department, @guide_version, @case_kind,
       @applicant_name, @applicant_kind, @channel, @green_channel, @status, @stage, @received_on, @received_at,
       @correction_notice_due_by, @materials, @last_event_type, @last_event_at, @position, @revision)
     ON CONFLICT(case_id) DO NOTHING`,
  );
  const selectCurrent = db.prepare<[string], Current>(
    `SELECT revision, materials, accepted_on, suspended_days, extended_days, promised_due, warned_limits, overdue_limits
     FROM cases WHERE case_id = ?`,
  );
  const insertRating = db.prepare(
    `INSERT INTO case_ratings (case_id, n, level, bad, channel, stage, rated_at, rated_on, hall, department, item_code, item_name, comment)
     SELECT case_id, @n, @level, @bad, @channel, @stage, @rated_at, @rated_on, hall, department, item_code, item_name, @comment
     FROM cases WHERE case_id = @case_id
     ON CONFLICT(case_id, n) DO NOTHING`,
  );

  /** The row as it was before this event, or undefined when the event is already applied. */
  const before = (e: ProjectedCaseEvent): Current | undefined => {
    const row = selectCurrent.get(e.caseId);
    return row && row.revision < e.revision ? row : undefined;
  };
  const status = (s: CaseStatus): Patch => ({ status: s, stage: stageOf(s) });
  const materials = (list: MaterialStatus[]): Patch => ({ materials: JSON.stringify(list) });
  const parse = (row: Current): MaterialStatus[] => JSON.parse(row.materials) as MaterialStatus[];
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
          ...status('backOffice.underReview'),
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
        const row = before(e);
        if (!row) return undefined;
        return {
          ...patch,
          supply_by: event.data.supplyBy,
          ...materials(withDeficient(parse(row), event.data.missing)),
        };
      }
      case 'case.CorrectionRequested': {
        const row = before(e);
        if (!row) return undefined;
        return {
          ...status('frontDesk.correctionRequested'),
          correct_by: event.data.correctBy,
          ...materials(withCorrectionItems(parse(row), event.data.items)),
        };
      }
      case 'case.CorrectionSubmitted': {
        const row = before(e);
        if (!row) return undefined;
        return {
          ...status(event.data.decideBy ? 'frontDesk.correctionSubmitted' : 'backOffice.underReview'),
          correct_by: null,
          ...(event.data.decideBy ? { correction_notice_due_by: event.data.decideBy } : {}),
          ...materials(withSubmitted(parse(row), event.data.materials)),
        };
      }
      case 'case.CorrectionOverdue':
        return {
          ...status('withdrawn'),
          ...closed('withdrawn', event.data.withdrawnOn),
          withdrawn_on: event.data.withdrawnOn,
        };
      case 'case.Withdrawn':
        return {
          ...status('withdrawn'),
          ...closed('withdrawn', event.data.withdrawnOn),
          withdrawn_on: event.data.withdrawnOn,
        };
      case 'case.Refused':
        return {
          ...status('refused'),
          ...closed('refused', event.data.refusedOn),
          refused_on: event.data.refusedOn,
        };
      case 'case.DeficiencySupplied': {
        const row = before(e);
        if (!row) return undefined;
        return {
          ...materials(withDeficient(withSubmitted(parse(row), event.data.materials), event.data.remaining)),
          ...(event.data.remaining.length === 0 ? { supply_by: null } : {}),
        };
      }
      case 'case.DeficiencyOverdue':
        return { deficiency_overdue: 1 };
      case 'case.TaskCreated':
        return { current_step: event.data.label, holder_name: null };
      case 'case.TaskClaimed':
        return { holder_name: event.data.holder.name };
      case 'case.TaskReleased':
        return { holder_name: null };
      case 'case.TaskPassed':
        return { holder_name: null };
      case 'case.TaskReturned':
        return event.data.to === 'front-desk'
          ? { ...status('frontDesk.returnedForCorrection'), current_step: null, holder_name: null }
          : { holder_name: null };
      case 'case.SpecialProcedureStarted':
        return { ...status('backOffice.specialProcedure'), clock_stopped_on: event.data.startedOn };
      case 'case.SpecialProcedureEnded': {
        const row = before(e);
        if (!row) return undefined;
        const d = event.data;
        return {
          ...status('backOffice.underReview'),
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
          // A denial's written decision goes straight to delivery as the thing to hand out.
          ...status(event.type === 'case.Approved' ? 'delivery.awaitingResult' : 'delivery.issued'),
          decided_on: on,
          outcome: event.type === 'case.Approved' ? 'approved' : 'denied',
          within_statutory: event.data.withinStatutoryLimit ? 1 : 0,
          within_promised: event.data.withinPromisedLimit ? 1 : 0,
          working_days_used: daysUsed(row, on),
          result_due_by: event.type === 'case.Approved' ? event.data.resultDueBy : null,
          decision_pending: 0,
          current_step: null,
          holder_name: null,
        };
      }
      case 'case.ResultIssued':
        return {
          ...status('delivery.issued'),
          result_issued_on: event.data.issuedOn,
          certificate_number: event.data.certificateNumber,
        };
      case 'case.Dispatched':
        return {
          ...status('delivery.dispatched'),
          dispatch_method: event.data.method,
          tracking_number: event.data.trackingNumber ?? null,
          dispatched_on: event.data.dispatchedOn,
        };
      case 'case.Delivered':
        return {
          ...status(event.data.outcome === 'denied' ? 'denied' : 'completed'),
          completed_on: event.data.deliveredOn,
          closed_on: event.data.deliveredOn,
        };
      case 'case.Rated':
        insertRating.run({
          case_id: e.caseId,
          n: event.data.n,
          level: event.data.level,
          bad: event.data.bad ? 1 : 0,
          channel: event.data.channel,
          stage: event.data.stage,
          rated_at: event.data.ratedAt,
          rated_on: chinaDate(new Date(event.data.ratedAt)),
          comment: event.data.comment ?? null,
        });
        return {};
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
      case 'case.ObligationOpened':
      case 'case.CallbackRecorded':
      case 'case.Rectified':
      case 'case.Explained':
      case 'case.ObligationOverdue':
        return {};
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  };

  return (e) => {
    if (e.event.type === 'case.Received') {
      const d = e.event.data;
      insert.run({
        case_id: e.caseId,
        case_number: d.caseNumber,
        hall: d.hall,
        item_code: d.itemCode,
        item_name: d.guide.name,
        department: d.guide.department,
        guide_version: d.guideVersion,
        case_kind: d.guide.caseKind,
        applicant_name: d.applicant.name,
        applicant_kind: d.applicant.kind,
        channel: d.channel,
        green_channel: d.greenChannel ? 1 : 0,
        ...status('frontDesk.received'),
        received_on: d.receivedOn,
        received_at: d.receivedAt,
        correction_notice_due_by: d.correctionNoticeDueBy,
        materials: JSON.stringify(materialsAtReceipt(d.guide.materials, d.materials, d.missingMaterials)),
        last_event_type: e.event.type,
        last_event_at: e.at,
        position: e.position,
        revision: e.revision,
      });
      return;
    }
    const patch = changes(e);
    if (patch === undefined) return;
    rows.patch(e.caseId, e.revision, {
      ...patch,
      last_event_type: e.event.type,
      last_event_at: e.at,
      position: e.position,
    });
  };
}

function closed(outcome: string, on: string): Patch {
  return { outcome, closed_on: on, decision_pending: 0, current_step: null, holder_name: null };
}

function stageOf(status: CaseStatus): CaseStage {
  return status.split('.')[0] as CaseStage;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
