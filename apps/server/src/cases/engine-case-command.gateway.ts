import { Injectable } from '@nestjs/common';
import { type CaseCommand } from '@one-window/case';
import { CaseCommands } from '@one-window/case/nest';
import type { Actor } from '@one-window/shared';
import { AttachedFiles } from '../blobs/attached-files.js';
import { InFlightCommands } from '../lifecycle/in-flight-commands.js';
import { CaseCommandGateway } from './case-command.gateway.js';
import type { CommandAnswerDto } from './command-answer.dto.js';
import type { CommandRequest } from '../http/idempotency-key.js';
import { IdempotencyKeys } from '../http/idempotency-keys.js';

/**
 * Sends through the case engine's CommandBus; counted so shutdown lets it finish, and guarded by
 * the Idempotency-Key rules (in flight, reused for another request).
 */
@Injectable()
export class EngineCaseCommandGateway extends CaseCommandGateway {
  private readonly keys = new IdempotencyKeys();

  constructor(
    private readonly commands: CaseCommands,
    private readonly inFlight: InFlightCommands,
    private readonly files: AttachedFiles,
  ) {
    super();
  }

  async send(command: CaseCommand, actor: Actor, request: CommandRequest): Promise<CommandAnswerDto> {
    // The body went through the validation pipe with the registry's schema (command-routes.ts).
    const meta = {
      actor,
      commandId: request.commandId,
      requestFingerprint: request.fingerprint,
      schemaChecked: true,
      freshCommandId: request.fresh === true,
    };
    const result = await this.keys.run(request, () =>
      this.inFlight.track(() => this.files.attach(command, (resolved) => this.commands.send(resolved, meta))),
    );
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
