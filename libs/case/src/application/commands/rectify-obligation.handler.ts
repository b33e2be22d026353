import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { RectifyObligationCommand } from './rectify-obligation.command.js';

@CommandHandler(RectifyObligationCommand)
export class RectifyObligationHandler implements ICommandHandler<
  RectifyObligationCommand,
  CaseCommandResult
> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: RectifyObligationCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
