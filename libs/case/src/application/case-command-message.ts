import { Command } from '@nestjs/cqrs';
import type { CaseCommand } from '../commands.js';
import type { CaseCommandResult, CommandMeta } from './case-command-result.js';

/**
 * A case command as it travels through the CommandBus: the plain command plus who sends it.
 * One message class for every command type: the registry, not a class per command, says what
 * each is (ADR 0010).
 */
export class CaseCommandMessage extends Command<CaseCommandResult> {
  constructor(
    readonly payload: CaseCommand,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
