import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { AcceptWithDeficiencyCommand } from './accept-with-deficiency.command.js';

@CommandHandler(AcceptWithDeficiencyCommand)
export class AcceptWithDeficiencyHandler implements ICommandHandler<
  AcceptWithDeficiencyCommand,
  CaseCommandResult
> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: AcceptWithDeficiencyCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
