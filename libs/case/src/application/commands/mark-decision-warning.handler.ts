import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { MarkDecisionWarningCommand } from './mark-decision-warning.command.js';

@CommandHandler(MarkDecisionWarningCommand)
export class MarkDecisionWarningHandler implements ICommandHandler<
  MarkDecisionWarningCommand,
  CaseCommandResult
> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: MarkDecisionWarningCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
