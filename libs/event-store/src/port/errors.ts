import { FieldError } from '@one-window/shared/errors';
import type { CurrentRevision, ExpectedRevision } from './types.js';

/** Base of every error the port raises; `type` is a literal adapters and callers switch on. */
export abstract class EventStoreError extends Error {
  abstract readonly type: string;
}

export class WrongExpectedRevisionError extends EventStoreError {
  readonly type = 'wrong-expected-revision' as const;
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: CurrentRevision,
  ) {
    super(`Stream "${streamName}": expected revision ${String(expected)}, but it is ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly type = 'stream-not-found' as const;
  constructor(readonly streamName: string) {
    super(`Stream "${streamName}" not found`);
    this.name = 'StreamNotFoundError';
  }

  /**
   * The error without a stack trace. "No such stream" is an answer, not a fault, and the case
   * engine asks it of every new case; capturing a stack through the async chain cost ~17 µs a time
   * (measured on the embedded store), as much as the read itself.
   */
  static answer(streamName: string): StreamNotFoundError {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return new StreamNotFoundError(streamName);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

/** Bad input to the store: empty names, non-JSON data, oversized events, bad revisions. */
export class InvalidEventStoreInputError extends FieldError(EventStoreError) {
  readonly type = 'invalid-input' as const;
  override readonly name = 'InvalidEventStoreInputError';
}

/** The store cannot be reached, or did not answer in time. Safe to retry. */
export class EventStoreUnavailableError extends EventStoreError {
  readonly type = 'unavailable' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}

/** The store's file is held by another process, or was written by an incompatible version. */
export class EventStoreLockedError extends EventStoreError {
  readonly type = 'locked' as const;
  constructor(message: string) {
    super(message);
    this.name = 'EventStoreLockedError';
  }
}

/** A write to a store that was opened for reading only (`verify`, `replay`, `users list`). */
export class EventStoreReadOnlyError extends EventStoreError {
  readonly type = 'read-only' as const;
  constructor(message: string) {
    super(message);
    this.name = 'EventStoreReadOnlyError';
  }
}
