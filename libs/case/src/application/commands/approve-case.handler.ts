import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { ApproveCaseCommand } from './approve-case.command.js';

@CommandHandler(ApproveCaseCommand)
export class ApproveCaseHandler implements ICommandHandler<ApproveCaseCommand, CaseCommandResult> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: ApproveCaseCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
