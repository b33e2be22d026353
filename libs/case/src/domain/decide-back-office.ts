/** 后台分类审批: tasks per guide step, special procedures, extension, and the decision (Law Art. 38, 42, 45). */
import type {
  ApproveCase,
  DenyCase,
  EndSpecialProcedure,
  ExtendTimeLimit,
  PassTask,
  ReturnTask,
  StartSpecialProcedure,
} from '../commands.js';
import { FRONT_DESK, type CaseEvent, type SpecialProcedureKind } from '../events.js';
import type { CaseState } from './case-state.js';
import type { SpecialProcedureRecord, TaskRecord } from './context.js';
import { shiftedDueDate, withProvisional, workingDaysAfter } from './dates.js';
import type { Now } from './decide-context.js';
import { Problems } from './problems.js';
import { taskForStep } from './tasks.js';

export const SPECIAL_PROCEDURE_KINDS: readonly SpecialProcedureKind[] = [
  'hearing',
  'tender',
  'auction',
  'inspection',
  'testing',
  'quarantine',
  'appraisal',
  'expert-review',
];

const holder = (now: Now) => ({ userId: now.actor.userId, name: now.actor.name });

export function claim(task: TaskRecord, now: Now): CaseEvent[] {
  return [
    {
      type: 'case.TaskClaimed',
      data: { taskId: task.taskId, holder: holder(now), claimedAt: now.now.toISOString() },
    },
  ];
}

export function release(task: TaskRecord, now: Now): CaseEvent[] {
  return [
    {
      type: 'case.TaskReleased',
      data: { taskId: task.taskId, holder: task.holder ?? holder(now), releasedAt: now.now.toISOString() },
    },
  ];
}

export function pass(state: CaseState, task: TaskRecord, command: PassTask, now: Now): CaseEvent[] {
  new Problems().text(command.opinion, 'opinion').throwIfAny();
  return [
    {
      type: 'case.TaskPassed',
      data: { taskId: task.taskId, opinion: command.opinion, passedAt: now.now.toISOString() },
    },
    taskForStep(state, now, now.today, task.stepIndex + 1, 'passed'),
  ];
}

export function returnTask(state: CaseState, task: TaskRecord, command: ReturnTask, now: Now): CaseEvent[] {
  const earlier = state.context.guide.steps.slice(0, task.stepIndex).map((s) => s.name);
  new Problems()
    .text(command.reason, 'reason')
    .check(
      command.to === FRONT_DESK || earlier.includes(command.to),
      'to',
      `to must be "${FRONT_DESK}" or an earlier step (${earlier.join(', ') || 'none'})`,
      'return-target',
      { allowed: [FRONT_DESK, ...earlier] },
    )
    .throwIfAny();
  const returned: CaseEvent = {
    type: 'case.TaskReturned',
    data: { taskId: task.taskId, to: command.to, reason: command.reason, returnedAt: now.now.toISOString() },
  };
  if (command.to === FRONT_DESK) return [returned];
  return [returned, taskForStep(state, now, now.today, earlier.indexOf(command.to), 'returned')];
}

export function startSpecialProcedure(
  state: CaseState,
  task: TaskRecord,
  command: StartSpecialProcedure,
  now: Now,
): CaseEvent[] {
  new Problems()
    .oneOf(command.kind, SPECIAL_PROCEDURE_KINDS, 'kind')
    .text(command.reason, 'reason')
    .integer(command.expectedDays, 'expectedDays', 1, 365)
    .throwIfAny();
  return [
    {
      type: 'case.SpecialProcedureStarted',
      data: {
        n: state.context.specialProcedures.length + 1,
        kind: command.kind,
        reason: command.reason,
        expectedDays: command.expectedDays,
        taskId: task.taskId,
        startedOn: now.today,
      },
    },
  ];
}

export function endSpecialProcedure(
  state: CaseState,
  procedure: SpecialProcedureRecord,
  command: EndSpecialProcedure,
  now: Now,
): CaseEvent[] {
  new Problems().text(command.result, 'result').throwIfAny();
  const { statutoryDueDate, promisedDueDate } = state.context;
  const startedOn = procedure.startedOn;
  const suspendedWorkingDays =
    now.today > startedOn ? now.calendar.workingDaysBetween(startedOn, now.today) : 0;
  return [
    {
      type: 'case.SpecialProcedureEnded',
      data: {
        n: procedure.n,
        result: command.result,
        endedOn: now.today,
        suspendedWorkingDays,
        ...withProvisional(now, {
          statutoryDueDate: shiftedDueDate(now, statutoryDueDate ?? now.today, startedOn, now.today),
          promisedDueDate: shiftedDueDate(now, promisedDueDate ?? now.today, startedOn, now.today),
        }),
      },
    },
  ];
}

/** Law Art. 42: 10 working days, 15 for an item decided jointly by several departments. */
function maxExtensionDays(state: CaseState, now: Now): number {
  return state.context.guide.jointHandling === true
    ? now.policy.maxJointExtensionDays
    : now.policy.maxExtensionDays;
}

export function extend(state: CaseState, command: ExtendTimeLimit, now: Now): CaseEvent[] {
  new Problems()
    .integer(command.days, 'days', 1, maxExtensionDays(state, now))
    .text(command.reason, 'reason')
    .throwIfAny();
  const previousDueDate = state.context.statutoryDueDate ?? now.today;
  return [
    {
      type: 'case.Extended',
      data: {
        days: command.days,
        reason: command.reason,
        head: holder(now),
        previousDueDate,
        ...withProvisional(now, { statutoryDueDate: workingDaysAfter(now, previousDueDate, command.days) }),
        extendedOn: now.today,
      },
    },
  ];
}

function timeliness(state: CaseState, now: Now) {
  return {
    withinStatutoryLimit: now.today <= (state.context.statutoryDueDate ?? now.today),
    withinPromisedLimit: now.today <= (state.context.promisedDueDate ?? now.today),
  };
}

export function approve(state: CaseState, task: TaskRecord, command: ApproveCase, now: Now): CaseEvent[] {
  new Problems().text(command.opinion, 'opinion').throwIfAny();
  return [
    {
      type: 'case.Approved',
      data: {
        taskId: task.taskId,
        opinion: command.opinion,
        approvedOn: now.today,
        ...withProvisional(now, {
          resultDueBy: workingDaysAfter(now, now.today, now.policy.resultIssueWorkingDays),
        }),
        ...timeliness(state, now),
      },
    },
  ];
}

export function deny(state: CaseState, task: TaskRecord, command: DenyCase, now: Now): CaseEvent[] {
  const reasons: readonly string[] = Array.isArray(command.reasons) ? command.reasons : [];
  const problems = new Problems()
    .check(reasons.length > 0, 'reasons', 'a denial states its reasons (Art. 38)', 'denial-reasons')
    .text(command.remedies?.reviewAuthority, 'remedies.reviewAuthority')
    .text(command.remedies?.court, 'remedies.court');
  reasons.forEach((reason, i) => problems.text(reason, `reasons[${i}]`));
  problems.throwIfAny();
  return [
    {
      type: 'case.Denied',
      data: {
        taskId: task.taskId,
        reasons: [...reasons],
        remedies: {
          administrativeReviewDays: now.policy.administrativeReviewDays,
          reviewAuthority: command.remedies.reviewAuthority,
          lawsuitMonths: now.policy.lawsuitMonths,
          court: command.remedies.court,
        },
        deniedOn: now.today,
        decisionNumber: `${state.context.caseNumber}-D`,
        ...timeliness(state, now),
      },
    },
  ];
}
