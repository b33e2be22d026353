import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { MarkDeficiencyOverdueCommand } from './mark-deficiency-overdue.command.js';

@CommandHandler(MarkDeficiencyOverdueCommand)
export class MarkDeficiencyOverdueHandler implements ICommandHandler<
  MarkDeficiencyOverdueCommand,
  CaseCommandResult
> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: MarkDeficiencyOverdueCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
