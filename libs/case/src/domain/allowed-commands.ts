/**
 * The commands an actor may send to a case now — what the console shows as buttons and the case
 * summary lists. Deadline commands belong to the scheduler and are not listed.
 */
import { CASE_COMMAND_TYPES, TIMER_COMMAND_TYPES, type CaseCommandType } from '../commands.js';
import type { CaseState } from './case-state.js';
import { activeSpecialProcedure, currentTask } from './context.js';
import { resolveNow, type DecideContext } from './decide-context.js';
import { authorize, available, type Target } from './rules.js';

export interface AllowedCommand {
  readonly type: CaseCommandType;
  /** For task commands (and approve / deny / special procedures): the task acted on. */
  readonly taskId?: string;
  readonly obligationId?: string;
  /** For EndSpecialProcedure: the running procedure's number. */
  readonly n?: number;
}

const TIMERS = new Set<string>(TIMER_COMMAND_TYPES);
const ON_CURRENT_TASK = new Set<CaseCommandType>([
  'ClaimTask',
  'ReleaseTask',
  'PassTask',
  'ReturnTask',
  'StartSpecialProcedure',
  'ApproveCase',
  'DenyCase',
]);
const ON_OBLIGATION = new Set<CaseCommandType>(['RecordCallback', 'RectifyObligation', 'ExplainObligation']);

export function allowedCommands(
  state: CaseState,
  ctx: Pick<DecideContext, 'now' | 'actor' | 'calendar' | 'policy'>,
): AllowedCommand[] {
  const now = resolveNow(ctx);
  const { context } = state;
  const task = currentTask(context);
  const procedure = activeSpecialProcedure(context);
  const result: AllowedCommand[] = [];
  const consider = (type: CaseCommandType, target: Target, named: Omit<AllowedCommand, 'type'>) => {
    if (authorize(type, state, ctx.actor, target) === null && available(type, state, target, now) === null) {
      result.push({ type, ...named });
    }
  };
  for (const type of CASE_COMMAND_TYPES) {
    if (TIMERS.has(type) || type === 'ReceiveApplication') continue;
    if (ON_CURRENT_TASK.has(type)) {
      if (task) consider(type, { task }, { taskId: task.taskId });
    } else if (ON_OBLIGATION.has(type)) {
      for (const obligation of context.obligations) {
        consider(type, { obligation }, { obligationId: obligation.obligationId });
      }
    } else if (type === 'EndSpecialProcedure') {
      if (procedure) consider(type, { procedure }, { n: procedure.n });
    } else {
      consider(type, { procedure }, {});
    }
  }
  return result;
}
