import type { MessageRef } from './errors.js';

/** A reason with its own words in the message catalog: the English, and the code and params (ADR 15). */
export class Refusal {
  constructor(
    readonly message: string,
    readonly reason: MessageRef,
  ) {}
  toString(): string {
    return this.message;
  }
}

/** What a rule answers: `null` when the command may go ahead, else why not. */
export type Reason = string | Refusal | null;

export const ok: Reason = null;
export const when = (condition: boolean, reason: string | Refusal): Reason => (condition ? ok : reason);
