import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { ReturnTaskCommand } from './return-task.command.js';

@CommandHandler(ReturnTaskCommand)
export class ReturnTaskHandler implements ICommandHandler<ReturnTaskCommand, CaseCommandResult> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: ReturnTaskCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
