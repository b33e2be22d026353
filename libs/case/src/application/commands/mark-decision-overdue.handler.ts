import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { MarkDecisionOverdueCommand } from './mark-decision-overdue.command.js';

@CommandHandler(MarkDecisionOverdueCommand)
export class MarkDecisionOverdueHandler implements ICommandHandler<
  MarkDecisionOverdueCommand,
  CaseCommandResult
> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: MarkDecisionOverdueCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
