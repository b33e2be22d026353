import { type Actor, SYSTEM_ACTOR } from '@one-window/shared';
import type { CommandSender, ScheduledCommand, TimerCaseCommand } from '../timers/timer-types.js';

/** What the case engine offers: `CaseCommands.send` (through the CommandBus) has this shape. */
export interface CaseCommandPort {
  send(
    command: TimerCaseCommand,
    meta: { readonly actor: Actor; readonly commandId: string },
  ): Promise<unknown>;
}

/**
 * Sends a due timer's command as the scheduler (SYSTEM_ACTOR) under its deterministic command id,
 * which the case engine treats as the Idempotency-Key.
 */
export function caseCommandSender(commands: CaseCommandPort): CommandSender {
  return {
    send: (scheduled: ScheduledCommand) =>
      commands.send(scheduled.command, { actor: SYSTEM_ACTOR, commandId: scheduled.commandId }),
  };
}
