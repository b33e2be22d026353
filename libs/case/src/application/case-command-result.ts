import type { Actor } from '@one-window/shared';
import type { CaseStage, CaseStatus } from '../domain/case-state.js';

/** What every case command answers. */
export interface CaseCommandResult {
  readonly caseId: string;
  readonly caseNumber: string;
  /** The handling state, e.g. `backOffice.underReview`. */
  readonly state: CaseStatus;
  readonly stage: CaseStage;
  /** Revision of the case stream after the command (of the first answer, for a repeated command id). */
  readonly revision: number;
  /** Global position of the last event written; pass it as `?minPosition=` to read your own write. */
  readonly position: number;
  /** False when the command id was seen before (nothing new written) or the command decided no events. */
  readonly written: boolean;
  /** Types of the events this command stored (empty when `written` is false). */
  readonly events: readonly string[];
}

/** Who sends a command and under which ids; `commandId` is the Idempotency-Key. */
export interface CommandMeta {
  readonly actor: Actor;
  readonly commandId: string;
  /** Defaults to the command id. */
  readonly correlationId?: string;
  /** Defaults to the command id. */
  readonly causationId?: string;
  /**
   * A digest of the request behind an Idempotency-Key (method, path, body). A repeat of the
   * command id with another fingerprint is refused (`idempotency-key-mismatch`), not answered.
   */
  readonly requestFingerprint?: string;
  /**
   * The sender has already checked the command's body against the registry's schema — the HTTP
   * layer's validation pipe does, with the same class and stricter options (unknown fields
   * refused) — so the engine checks only the ids and step numbers (ADR 0009: the schema check
   * was run twice per HTTP command).
   */
  readonly schemaChecked?: boolean;
  /**
   * The command id was made fresh for this request (no Idempotency-Key): no earlier command can
   * carry it, so a receipt need not look for a case it would have made before.
   */
  readonly freshCommandId?: boolean;
}
