import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { EndSpecialProcedureCommand } from './end-special-procedure.command.js';

@CommandHandler(EndSpecialProcedureCommand)
export class EndSpecialProcedureHandler implements ICommandHandler<
  EndSpecialProcedureCommand,
  CaseCommandResult
> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: EndSpecialProcedureCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
