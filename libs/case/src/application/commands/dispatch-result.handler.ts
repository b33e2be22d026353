import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { DispatchResultCommand } from './dispatch-result.command.js';

@CommandHandler(DispatchResultCommand)
export class DispatchResultHandler implements ICommandHandler<DispatchResultCommand, CaseCommandResult> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: DispatchResultCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
