import { taskId } from '../commands.js';
import type { CaseTaskCreated, TaskCreatedData } from '../events.js';
import type { CaseState } from './case-state.js';
import { withProvisional, workingDaysAfter } from './dates.js';
import type { Now } from './decide-context.js';
import { DomainError } from './errors.js';

/** The task for a guide step, put in the step department's queue. Task ids are `<caseId>.t<n>`. */
export function taskForStep(
  state: CaseState,
  now: Now,
  createdOn: string,
  stepIndex = 0,
  reason: TaskCreatedData['reason'] = 'accepted',
): CaseTaskCreated {
  const { context } = state;
  const step = context.guide.steps[stepIndex];
  if (!step) throw DomainError.invalid(`The guide of ${context.guide.code} has no step ${stepIndex + 1}`);
  const n = context.tasks.length + 1;
  return {
    type: 'case.TaskCreated',
    data: {
      taskId: taskId(context.caseId, n),
      n,
      step: step.name,
      stepIndex,
      label: step.label,
      department: step.department,
      role: step.role,
      createdOn,
      ...withProvisional(now, { stepDueDate: workingDaysAfter(now, createdOn, step.timeLimitDays) }),
      reason,
    },
  };
}
