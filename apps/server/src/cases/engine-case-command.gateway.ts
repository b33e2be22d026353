import { Injectable } from '@nestjs/common';
import { type CaseCommand, CaseCommands } from '@one-window/case';
import type { Actor } from '@one-window/shared';
import { InFlightCommands } from '../lifecycle/in-flight-commands.js';
import { CaseCommandGateway } from './case-command.gateway.js';
import type { CommandAnswerDto } from './command-answer.dto.js';

/** Sends through the case engine's CommandBus; counted so shutdown lets it finish. */
@Injectable()
export class EngineCaseCommandGateway extends CaseCommandGateway {
  constructor(
    private readonly commands: CaseCommands,
    private readonly inFlight: InFlightCommands,
  ) {
    super();
  }

  async send(command: CaseCommand, actor: Actor, commandId: string): Promise<CommandAnswerDto> {
    const result = await this.inFlight.track(() => this.commands.send(command, { actor, commandId }));
    return {
      caseId: result.caseId,
      caseNumber: result.caseNumber,
      state: result.state,
      stage: result.stage,
      revision: result.revision,
      position: result.position,
      written: result.written,
      events: result.events,
    };
  }
}
