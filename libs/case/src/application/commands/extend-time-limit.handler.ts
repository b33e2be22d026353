import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { ExtendTimeLimitCommand } from './extend-time-limit.command.js';

@CommandHandler(ExtendTimeLimitCommand)
export class ExtendTimeLimitHandler implements ICommandHandler<ExtendTimeLimitCommand, CaseCommandResult> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: ExtendTimeLimitCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
