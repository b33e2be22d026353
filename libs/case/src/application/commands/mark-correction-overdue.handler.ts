import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { MarkCorrectionOverdueCommand } from './mark-correction-overdue.command.js';

@CommandHandler(MarkCorrectionOverdueCommand)
export class MarkCorrectionOverdueHandler implements ICommandHandler<
  MarkCorrectionOverdueCommand,
  CaseCommandResult
> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: MarkCorrectionOverdueCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
