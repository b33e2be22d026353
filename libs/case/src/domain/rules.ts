/**
 * When a command may be sent (the case's state) and who may send it (role and jurisdiction,
 * DOMAIN §2). `decide` enforces both; `allowedCommands` lists what passes both. Each rule
 * answers `null` when the command may go ahead, or the reason it may not. Which states accept a
 * command is the statechart's (its states' `meta.accepts`); the rules here add what the state
 * alone does not say: dates, materials, the task, the obligation.
 */
import type { Actor } from '@one-window/shared';
import { isTimerCommand, type CaseCommandType } from '../commands.js';
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
import { acceptedCommands, refusalIn } from './state-meta.js';
import { ok, Refusal, when, type Reason } from './reason.js';
import { sliceOfCommand, type SlicedCommand } from '../slices/index.js';

/** What a command acts on besides the case itself. */
export interface Target {
  readonly task?: TaskRecord | null;
  readonly obligation?: ObligationRecord | null;
  readonly procedure?: SpecialProcedureRecord | null;
  readonly limit?: DecisionLimit;
  readonly deadline?: 'callback' | 'rectification';
}

export { Refusal };

const named = (context: CaseState['context'], codes: readonly string[]): string[] =>
  codes.map((code) => context.guide.materials.find((m) => m.code === code)?.name ?? code);

// --- Who ---------------------------------------------------------------------------------------

const clerkOfHall = (actor: Actor, state: CaseState): Reason =>
  when(
    actor.role === 'clerk' && actor.hall === state.context.hall,
    `only a clerk of hall ${state.context.hall} may do this`,
  );

const clerkOrChannel = (actor: Actor, state: CaseState): Reason =>
  actor.role === 'system' ? ok : clerkOfHall(actor, state);

/**
 * The step's own role in its department — or that department's head on an approver's step: a
 * head holds every approver right (ADR 8), so a head can take over a step no approver is free for.
 */
const staffOfStep = (actor: Actor, task: TaskRecord | null | undefined): Reason =>
  task
    ? when(
        actor.department === task.department &&
          (actor.role === task.role || (actor.role === 'head' && task.role === 'approver')),
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
  if (isTimerCommand(type))
    return when(actor.role === 'system', 'only the scheduler sends deadline commands');
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
    default:
      return slice(type).authorize(state, actor, target);
  }
}

/** The slice of a command no switch here names (ADR 0010). */
const slice = (type: SlicedCommand['type']) => sliceOfCommand(type)!;

// --- When --------------------------------------------------------------------------------------

const currentAndHeld = (state: CaseState, task: TaskRecord | null | undefined): Reason =>
  task && task.taskId === state.context.currentTaskId
    ? when(
        task.holder !== null,
        new Refusal(`task ${task.taskId} must be claimed first`, {
          code: 'not-allowed-in-state.claim-first',
        }),
      )
    : 'there is no current task to act on';

const deliverable = (state: CaseState): Reason =>
  when(
    state.context.decision?.outcome === 'denied' || !hasOpenDeficiency(state.context),
    `materials ${state.context.deficiency?.missing.join(', ') ?? ''} are still missing (容缺): the case cannot be delivered`,
  );

const dueDateOf = (state: CaseState, limit: DecisionLimit | undefined): string | null =>
  limit === 'promised' ? state.context.promisedDueDate : state.context.statutoryDueDate;

const notPossible = (state: CaseState): string => `not possible while the case is ${state.status}`;

/**
 * Why a state that does not accept the command refuses it, where the command has its own words
 * (a state's own words, its `meta.refuses`, come first).
 */
const NOT_IN_THIS_STATE: Partial<Record<CaseCommandType, (state: CaseState, target: Target) => string>> = {
  ReceiveApplication: () => 'the case has already been received',
  WithdrawCase: (state) => `a case can be withdrawn only before the decision; it is ${state.status}`,
  SupplyDeficiency: () => 'no deficient materials are open',
  MarkDeficiencyOverdue: () => 'no deficiency is open',
  ClaimTask: (_, target) => `task ${target.task?.taskId ?? ''} is not open`,
  ReleaseTask: (_, target) => `task ${target.task?.taskId ?? ''} is not open`,
};

/** Whether the case's state allows the command now. Timer commands also check their deadline has passed. */
export function available(type: CaseCommandType, state: CaseState | null, target: Target, now: Now): Reason {
  if (state === null) return when(type === 'ReceiveApplication', 'there is no such case');
  if (!acceptedCommands(state.snapshot).has(type)) {
    return refusalIn(state.snapshot, type) ?? (NOT_IN_THIS_STATE[type] ?? notPossible)(state, target);
  }
  const { context } = state;
  const { task, obligation } = target;
  switch (type) {
    case 'ReceiveApplication':
      return 'the case has already been received';
    case 'AcceptCase':
      return when(
        stillMissing(context).length === 0 || now.today > context.acceptanceDecideBy,
        new Refusal(
          `materials ${stillMissing(context).join(', ')} are missing: give one complete correction notice, or accept with deficiency (容缺)`,
          {
            code: 'not-allowed-in-state.materials-missing',
            params: { codes: stillMissing(context), materials: named(context, stillMissing(context)) },
          },
        ),
      );
    case 'AcceptWithDeficiency': {
      // 容缺 only when everything missing is on the guide's 容缺 list and not a key material.
      const missing = stillMissing(context);
      const notDeferrable = missing.filter((code) => {
        const material = context.guide.materials.find((m) => m.code === code);
        return !material || !material.deficiencyAllowed || material.key;
      });
      return (
        when(
          missing.length > 0,
          new Refusal('no materials are missing: accept the case', {
            code: 'not-allowed-in-state.nothing-missing',
          }),
        ) ??
        when(
          notDeferrable.length === 0,
          new Refusal(`${notDeferrable.join(', ')} cannot be deferred (容缺): request a correction`, {
            code: 'not-allowed-in-state.not-deferrable',
            params: { codes: notDeferrable, materials: named(context, notDeferrable) },
          }),
        )
      );
    }
    case 'RefuseCase':
      return ok;
    case 'RequestCorrection':
      return when(
        now.today <= context.acceptanceDecideBy,
        `the correction notice was due by ${context.acceptanceDecideBy}: the case counts as accepted from ${context.deemedAcceptanceFrom} (Law Art. 32)`,
      );
    case 'SubmitCorrection':
      return when(
        !state.snapshot.hasTag('correctionClock') || now.today <= (context.correction?.correctBy ?? ''),
        `the correction was due by ${context.correction?.correctBy ?? ''}`,
      );
    case 'WithdrawCase':
      return ok;
    case 'SupplyDeficiency':
      return when(hasOpenDeficiency(context), 'no deficient materials are open');
    case 'ClaimTask':
      return (
        when(task?.taskId === context.currentTaskId, `task ${task?.taskId ?? ''} is not open`) ??
        when(
          task?.holder === null,
          new Refusal(`task ${task?.taskId ?? ''} is already held by ${task?.holder?.name ?? ''}`, {
            code: 'not-allowed-in-state.held-by',
            params: { holder: task?.holder?.name ?? '' },
          }),
        )
      );
    case 'ReleaseTask':
      return (
        when(task?.taskId === context.currentTaskId, `task ${task?.taskId ?? ''} is not open`) ??
        when(task?.holder !== null, `task ${task?.taskId ?? ''} is not held`)
      );
    case 'PassTask':
      return (
        currentAndHeld(state, task) ??
        when(!task || !isLastStep(context, task), 'the last step approves or denies; it cannot be passed')
      );
    case 'ReturnTask':
    case 'StartSpecialProcedure':
      return currentAndHeld(state, task);
    case 'EndSpecialProcedure':
      return when(
        target.procedure !== null && target.procedure?.n === activeSpecialProcedure(context)?.n,
        'that special procedure is not running',
      );
    case 'ExtendTimeLimit':
      return when(
        context.extension === null,
        new Refusal('the time limit has already been extended once (Law Art. 42)', {
          code: 'not-allowed-in-state.already-extended',
        }),
      );
    case 'ApproveCase':
    case 'DenyCase':
      return (
        currentAndHeld(state, task) ??
        when(!task || isLastStep(context, task), 'only the last step approves or denies')
      );
    case 'IssueResult':
    case 'DispatchResult':
    case 'DeliverResult':
      return deliverable(state);
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
    case 'MarkCorrectionOverdue':
      return ok;
    case 'MarkDeficiencyOverdue':
      return when(hasOpenDeficiency(context) && !context.deficiency?.overdue, 'no deficiency is open');
    case 'MarkDecisionWarning':
    case 'MarkDecisionOverdue':
      return when(dueDateOf(state, target.limit) !== null, 'no due date');
    case 'MarkResultIssueOverdue':
      return when(context.decision?.outcome === 'approved', 'no result is due');
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
    default:
      return slice(type).available(state, target, now);
  }
}
