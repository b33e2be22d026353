import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { StartSpecialProcedureCommand } from './start-special-procedure.command.js';

@CommandHandler(StartSpecialProcedureCommand)
export class StartSpecialProcedureHandler implements ICommandHandler<
  StartSpecialProcedureCommand,
  CaseCommandResult
> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: StartSpecialProcedureCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
