import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { RequestCorrectionCommand } from './request-correction.command.js';

@CommandHandler(RequestCorrectionCommand)
export class RequestCorrectionHandler implements ICommandHandler<
  RequestCorrectionCommand,
  CaseCommandResult
> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: RequestCorrectionCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
