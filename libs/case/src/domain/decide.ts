/**
 * The decider: `decide(state, command, ctx)` → the events the command causes, or a DomainError.
 * Pure: time, the actor and the calendar come in through `ctx`. Checks run in one order —
 * the target exists (404), the actor may act on it (403), the state allows it (409), the input is
 * sound (400) — and only then are events made. Deadline commands from the scheduler that no
 * longer apply decide no events rather than fail.
 */
import { isTimerCommand, parseObligationId, parseTaskId, type CaseCommand } from '../commands.js';
import { CalendarCoverageError } from '@one-window/calendar';
import type { CaseEvent } from '../events.js';
import { allowedCommands } from './allowed-commands.js';
import type { CaseState } from './case-state.js';
import { activeSpecialProcedure, currentTask } from './context.js';
import * as backOffice from './decide-back-office.js';
import { resolveNow, type DecideContext, type Now } from './decide-context.js';
import * as delivery from './decide-delivery.js';
import * as frontDesk from './decide-front-desk.js';
import * as rating from './decide-rating.js';
import * as recalculation from './decide-recalculation.js';
import * as timers from './decide-timers.js';
import { DomainError, type MessageRef } from './errors.js';
import { Problems } from './problems.js';
import { authorize, available, Refusal, type Target } from './rules.js';
import { sliceOfCommand, type SlicedCommand } from '../slices/index.js';

export function decide(state: CaseState | null, command: CaseCommand, ctx: DecideContext): CaseEvent[] {
  try {
    return decideChecked(state, command, ctx);
  } catch (error) {
    // A year that cannot be guessed (before the calendar's first, ADR 12); nothing is written.
    if (error instanceof CalendarCoverageError) {
      throw DomainError.calendarNotCovered(error.message, error.year);
    }
    throw error;
  }
}

export { isTimerCommand };

function decideChecked(state: CaseState | null, command: CaseCommand, ctx: DecideContext): CaseEvent[] {
  const now = resolveNow(ctx);
  if (state === null && command.type !== 'ReceiveApplication')
    throw DomainError.notFound('No such case', { code: 'not-found.case' });
  const target = resolveTarget(state, command);
  const forbidden = authorize(command.type, state, now.actor, target);
  if (forbidden)
    throw DomainError.forbidden(String(forbidden), {
      code: forbidden instanceof Refusal ? forbidden.reason.code : 'forbidden.jurisdiction',
      params: forbidden instanceof Refusal ? forbidden.reason.params : undefined,
    });
  const notNow = available(command.type, state, target, now);
  const refusal = (message: string, reason?: MessageRef) =>
    new DomainError('not-allowed-in-state', message, {
      state: state?.status ?? 'none',
      allowed: state ? [...new Set(allowedCommands(state, ctx).map((c) => c.type))] : ['ReceiveApplication'],
      reason,
    });
  if (notNow) {
    if (isTimerCommand(command.type)) return [];
    throw refusal(capitalize(String(notNow)), notNow instanceof Refusal ? notNow.reason : undefined);
  }
  if (command.type === 'ReceiveApplication') return frontDesk.receive(command, ctx, now);
  try {
    return decideFor(state as CaseState, command, target, now);
  } catch (error) {
    // A rule checked inside a decision (一次一评, a stage not reached) is a state refusal too.
    if (error instanceof DomainError && error.code === 'not-allowed-in-state' && error.state === undefined) {
      throw refusal(error.message, error.reason);
    }
    throw error;
  }
}

function decideFor(
  state: CaseState,
  command: Exclude<CaseCommand, { type: 'ReceiveApplication' }>,
  target: Target,
  now: Now,
): CaseEvent[] {
  const task = target.task ?? null;
  const obligation = target.obligation ?? null;
  switch (command.type) {
    case 'AcceptCase':
      return frontDesk.accept(state, command, now);
    case 'AcceptWithDeficiency':
      return frontDesk.acceptWithDeficiency(state, command, now);
    case 'RequestCorrection':
      return frontDesk.requestCorrection(state, command, now);
    case 'SubmitCorrection':
      return frontDesk.submitCorrection(state, command, now);
    case 'RefuseCase':
      return frontDesk.refuse(state, command, now);
    case 'WithdrawCase':
      return frontDesk.withdraw(state, command, now);
    case 'SupplyDeficiency':
      return frontDesk.supplyDeficiency(state, command, now);
    case 'ClaimTask':
      return backOffice.claim(task!, now);
    case 'ReleaseTask':
      return backOffice.release(task!, now);
    case 'PassTask':
      return backOffice.pass(state, task!, command, now);
    case 'ReturnTask':
      return backOffice.returnTask(state, task!, command, now);
    case 'StartSpecialProcedure':
      return backOffice.startSpecialProcedure(state, task!, command, now);
    case 'EndSpecialProcedure':
      return backOffice.endSpecialProcedure(state, target.procedure!, command, now);
    case 'ExtendTimeLimit':
      return backOffice.extend(state, command, now);
    case 'ApproveCase':
      return backOffice.approve(state, task!, command, now);
    case 'DenyCase':
      return backOffice.deny(state, task!, command, now);
    case 'IssueResult':
      return delivery.issueResult(state, command, now);
    case 'DispatchResult':
      return delivery.dispatch(state, command, now);
    case 'DeliverResult':
      return delivery.deliver(state, command, now);
    case 'RateService':
      return rating.rate(state, command, now);
    case 'RecordCallback':
      return rating.recordCallback(obligation!, command, now);
    case 'RectifyObligation':
      return rating.rectify(obligation!, command, now);
    case 'ExplainObligation':
      return rating.explain(obligation!, command, now);
    case 'DeemAccepted':
      return frontDesk.deemAccepted(state, now);
    case 'MarkCorrectionOverdue':
      return frontDesk.markCorrectionOverdue(state, now);
    case 'MarkDeficiencyOverdue':
      return frontDesk.markDeficiencyOverdue(state, now);
    case 'MarkDecisionWarning':
      return timers.markDecisionWarning(state, command.limit, now);
    case 'MarkDecisionOverdue':
      return timers.markDecisionOverdue(state, command.limit, now);
    case 'MarkResultIssueOverdue': {
      const due = state.context.decision?.resultDueBy ?? '';
      return state.context.marks.includes(`result-issue-overdue:${due}`)
        ? []
        : delivery.markResultIssueOverdue(state, now);
    }
    case 'RecalculateDeadlines':
      return recalculation.recalculate(state, now);
    case 'MarkObligationOverdue':
      return state.context.marks.includes(
        `obligation-overdue:${obligation!.obligationId}:${command.deadline}`,
      )
        ? []
        : rating.markObligationOverdue(obligation!, command.deadline, now);
    default:
      return decideSliced(state, command, target, now);
  }
}

/** A command no case above names is a slice's (ADR 0010): its module decides. */
function decideSliced(state: CaseState, command: SlicedCommand, target: Target, now: Now): CaseEvent[] {
  return sliceOfCommand((command as { type: string }).type)!.decide(
    state,
    command,
    target,
    now,
  ) as CaseEvent[];
}

/** Finds what the command names inside the case; an id that names nothing is a 404. */
export function resolveTarget(state: CaseState | null, command: CaseCommand): Target {
  if (state === null) return {};
  const { context } = state;
  switch (command.type) {
    case 'ClaimTask':
    case 'ReleaseTask':
    case 'PassTask':
    case 'ReturnTask':
      return { task: namedTask(state, command.taskId) };
    case 'RecordCallback':
    case 'RectifyObligation':
    case 'ExplainObligation':
    case 'MarkObligationOverdue': {
      const obligation = namedObligation(state, command.obligationId);
      if (command.type === 'MarkObligationOverdue') {
        new Problems().oneOf(command.deadline, ['callback', 'rectification'], 'deadline').throwIfAny();
        return { obligation, deadline: command.deadline };
      }
      return { obligation };
    }
    case 'EndSpecialProcedure': {
      const procedure = context.specialProcedures.find((p) => p.n === command.n);
      if (!procedure) throw DomainError.notFound(`No special procedure ${String(command.n)}`);
      return { procedure };
    }
    case 'StartSpecialProcedure':
    case 'ApproveCase':
    case 'DenyCase':
      return { task: currentTask(context) };
    case 'MarkDecisionWarning':
    case 'MarkDecisionOverdue':
      new Problems().oneOf(command.limit, ['statutory', 'promised'], 'limit').throwIfAny();
      return { limit: command.limit };
    case 'ReceiveApplication':
    case 'AcceptCase':
    case 'AcceptWithDeficiency':
    case 'RequestCorrection':
    case 'SubmitCorrection':
    case 'RefuseCase':
    case 'WithdrawCase':
    case 'SupplyDeficiency':
    case 'ExtendTimeLimit':
    case 'IssueResult':
    case 'DispatchResult':
    case 'DeliverResult':
    case 'RateService':
    case 'DeemAccepted':
    case 'MarkCorrectionOverdue':
    case 'MarkDeficiencyOverdue':
    case 'MarkResultIssueOverdue':
    case 'RecalculateDeadlines':
      return { procedure: activeSpecialProcedure(context) };
    default:
      return slicedTarget(state, command);
  }
}

/** A slice's command addresses what its registry entry's target says. */
function slicedTarget(state: CaseState, command: SlicedCommand): Target {
  const { context } = state;
  const definition = sliceOfCommand((command as { type: string }).type)!.command;
  const named = command as { taskId?: string; obligationId?: string };
  switch (definition.target) {
    case 'task':
      return { task: namedTask(state, named.taskId ?? '') };
    case 'obligation':
      return { obligation: namedObligation(state, named.obligationId ?? '') };
    case 'new':
    case 'case':
      return definition.onCurrentTask
        ? { task: currentTask(context) }
        : { procedure: activeSpecialProcedure(context) };
  }
}

function namedTask(state: CaseState, id: string) {
  const parsed = parseTaskId(id);
  const task = state.context.tasks.find((t) => t.taskId === id);
  if (!parsed || parsed.caseId !== state.context.caseId || !task) throw DomainError.notFound(`No task ${id}`);
  return task;
}

function namedObligation(state: CaseState, id: string) {
  const parsed = parseObligationId(id);
  const obligation = state.context.obligations.find((o) => o.obligationId === id);
  if (!parsed || parsed.caseId !== state.context.caseId || !obligation) {
    throw DomainError.notFound(`No obligation ${id}`);
  }
  return obligation;
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
