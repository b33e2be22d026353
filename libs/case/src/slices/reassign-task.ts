/**
 * 转办: the head of the task's department or an administrator hands a queued or claimed task to
 * a named person of the same department who holds the task's role (an approver for a review
 * step), with a reason. The task is then held by that person; the case's state does not change.
 * The person comes from the staff lookup port (`Now.staff`, ADR 0010).
 */
import { LIMITS, TextField } from '@one-window/shared';
import { DomainError } from '../domain/errors.js';
import { Problems } from '../domain/problems.js';
import { Refusal, when } from '../domain/reason.js';
import type { TaskHolder } from '../events.js';
import { defineSlice, headsTaskOrAdmin, onCurrentTask } from './slice.js';

export type ReassignTask = {
  readonly type: 'ReassignTask';
  readonly taskId: string;
  /** The user id of the person the task goes to. */
  readonly assignee: string;
  readonly reason: string;
};

export interface TaskReassignedData {
  readonly taskId: string;
  /** Who held it before; null when it was in the queue. */
  readonly from: TaskHolder | null;
  readonly to: TaskHolder;
  readonly reason: string;
  readonly by: TaskHolder;
  readonly reassignedAt: string;
}
export type CaseTaskReassigned = { readonly type: 'case.TaskReassigned'; readonly data: TaskReassignedData };

/** 转办: to whom, and why. */
export class ReassignTaskDto {
  @TextField(LIMITS.code, { description: 'the user id of the approver the task goes to', example: 'appr-2' })
  assignee!: string;

  @TextField(LIMITS.text, { description: 'why the task is handed over (转办理由)', example: '原承办人休假' })
  reason!: string;
}

export const REASSIGN_TASK = defineSlice<ReassignTask, CaseTaskReassigned>({
  command: {
    type: 'ReassignTask',
    target: 'task',
    route: 'reassign',
    roles: ['head', 'admin'],
    schema: ReassignTaskDto,
    labels: { zh: '转办', en: 'Reassign' },
    summary:
      "转办: hands a queued or claimed task to a named approver of the task's department (its head or an administrator)",
  },
  events: ['case.TaskReassigned'],
  in: ['handling.backOffice'],
  staff: (command) => [command.assignee],
  fits: onCurrentTask,
  authorize: (_state, actor, { task }) =>
    when(
      headsTaskOrAdmin(actor, task),
      new Refusal(
        `only the head of ${task?.department ?? 'the department'} or an administrator may reassign the task (转办)`,
        {
          code: 'forbidden.reassign',
        },
      ),
    ),
  available: (state, { task }) =>
    when(
      task !== undefined && task !== null && task.taskId === state.context.currentTaskId,
      new Refusal(`task ${task?.taskId ?? ''} is not open: only a queued or claimed task can be reassigned`, {
        code: 'not-allowed-in-state.reassign-closed',
      }),
    ),
  decide: (_state, command, { task }, now) => {
    new Problems().text(command.reason, 'reason').throwIfAny();
    const member = now.staff.get(command.assignee);
    if (!member || member.disabled || member.role !== task!.role || member.department !== task!.department) {
      throw DomainError.notAllowedNow(
        `${member?.name ?? command.assignee} is not an active ${task!.role} of ${task!.department}: a task is reassigned to one (转办)`,
        { code: 'not-allowed-in-state.reassign-assignee', params: { name: member?.name ?? 'none' } },
      );
    }
    if (task!.holder?.userId === member.userId) {
      throw DomainError.notAllowedNow(`${member.name} already holds task ${task!.taskId}`, {
        code: 'not-allowed-in-state.held-by',
        params: { holder: member.name },
      });
    }
    return [
      {
        type: 'case.TaskReassigned',
        data: {
          taskId: task!.taskId,
          from: task!.holder,
          to: { userId: member.userId, name: member.name },
          reason: command.reason,
          by: { userId: now.actor.userId, name: now.actor.name },
          reassignedAt: now.now.toISOString(),
        },
      },
    ];
  },
  evolve: (context, event) => ({
    ...context,
    tasks: context.tasks.map((t) =>
      t.taskId === event.data.taskId ? { ...t, status: 'claimed', holder: event.data.to } : t,
    ),
  }),
  detail: ({ data }) => ({ by: data.by.name, to: data.to.name, reason: data.reason }),
});
