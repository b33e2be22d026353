import type { MessageParams } from '@one-window/shared';

/**
 * The one error the case domain raises. Its `code` maps to an HTTP status (the server turns it
 * into problem details); nothing is written when a command fails.
 */
export type DomainErrorCode =
  | 'invalid-command'
  | 'forbidden'
  | 'not-found'
  | 'not-allowed-in-state'
  | 'conflict'
  | 'calendar-not-covered'
  | 'idempotency-key-mismatch';

export const DOMAIN_ERROR_STATUS: Readonly<Record<DomainErrorCode, number>> = {
  'invalid-command': 400,
  forbidden: 403,
  'not-found': 404,
  'not-allowed-in-state': 409,
  conflict: 409,
  // The request is sound; the working-day calendar for a year it reaches is not loaded yet.
  'calendar-not-covered': 409,
  // The command id (Idempotency-Key) was first used for another request (draft §2.7: 422).
  'idempotency-key-mismatch': 422,
};

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** A refusal's words as data: a message code of the catalog and its params (ADR 15). */
export interface MessageRef {
  readonly code: string;
  readonly params?: MessageParams;
}

/** What a refusal carries beside its code and message (each field documented on DomainError). */
export type DomainErrorDetails = Partial<
  Pick<DomainError, 'state' | 'allowed' | 'errors' | 'year' | 'reason' | 'rules'>
>;

export class DomainError extends Error {
  readonly status: number;
  /** For `not-allowed-in-state`: the case's state, e.g. `backOffice.specialProcedure`. */
  readonly state?: string;
  /** For `not-allowed-in-state`: the commands the actor may send now. */
  readonly allowed?: readonly string[];
  /** For `invalid-command`: one entry per bad field. */
  readonly errors?: readonly FieldError[];
  /** For `calendar-not-covered`: the year no calendar covers. */
  readonly year?: number;
  /** The specific reason, as a message code and params (ADR 15); the message is its English. */
  readonly reason?: MessageRef;
  /** For `invalid-command`: the rule each entry of `errors` broke, by index (ADR 15). */
  readonly rules?: readonly (MessageRef | null)[];

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = DOMAIN_ERROR_STATUS[code];
    Object.assign(this, details);
  }

  static invalid(
    message: string,
    errors: readonly FieldError[] = [],
    rules?: readonly (MessageRef | null)[],
  ): DomainError {
    return new DomainError('invalid-command', message, { errors, rules });
  }
  static invalidField(field: string, message: string, rule?: MessageRef): DomainError {
    return new DomainError('invalid-command', message, {
      errors: [{ field, message }],
      rules: [rule ?? null],
    });
  }
  static forbidden(message: string, reason?: MessageRef): DomainError {
    return new DomainError('forbidden', message, { reason });
  }
  static notFound(message: string, reason?: MessageRef): DomainError {
    return new DomainError('not-found', message, { reason });
  }
  static calendarNotCovered(message: string, year: number): DomainError {
    return new DomainError('calendar-not-covered', message, { year });
  }
  /**
   * A rule of the case forbids the command now (e.g. 一次一评: the visit is rated). The decider
   * fills in the case's state and the commands allowed instead before it leaves the domain.
   */
  static notAllowedNow(message: string, reason?: MessageRef): DomainError {
    return new DomainError('not-allowed-in-state', message, { reason });
  }
  static conflict(message: string): DomainError {
    return new DomainError('conflict', message);
  }
  static idempotencyKeyMismatch(message: string): DomainError {
    return new DomainError('idempotency-key-mismatch', message);
  }
}
