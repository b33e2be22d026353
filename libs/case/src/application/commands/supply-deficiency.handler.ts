import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../case-command-result.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { SupplyDeficiencyCommand } from './supply-deficiency.command.js';

@CommandHandler(SupplyDeficiencyCommand)
export class SupplyDeficiencyHandler implements ICommandHandler<SupplyDeficiencyCommand, CaseCommandResult> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: SupplyDeficiencyCommand): Promise<CaseCommandResult> {
    return this.executor.execute(command.payload, command.meta);
  }
}
