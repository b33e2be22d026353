import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { SubmitCorrectionCommand } from './submit-correction.command.js';

@CommandHandler(SubmitCorrectionCommand)
export class SubmitCorrectionHandler implements ICommandHandler<SubmitCorrectionCommand, CaseCommandResult> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: SubmitCorrectionCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
