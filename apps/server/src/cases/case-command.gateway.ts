import type { CaseCommand } from '@one-window/case';
import type { Actor } from '@one-window/shared';
import type { CommandRequest } from '../http/idempotency-key.js';
import type { CommandAnswerDto } from './command-answer.dto.js';

/** The one door from HTTP into the case engine: a command, who sends it, and its ids (Idempotency-Key). */
export abstract class CaseCommandGateway {
  abstract send(command: CaseCommand, actor: Actor, request: CommandRequest): Promise<CommandAnswerDto>;
}
