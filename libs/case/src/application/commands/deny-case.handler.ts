import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { DenyCaseCommand } from './deny-case.command.js';

@CommandHandler(DenyCaseCommand)
export class DenyCaseHandler implements ICommandHandler<DenyCaseCommand, CaseCommandResult> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: DenyCaseCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
