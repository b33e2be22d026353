import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { DeemAcceptedCommand } from './deem-accepted.command.js';

@CommandHandler(DeemAcceptedCommand)
export class DeemAcceptedHandler implements ICommandHandler<DeemAcceptedCommand, CaseCommandResult> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: DeemAcceptedCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
