import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { RecordCallbackCommand } from './record-callback.command.js';

@CommandHandler(RecordCallbackCommand)
export class RecordCallbackHandler implements ICommandHandler<RecordCallbackCommand, CaseCommandResult> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: RecordCallbackCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
