/**
 * When a command may be sent (the case's state) and who may send it (role and jurisdiction,
 * DOMAIN §2). `decide` enforces both; `allowedCommands` lists what passes both. Each rule
 * answers `null` when the command may go ahead, or the reason it may not.
 */
import type { Actor } from '@one-window/shared';
import type { CaseCommandType } from '../commands.js';
import type { DecisionLimit } from '../events.js';
import type { CaseState } from './case-state.js';
import {
  activeSpecialProcedure,
  currentTask,
  hasOpenDeficiency,
  isLastStep,
  type ObligationRecord,
  type SpecialProcedureRecord,
  type TaskRecord,
} from './context.js';
import type { Now } from './decide-context.js';
import { stillMissing } from './guide-snapshot.js';

/** What a command acts on besides the case itself. */
export interface Target {
  readonly task?: TaskRecord | null;
  readonly obligation?: ObligationRecord | null;
  readonly procedure?: SpecialProcedureRecord | null;
  readonly limit?: DecisionLimit;
  readonly deadline?: 'callback' | 'rectification';
}

type Reason = string | null;

const ok: Reason = null;
const when = (condition: boolean, reason: string): Reason => (condition ? ok : reason);

// --- Who ---------------------------------------------------------------------------------------

const clerkOfHall = (actor: Actor, state: CaseState): Reason =>
  when(
    actor.role === 'clerk' && actor.hall === state.context.hall,
    `only a clerk of hall ${state.context.hall} may do this`,
  );

const clerkOrChannel = (actor: Actor, state: CaseState): Reason =>
  actor.role === 'system' ? ok : clerkOfHall(actor, state);

const staffOfStep = (actor: Actor, task: TaskRecord | null | undefined): Reason =>
  task
    ? when(
        actor.role === task.role && actor.department === task.department,
        `only a ${task.role} of ${task.department} may act on step "${task.step}"`,
      )
    : ok; // no task: the state rule answers

const holderOf = (actor: Actor, task: TaskRecord | null | undefined): Reason =>
  staffOfStep(actor, task) ??
  when(
    !task?.holder || task.holder.userId === actor.userId,
    `the task is held by ${task?.holder?.name ?? ''}`,
  );

const reviewerOf = (actor: Actor, obligation: ObligationRecord | null | undefined): Reason =>
  obligation
    ? when(
        actor.role === 'reviewer' &&
          (actor.hall === obligation.office.hall || actor.department === obligation.office.department),
        `only a review officer of ${obligation.office.hall} or ${obligation.office.department} may do this`,
      )
    : ok;

export function authorize(
  type: CaseCommandType,
  state: CaseState | null,
  actor: Actor,
  target: Target,
): Reason {
  if (state === null) {
    return type === 'ReceiveApplication'
      ? when(
          actor.role === 'clerk' || actor.role === 'system',
          'only a clerk (or an online channel) receives applications',
        )
      : ok;
  }
  const { task, obligation } = target;
  switch (type) {
    case 'ReceiveApplication':
    case 'AcceptCase':
    case 'AcceptWithDeficiency':
    case 'RequestCorrection':
    case 'RefuseCase':
    case 'DispatchResult':
    case 'DeliverResult':
      return clerkOfHall(actor, state);
    case 'SubmitCorrection':
    case 'WithdrawCase':
    case 'SupplyDeficiency':
    case 'RateService':
      return clerkOrChannel(actor, state);
    case 'ClaimTask':
      return staffOfStep(actor, task);
    case 'ReleaseTask':
      // The holder lets go; the department's head may take a task off an absent holder.
      return actor.role === 'head' && task && actor.department === task.department
        ? ok
        : holderOf(actor, task);
    case 'PassTask':
    case 'ReturnTask':
    case 'StartSpecialProcedure':
    case 'ApproveCase':
    case 'DenyCase':
      return holderOf(actor, task);
    case 'EndSpecialProcedure': {
      const department = target.procedure
        ? state.context.tasks.find((t) => t.taskId === target.procedure?.taskId)?.department
        : undefined;
      return when(
        (actor.role === 'approver' || actor.role === 'head') &&
          (department === undefined || actor.department === department),
        `only an approver or head of ${department ?? 'the department'} may end the special procedure`,
      );
    }
    case 'ExtendTimeLimit': {
      const departments = new Set([state.context.guide.department, currentTask(state.context)?.department]);
      return when(
        actor.role === 'head' && departments.has(actor.department),
        `only the head of ${state.context.guide.department} may extend the time limit (Law Art. 42)`,
      );
    }
    case 'IssueResult':
      return actor.role === 'approver' || actor.role === 'head'
        ? when(
            actor.department === state.context.guide.department,
            `only staff of ${state.context.guide.department} or a clerk of the hall may issue the result`,
          )
        : clerkOfHall(actor, state);
    case 'RecordCallback':
    case 'RectifyObligation':
    case 'ExplainObligation':
      return reviewerOf(actor, obligation);
    case 'DeemAccepted':
    case 'MarkCorrectionOverdue':
    case 'MarkDeficiencyOverdue':
    case 'MarkDecisionWarning':
    case 'MarkDecisionOverdue':
    case 'MarkResultIssueOverdue':
    case 'MarkObligationOverdue':
    case 'RecalculateDeadlines':
      return when(actor.role === 'system', 'only the scheduler sends deadline commands');
    default: {
      const unhandled: never = type;
      return unhandled;
    }
  }
}

// --- When --------------------------------------------------------------------------------------

const inStatus = (state: CaseState, ...statuses: CaseState['status'][]): Reason =>
  when(statuses.includes(state.status), `not possible while the case is ${state.status}`);

const currentAndHeld = (state: CaseState, task: TaskRecord | null | undefined): Reason =>
  task && task.taskId === state.context.currentTaskId
    ? when(task.holder !== null, `task ${task.taskId} must be claimed first`)
    : 'there is no current task to act on';

const decisionClockRunning = (state: CaseState): Reason =>
  inStatus(state, 'backOffice.underReview', 'frontDesk.returnedForCorrection');

const deliverable = (state: CaseState): Reason =>
  when(
    state.context.decision?.outcome === 'denied' || !hasOpenDeficiency(state.context),
    `materials ${state.context.deficiency?.missing.join(', ') ?? ''} are still missing (容缺): the case cannot be delivered`,
  );

/** Deficient materials are open on a case that is accepted and still being handled. */
const deficiencyRunning = (state: CaseState): boolean =>
  hasOpenDeficiency(state.context) &&
  (state.stage === 'backOffice' ||
    state.stage === 'delivery' ||
    state.status === 'frontDesk.returnedForCorrection');

const dueDateOf = (state: CaseState, limit: DecisionLimit | undefined): string | null =>
  limit === 'promised' ? state.context.promisedDueDate : state.context.statutoryDueDate;

/** Whether the case's state allows the command now. Timer commands also check their deadline has passed. */
export function available(type: CaseCommandType, state: CaseState | null, target: Target, now: Now): Reason {
  if (state === null) return when(type === 'ReceiveApplication', 'there is no such case');
  const { context } = state;
  const { task, obligation } = target;
  switch (type) {
    case 'ReceiveApplication':
      return 'the case has already been received';
    case 'AcceptCase':
      return (
        inStatus(state, 'frontDesk.received', 'frontDesk.correctionSubmitted') ??
        when(
          stillMissing(context).length === 0 || now.today > context.acceptanceDecideBy,
          `materials ${stillMissing(context).join(', ')} are missing: give one complete correction notice, or accept with deficiency (容缺)`,
        )
      );
    case 'AcceptWithDeficiency':
      return (
        inStatus(state, 'frontDesk.received', 'frontDesk.correctionSubmitted') ??
        when(stillMissing(context).length > 0, 'no materials are missing: accept the case')
      );
    case 'RefuseCase':
      return inStatus(state, 'frontDesk.received', 'frontDesk.correctionSubmitted');
    case 'RequestCorrection':
      return (
        when(
          state.status === 'frontDesk.received',
          state.status === 'frontDesk.correctionSubmitted'
            ? 'one complete correction notice has already been given (一次性告知): accept or refuse'
            : `not possible while the case is ${state.status}`,
        ) ??
        when(
          now.today <= context.acceptanceDecideBy,
          `the correction notice was due by ${context.acceptanceDecideBy}: the case counts as accepted from ${context.deemedAcceptanceFrom} (Law Art. 32)`,
        )
      );
    case 'SubmitCorrection':
      return (
        inStatus(state, 'frontDesk.correctionRequested', 'frontDesk.returnedForCorrection') ??
        when(
          state.status !== 'frontDesk.correctionRequested' ||
            now.today <= (context.correction?.correctBy ?? ''),
          `the correction was due by ${context.correction?.correctBy ?? ''}`,
        )
      );
    case 'WithdrawCase':
      return when(
        state.stage === 'frontDesk' || state.stage === 'backOffice',
        `a case can be withdrawn only before the decision; it is ${state.status}`,
      );
    case 'SupplyDeficiency':
      return when(deficiencyRunning(state), 'no deficient materials are open');
    case 'ClaimTask':
      return (
        when(
          state.stage === 'backOffice' && task?.taskId === context.currentTaskId,
          `task ${task?.taskId ?? ''} is not open`,
        ) ??
        when(
          task?.holder === null,
          `task ${task?.taskId ?? ''} is already held by ${task?.holder?.name ?? ''}`,
        )
      );
    case 'ReleaseTask':
      return (
        when(
          state.stage === 'backOffice' && task?.taskId === context.currentTaskId,
          `task ${task?.taskId ?? ''} is not open`,
        ) ?? when(task?.holder !== null, `task ${task?.taskId ?? ''} is not held`)
      );
    case 'PassTask':
      return (
        inStatus(state, 'backOffice.underReview') ??
        currentAndHeld(state, task) ??
        when(!task || !isLastStep(context, task), 'the last step approves or denies; it cannot be passed')
      );
    case 'ReturnTask':
    case 'StartSpecialProcedure':
      return inStatus(state, 'backOffice.underReview') ?? currentAndHeld(state, task);
    case 'EndSpecialProcedure':
      return (
        inStatus(state, 'backOffice.specialProcedure') ??
        when(
          target.procedure !== null && target.procedure?.n === activeSpecialProcedure(context)?.n,
          'that special procedure is not running',
        )
      );
    case 'ExtendTimeLimit':
      return (
        when(state.stage === 'backOffice', `not possible while the case is ${state.status}`) ??
        when(context.extension === null, 'the time limit has already been extended once (Law Art. 42)')
      );
    case 'ApproveCase':
    case 'DenyCase':
      return (
        inStatus(state, 'backOffice.underReview') ??
        currentAndHeld(state, task) ??
        when(!task || isLastStep(context, task), 'only the last step approves or denies')
      );
    case 'IssueResult':
      return inStatus(state, 'delivery.awaitingResult') ?? deliverable(state);
    case 'DispatchResult':
      return inStatus(state, 'delivery.issued') ?? deliverable(state);
    case 'DeliverResult':
      return inStatus(state, 'delivery.dispatched') ?? deliverable(state);
    case 'RateService':
      return ok;
    case 'RecordCallback':
      return when(
        obligation?.status === 'open',
        `obligation ${obligation?.obligationId ?? ''} has already been called back`,
      );
    case 'RectifyObligation':
    case 'ExplainObligation':
      return when(
        obligation?.status === 'called-back',
        obligation?.status === 'open'
          ? 'call the applicant back first (Art. 36)'
          : `obligation ${obligation?.obligationId ?? ''} is closed`,
      );
    case 'DeemAccepted':
      return inStatus(state, 'frontDesk.received', 'frontDesk.correctionSubmitted');
    case 'MarkCorrectionOverdue':
      return inStatus(state, 'frontDesk.correctionRequested');
    case 'MarkDeficiencyOverdue':
      return when(deficiencyRunning(state) && !context.deficiency?.overdue, 'no deficiency is open');
    case 'MarkDecisionWarning':
    case 'MarkDecisionOverdue':
      return decisionClockRunning(state) ?? when(dueDateOf(state, target.limit) !== null, 'no due date');
    case 'MarkResultIssueOverdue':
      return (
        inStatus(state, 'delivery.awaitingResult') ??
        when(context.decision?.outcome === 'approved', 'no result is due')
      );
    case 'MarkObligationOverdue':
      return when(
        target.deadline === 'callback' ? obligation?.status === 'open' : obligation?.closedAt === null,
        'the obligation has met that deadline',
      );
    case 'RecalculateDeadlines':
      return when(
        context.provisionalYears.some((year) => now.calendar.official.covers(year)),
        'no provisional date of this case has its year loaded',
      );
    default: {
      const unhandled: never = type;
      return unhandled;
    }
  }
}
