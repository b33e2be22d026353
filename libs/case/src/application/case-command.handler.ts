import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from './case-command-executor.js';
import { CaseCommandMessage } from './case-command-message.js';
import type { CaseCommandResult } from './case-command-result.js';

/** The one handler behind the CommandBus: every case command goes to the executor. */
@CommandHandler(CaseCommandMessage)
export class CaseCommandHandler implements ICommandHandler<CaseCommandMessage, CaseCommandResult> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(message: CaseCommandMessage): Promise<CaseCommandResult> {
    return this.executor.execute(message.payload, message.meta);
  }
}
