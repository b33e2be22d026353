import type { CaseCommandOf, TIMER_COMMAND_TYPES } from '@one-window/case';

/** What a durable timer does when it falls due (DOMAIN §4–5). */
export type TimerKind =
  /** No correction notice (or decision after a resubmission) in time: accepted from receipt (Law Art. 32). */
  | 'deemed-acceptance'
  /** The correction deadline passed without the materials. */
  | 'correction-overdue'
  /** The deficiency (容缺) supply deadline passed. */
  | 'deficiency-overdue'
  /** A decision limit is near (the yellow warning). */
  | 'decision-warning'
  /** A decision limit passed. */
  | 'decision-overdue'
  /** The result was not issued within 10 working days of approval (Art. 44). */
  | 'result-issue-overdue'
  /** A bad rating's 48-hour callback is overdue. */
  | 'callback-overdue'
  /** A bad rating's 15-day rectification (or explanation) is overdue. */
  | 'rectification-overdue'
  /** The official schedule of a year the case's dates guessed is loaded: count them again (ADR 12). */
  | 'deadlines-recalculation';

/** The case engine's timer commands (`DeemAccepted`, `MarkDecisionOverdue`, …). */
export type TimerCaseCommand = CaseCommandOf<(typeof TIMER_COMMAND_TYPES)[number]>;

/** A deadline that has passed (or, for a warning, come near) and is not yet marked. */
export interface DueTimer {
  /** Stable per deadline: `<kind>:<caseId>[:<limit or obligation id>]:<due date or time>`. */
  readonly timerId: string;
  readonly kind: TimerKind;
  readonly caseId: string;
  readonly dueAt: Date;
  readonly command: TimerCaseCommand;
}

/** What a scheduler hands the command bus for a due timer. */
export interface ScheduledCommand extends DueTimer {
  /** Deterministic: the same for every instance and every retry of this timer (the Idempotency-Key). */
  readonly commandId: string;
  /** The instant the scheduler fired it (its injected clock). */
  readonly firedAt: Date;
}

/**
 * The server wires this to the CommandBus (the case engine's timer commands, acting as
 * SYSTEM_ACTOR with `commandId`). Resolves once the command is stored, was stored before, or
 * decided nothing; rejects when it was refused (it is retried later with back-off).
 */
export interface CommandSender {
  send(scheduled: ScheduledCommand): Promise<unknown>;
}

export interface TickResult {
  readonly sent: readonly string[];
  readonly failed: readonly { readonly timerId: string; readonly error: string }[];
}
