/**
 * The commands an actor may send to a case now — what the console shows as buttons and the case
 * summary lists. What each command acts on comes from the command registry; deadline commands
 * belong to the scheduler and are not listed.
 */
import type { CaseCommandType } from '../commands.js';
import { routeParams } from '../registry/command-definition.js';
import { HTTP_COMMANDS } from '../registry/registry.js';
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
  for (const definition of HTTP_COMMANDS) {
    const { type } = definition;
    if (definition.target === 'new') continue;
    if (definition.target === 'task' || definition.onCurrentTask) {
      if (task) consider(type, { task }, { taskId: task.taskId });
    } else if (definition.target === 'obligation') {
      for (const obligation of context.obligations) {
        consider(type, { obligation }, { obligationId: obligation.obligationId });
      }
    } else if (routeParams(definition).includes('n')) {
      if (procedure) consider(type, { procedure }, { n: procedure.n });
    } else {
      consider(type, { procedure }, {});
    }
  }
  return result;
}
