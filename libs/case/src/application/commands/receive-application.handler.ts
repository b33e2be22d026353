import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { ReceiveApplicationCommand } from './receive-application.command.js';

@CommandHandler(ReceiveApplicationCommand)
export class ReceiveApplicationHandler implements ICommandHandler<
  ReceiveApplicationCommand,
  CaseCommandResult
> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: ReceiveApplicationCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
