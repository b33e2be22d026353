import { Command } from '@nestjs/cqrs';
import type { CaseCommand } from '../commands.js';
import type { CaseCommandResult, CommandMeta } from './case-command-result.js';

/** A case command as it travels through the CommandBus: the plain command plus who sends it. */
export abstract class CaseCommandMessage<C extends CaseCommand> extends Command<CaseCommandResult> {
  constructor(
    readonly payload: C,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
