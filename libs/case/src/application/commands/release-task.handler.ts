import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { ReleaseTaskCommand } from './release-task.command.js';

@CommandHandler(ReleaseTaskCommand)
export class ReleaseTaskHandler implements ICommandHandler<ReleaseTaskCommand, CaseCommandResult> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: ReleaseTaskCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
