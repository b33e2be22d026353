/**
 * 督办: the head of the task's department or an administrator sends a supervision notice on a
 * task near (within the warning days) or past its step's due date. The case's state does not
 * change; the tasks read model marks the task and the queue shows the command's own label.
 */
import { LIMITS, TextField } from '@one-window/shared';
import type { TaskRecord } from '../domain/context.js';
import type { Now } from '../domain/decide-context.js';
import { Problems } from '../domain/problems.js';
import { when } from '../domain/reason.js';
import type { TaskHolder } from '../events.js';
import { defineSlice, headsTaskOrAdmin, onCurrentTask } from './slice.js';

export type SendSupervisionNotice = {
  readonly type: 'SendSupervisionNotice';
  readonly taskId: string;
  readonly note: string;
};

/** 督办: a head or an administrator presses a task that is near or past its step's due date. */
export interface SupervisionNoticeSentData {
  readonly taskId: string;
  readonly stepDueDate: string;
  /** Working days left before the step's due date; 0 or less when it has passed. */
  readonly workingDaysLeft: number;
  readonly note: string;
  readonly by: TaskHolder;
  readonly sentOn: string;
}
export type CaseSupervisionNoticeSent = {
  readonly type: 'case.SupervisionNoticeSent';
  readonly data: SupervisionNoticeSentData;
};

/** 督办: what the head or administrator presses for, told to the task's holder or queue. */
export class SupervisionNoticeDto {
  @TextField(LIMITS.text, { description: 'what is pressed for (督办意见)', example: '请于到期前办结' })
  note!: string;
}

/** Working days left before the step's due date; 0 on it, negative once it has passed. */
export function supervisionDaysLeft(task: TaskRecord, now: Now): number {
  return now.today > task.stepDueDate
    ? -now.calendar.workingDaysBetween(task.stepDueDate, now.today)
    : now.calendar.workingDaysBetween(now.today, task.stepDueDate);
}

export const SEND_SUPERVISION_NOTICE = defineSlice<SendSupervisionNotice, CaseSupervisionNoticeSent>({
  command: {
    type: 'SendSupervisionNotice',
    target: 'task',
    route: 'supervise',
    roles: ['head', 'admin'],
    schema: SupervisionNoticeDto,
    labels: { zh: '督办', en: 'Supervise' },
    summary:
      "督办: a supervision notice on a task near or past its step's due date (its department's head or an administrator)",
  },
  events: ['case.SupervisionNoticeSent'],
  in: ['handling.backOffice'],
  fits: onCurrentTask,
  authorize: (_state, actor, { task }) =>
    when(
      headsTaskOrAdmin(actor, task),
      `only the head of ${task?.department ?? 'the department'} or an administrator may send a supervision notice (督办)`,
    ),
  available: (state, { task }, now) => {
    if (!task || task.taskId !== state.context.currentTaskId) return `task ${task?.taskId ?? ''} is not open`;
    const left = supervisionDaysLeft(task, now);
    return when(
      left <= now.policy.warningWorkingDays,
      `task ${task.taskId} is due on ${task.stepDueDate}, ${left} working days away: a supervision notice (督办) is for a task near (within ${now.policy.warningWorkingDays} working days) or past its due date`,
    );
  },
  decide: (_state, command, { task }, now) => {
    new Problems().text(command.note, 'note').throwIfAny();
    return [
      {
        type: 'case.SupervisionNoticeSent',
        data: {
          taskId: task!.taskId,
          stepDueDate: task!.stepDueDate,
          workingDaysLeft: supervisionDaysLeft(task!, now),
          note: command.note,
          by: { userId: now.actor.userId, name: now.actor.name },
          sentOn: now.today,
        },
      },
    ];
  },
  evolve: (context) => context, // a notice: the read side marks the task, the case does not change
  taskMark: { name: 'supervised', tone: 'red', on: ({ data }) => ({ taskId: data.taskId, day: data.sentOn }) },
  detail: ({ data }) => ({
    by: data.by.name,
    note: data.note,
    stepDueDate: data.stepDueDate,
    late: data.workingDaysLeft <= 0,
    days: Math.abs(data.workingDaysLeft),
  }),
});
