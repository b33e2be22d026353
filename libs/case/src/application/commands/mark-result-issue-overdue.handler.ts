import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { MarkResultIssueOverdueCommand } from './mark-result-issue-overdue.command.js';

@CommandHandler(MarkResultIssueOverdueCommand)
export class MarkResultIssueOverdueHandler implements ICommandHandler<
  MarkResultIssueOverdueCommand,
  CaseCommandResult
> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: MarkResultIssueOverdueCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
