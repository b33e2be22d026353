/**
 * How each event changes the machine's context. The machine decides *which state* an event
 * leads to; this reducer records *what it says*. Pure, total over the union (a slice's events fold in its module).
 */
import type { CaseEvent, DeadlinesRecalculatedData, SubmittedMaterial } from '../events.js';
import type { CaseStatus } from './case-state.js';
import type { CaseContext, CaseDecision, ObligationRecord, TaskRecord } from './context.js';
import { sliceOfEvent, type SlicedEvent } from '../slices/index.js';

export function applyEvent(context: CaseContext, event: CaseEvent): CaseContext {
  const next = withNotice(applyData(context, event), event);
  const provisional = 'provisional' in event.data ? event.data.provisional : undefined;
  if (event.type === 'case.DeadlinesRecalculated' || !provisional) return next;
  const years = [...new Set([...next.provisionalYears, ...provisional.years])].sort((a, b) => a - b);
  return { ...next, provisionalYears: years };
}

/** A notice the event issued (ADR 18); the receipt's is folded by initialContext. */
function withNotice(context: CaseContext, event: CaseEvent): CaseContext {
  const notice = event.type !== 'case.Received' && 'notice' in event.data ? event.data.notice : undefined;
  return notice
    ? { ...context, notices: [...context.notices, { kind: notice.kind, number: notice.number }] }
    : context;
}

/** The event's facts without the notice it issued: the notice is kept once, in `notices`. */
function withoutNotice<T extends { readonly notice?: unknown }>(data: T): Omit<T, 'notice'> {
  if (data.notice === undefined) return data;
  const { notice, ...facts } = data;
  void notice;
  return facts;
}

function applyData(context: CaseContext, event: CaseEvent): CaseContext {
  switch (event.type) {
    case 'case.Received':
      // The machine's input; folded by initialContext.
      return context;
    case 'case.Accepted':
    case 'case.DeemedAccepted':
    case 'case.AcceptedWithDeficiency': {
      const { acceptedOn, voucherNumber, statutoryDueDate, promisedDueDate, queryCode } = event.data;
      return {
        ...context,
        acceptance: {
          acceptedOn,
          voucherNumber,
          queryCode: queryCode ?? null,
          deemed: event.type === 'case.DeemedAccepted',
          withDeficiency: event.type === 'case.AcceptedWithDeficiency',
        },
        statutoryDueDate,
        promisedDueDate,
        deficiency:
          event.type === 'case.AcceptedWithDeficiency'
            ? { missing: event.data.missing, supplyBy: event.data.supplyBy, overdue: false }
            : context.deficiency,
      };
    }
    case 'case.CorrectionRequested':
      return {
        ...context,
        correction: { ...withoutNotice(event.data), submittedOn: null },
      };
    case 'case.CorrectionSubmitted': {
      const { decideBy, submittedOn, materials } = event.data;
      return {
        ...context,
        materials: mergeMaterials(context.materials, materials),
        correction: context.correction && { ...context.correction, submittedOn },
        acceptanceDecideBy: decideBy ?? context.acceptanceDecideBy,
        deemedAcceptanceFrom: decideBy ? submittedOn : context.deemedAcceptanceFrom,
        visits: context.visits + 1,
      };
    }
    case 'case.CorrectionOverdue':
      // The one state of the chart that takes case.CorrectionOverdue. The fold is given no snapshot,
      // so the status is named here, and its type holds it to the chart's statuses.
      return {
        ...context,
        withdrawal: {
          reason: 'correction not supplied by its deadline',
          withdrawnOn: event.data.withdrawnOn,
          during: 'frontDesk.correctionRequested' satisfies CaseStatus,
          deemed: true,
        },
      };
    case 'case.Refused':
      return { ...context, refusal: withoutNotice(event.data) };
    case 'case.Withdrawn':
      return {
        ...context,
        withdrawal: { ...event.data, deemed: false },
        tasks: updateTask(context.tasks, context.currentTaskId, (t) =>
          t.status === 'open' || t.status === 'claimed' ? { ...t, status: 'closed', holder: null } : t,
        ),
        currentTaskId: null,
        specialProcedures: context.specialProcedures.map((p) =>
          p.endedOn === null ? { ...p, endedOn: event.data.withdrawnOn, result: 'case withdrawn' } : p,
        ),
      };
    case 'case.DeficiencySupplied':
      return {
        ...context,
        materials: mergeMaterials(context.materials, event.data.materials),
        deficiency: context.deficiency && { ...context.deficiency, missing: event.data.remaining },
        visits: context.visits + 1,
      };
    case 'case.DeficiencyOverdue':
      return { ...context, deficiency: context.deficiency && { ...context.deficiency, overdue: true } };
    case 'case.TaskCreated':
      return {
        ...context,
        tasks: [...context.tasks, { ...event.data, status: 'open', holder: null }],
        currentTaskId: event.data.taskId,
        resumeStepIndex: null,
      };
    case 'case.TaskClaimed':
      return withTask(context, event.data.taskId, (t) => ({
        ...t,
        status: 'claimed',
        holder: event.data.holder,
      }));
    case 'case.TaskReleased':
      return withTask(context, event.data.taskId, (t) => ({ ...t, status: 'open', holder: null }));
    case 'case.TaskPassed':
      return {
        ...context,
        tasks: updateTask(context.tasks, event.data.taskId, (t) => ({ ...t, status: 'passed' })),
        currentTaskId: null,
      };
    case 'case.TaskReturned': {
      const returned = context.tasks.find((t) => t.taskId === event.data.taskId);
      return {
        ...context,
        tasks: updateTask(context.tasks, event.data.taskId, (t) => ({ ...t, status: 'returned' })),
        currentTaskId: null,
        resumeStepIndex: returned ? returned.stepIndex : context.resumeStepIndex,
      };
    }
    case 'case.SpecialProcedureStarted':
      return {
        ...context,
        specialProcedures: [
          ...context.specialProcedures,
          { ...event.data, endedOn: null, result: null, suspendedWorkingDays: 0 },
        ],
      };
    case 'case.SpecialProcedureEnded':
      return {
        ...context,
        specialProcedures: context.specialProcedures.map((p) =>
          p.n === event.data.n
            ? {
                ...p,
                endedOn: event.data.endedOn,
                result: event.data.result,
                suspendedWorkingDays: event.data.suspendedWorkingDays,
              }
            : p,
        ),
        statutoryDueDate: event.data.statutoryDueDate,
        promisedDueDate: event.data.promisedDueDate,
      };
    case 'case.Extended':
      return {
        ...context,
        extension: withoutNotice(event.data),
        statutoryDueDate: event.data.statutoryDueDate,
      };
    case 'case.Approved': {
      const { taskId, opinion, approvedOn, resultDueBy, withinStatutoryLimit, withinPromisedLimit } =
        event.data;
      return decided(context, {
        outcome: 'approved',
        on: approvedOn,
        taskId,
        opinion,
        resultDueBy,
        withinStatutoryLimit,
        withinPromisedLimit,
      });
    }
    case 'case.Denied': {
      const {
        taskId,
        reasons,
        remedies,
        deniedOn,
        decisionNumber,
        withinStatutoryLimit,
        withinPromisedLimit,
      } = event.data;
      return decided(context, {
        outcome: 'denied',
        on: deniedOn,
        taskId,
        reasons,
        remedies,
        decisionNumber,
        withinStatutoryLimit,
        withinPromisedLimit,
      });
    }
    case 'case.ResultIssued':
      return { ...context, result: event.data };
    case 'case.Dispatched':
      return { ...context, dispatch: event.data };
    case 'case.Delivered':
      return { ...context, deliveredOn: event.data.deliveredOn, visits: context.visits + 1 };
    case 'case.Rated':
      return { ...context, ratings: [...context.ratings, event.data] };
    case 'case.ObligationOpened':
      return {
        ...context,
        obligations: [
          ...context.obligations,
          { ...event.data, status: 'open', callback: null, closedAt: null, overdue: [] },
        ],
      };
    case 'case.CallbackRecorded':
      return withObligation(context, event.data.obligationId, (o) => ({
        ...o,
        status: 'called-back',
        callback: event.data,
      }));
    case 'case.Rectified':
      return closeObligation(context, event.data.obligationId, 'rectified', event.data.rectifiedAt);
    case 'case.Explained':
      return closeObligation(context, event.data.obligationId, 'explained', event.data.explainedAt);
    case 'case.ObligationOverdue':
      return {
        ...withObligation(context, event.data.obligationId, (o) => ({
          ...o,
          overdue: [...o.overdue, event.data.deadline],
        })),
        marks: [...context.marks, markKey(event)],
      };
    case 'case.DecisionWarning':
    case 'case.DecisionOverdue':
    case 'case.ResultIssueOverdue':
      return { ...context, marks: [...context.marks, markKey(event)] };
    case 'case.DeadlinesRecalculated':
      return recalculated(context, event.data);
    default:
      return evolveSliced(context, event);
  }
}

/** An event no case above names is a slice's (ADR 0010): its module folds it. */
function evolveSliced(context: CaseContext, event: SlicedEvent): CaseContext {
  return sliceOfEvent((event as { type: string }).type)!.evolve(context, event);
}

/** The key a deadline mark is remembered by; a timer whose mark exists decides nothing. */
export function markKey(
  event: Extract<
    CaseEvent,
    {
      type:
        | 'case.DecisionWarning'
        | 'case.DecisionOverdue'
        | 'case.ResultIssueOverdue'
        | 'case.ObligationOverdue';
    }
  >,
): string {
  switch (event.type) {
    case 'case.DecisionWarning':
      return `decision-warning:${event.data.limit}:${event.data.dueDate}`;
    case 'case.DecisionOverdue':
      return `decision-overdue:${event.data.limit}:${event.data.dueDate}`;
    case 'case.ResultIssueOverdue':
      return `result-issue-overdue:${event.data.resultDueBy}`;
    case 'case.ObligationOverdue':
      return `obligation-overdue:${event.data.obligationId}:${event.data.deadline}`;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function recalculated(context: CaseContext, data: DeadlinesRecalculatedData): CaseContext {
  let next: CaseContext = { ...context, provisionalYears: data.provisional?.years ?? [] };
  for (const change of data.changes) {
    switch (change.deadline) {
      case 'statutory':
        next = { ...next, statutoryDueDate: change.to };
        break;
      case 'promised':
        next = { ...next, promisedDueDate: change.to };
        break;
      case 'acceptance-decision':
        next = { ...next, acceptanceDecideBy: change.to };
        break;
      case 'step':
        next = {
          ...next,
          tasks: updateTask(next.tasks, change.taskId ?? null, (t) => ({ ...t, stepDueDate: change.to })),
        };
        break;
      case 'result-issue':
        next = { ...next, decision: next.decision && { ...next.decision, resultDueBy: change.to } };
        break;
      default: {
        const unknown: never = change.deadline;
        return unknown;
      }
    }
  }
  return next;
}

function updateTask(
  tasks: readonly TaskRecord[],
  id: string | null,
  change: (task: TaskRecord) => TaskRecord,
): readonly TaskRecord[] {
  return tasks.map((task) => (task.taskId === id ? change(task) : task));
}

function withTask(context: CaseContext, id: string, change: (task: TaskRecord) => TaskRecord): CaseContext {
  return { ...context, tasks: updateTask(context.tasks, id, change) };
}

/** The decision (准予 or 不予) taken on the deciding task, which it closes. */
function decided(context: CaseContext, decision: CaseDecision): CaseContext {
  return {
    ...context,
    tasks: updateTask(context.tasks, decision.taskId, (t) => ({ ...t, status: 'decided' })),
    currentTaskId: null,
    decision,
  };
}

function withObligation(
  context: CaseContext,
  id: string,
  change: (obligation: ObligationRecord) => ObligationRecord,
): CaseContext {
  return {
    ...context,
    obligations: context.obligations.map((o) => (o.obligationId === id ? change(o) : o)),
  };
}

/** A follow-up closed: rectified (整改) or explained (说明), at the event's time. */
function closeObligation(
  context: CaseContext,
  id: string,
  status: 'rectified' | 'explained',
  closedAt: string,
): CaseContext {
  return withObligation(context, id, (o) => ({ ...o, status, closedAt }));
}

function mergeMaterials(
  had: readonly SubmittedMaterial[],
  added: readonly SubmittedMaterial[],
): readonly SubmittedMaterial[] {
  const codes = new Set(added.map((m) => m.code));
  return [...had.filter((m) => !codes.has(m.code)), ...added];
}
