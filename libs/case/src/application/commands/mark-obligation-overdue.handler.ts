import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { MarkObligationOverdueCommand } from './mark-obligation-overdue.command.js';

@CommandHandler(MarkObligationOverdueCommand)
export class MarkObligationOverdueHandler implements ICommandHandler<
  MarkObligationOverdueCommand,
  CaseCommandResult
> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: MarkObligationOverdueCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
