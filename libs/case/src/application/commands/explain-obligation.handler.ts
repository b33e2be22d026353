import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { ExplainObligationCommand } from './explain-obligation.command.js';

@CommandHandler(ExplainObligationCommand)
export class ExplainObligationHandler implements ICommandHandler<
  ExplainObligationCommand,
  CaseCommandResult
> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: ExplainObligationCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
