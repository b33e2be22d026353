import type { CaseCommand } from '@one-window/case';
import type { Actor } from '@one-window/shared';
import type { CommandAnswerDto } from './command-answer.dto.js';

/** The one door from HTTP into the case engine: a command, who sends it, and its id (Idempotency-Key). */
export abstract class CaseCommandGateway {
  abstract send(command: CaseCommand, actor: Actor, commandId: string): Promise<CommandAnswerDto>;
}
