import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CaseCommand } from '../commands.js';
import type { CaseCommandResult, CommandMeta } from './case-command-result.js';
import { CaseCommandMessage } from './case-command-message.js';

/**
 * Sends a plain case command through the CommandBus to its handler — the door for HTTP
 * controllers and the durable-timer scheduler. Rejects with a DomainError when refused.
 */
@Injectable()
export class CaseCommands {
  constructor(private readonly bus: CommandBus) {}

  send(command: CaseCommand, meta: CommandMeta): Promise<CaseCommandResult> {
    return this.bus.execute(new CaseCommandMessage(command, meta));
  }
}
