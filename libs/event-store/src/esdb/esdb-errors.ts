import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  InvalidArgumentError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamNotFoundError as ClientStreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
  isCommandError,
} from '@eventstore/db-client';
import {
  EventStoreError,
  EventStoreUnavailableError,
  InvalidEventStoreInputError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../port/errors.js';
import { NO_STREAM, type ExpectedRevision } from '../port/types.js';
import { toSafeNumber } from './esdb-conversions.js';
import { EsdbRequestError } from './esdb-request.error.js';

// gRPC status codes, as numbers: @grpc/grpc-js reaches the adapter only through the client.
const GRPC_CANCELLED = 1;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/** What the adapter was doing, so that an error can name the stream and revision the caller gave. */
export interface ErrorContext {
  readonly operation: string;
  readonly streamName?: string;
  readonly expected?: ExpectedRevision;
}

/** Maps the client's errors (and raw gRPC errors) onto the port's typed errors. */
export function toPortError(error: unknown, context: ErrorContext): Error {
  if (error instanceof EventStoreError) return error;
  if (error instanceof WrongExpectedVersionError) {
    const actual =
      error.actualVersion === 'no_stream' ? NO_STREAM : toSafeNumber(error.actualVersion, 'revision');
    return new WrongExpectedRevisionError(
      context.streamName ?? error.streamName,
      context.expected ?? fromClientExpected(error.expectedVersion),
      actual,
    );
  }
  if (error instanceof ClientStreamNotFoundError)
    return new StreamNotFoundError(context.streamName ?? error.streamName);
  if (isUnavailable(error)) {
    return new EventStoreUnavailableError(
      `EventStoreDB did not complete ${context.operation}: ${messageOf(error)}`,
      {
        cause: error,
      },
    );
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidEventStoreInputError(
      'events',
      `events: the append is larger than EventStoreDB's maximum append size of ${error.maxAppendSize} bytes`,
    );
  }
  if (error instanceof InvalidArgumentError) return new InvalidEventStoreInputError('options', error.message);
  if (error instanceof Error && isCommandError(error)) {
    const reason = error instanceof AccessDeniedError ? 'access-denied' : error.type;
    return new EsdbRequestError(reason, `EventStoreDB refused ${context.operation}: ${messageOf(error)}`, {
      cause: error,
    });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** The server went away, did not answer in time, or is not the leader: worth trying again. */
export function isUnavailable(error: unknown): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError ||
    error instanceof CancelledError
  ) {
    return true;
  }
  // During an election BatchAppend answers per append with statuses the client does not know
  // (UnknownError "Could not recognize …"): nothing was written, a retry is safe (ADR 3).
  if (error instanceof UnknownError && /not ready|too busy|not leader|timeout/i.test(error.message))
    return true;
  if (error instanceof Error && isCommandError(error)) return false;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED || code === GRPC_CANCELLED) return true;
  // The client reports a cluster it cannot discover, or a channel it cannot open, as a plain Error.
  return (
    error instanceof Error && /failed to discover|connection|ECONNREFUSED|ENOTFOUND/i.test(error.message)
  );
}

function fromClientExpected(expected: WrongExpectedVersionError['expectedVersion']): ExpectedRevision {
  return typeof expected === 'bigint' ? toSafeNumber(expected, 'revision') : expected;
}

/** The client leaves some errors without a message (a batch append's timeout); its `type` names them. */
function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const type = (error as { type?: unknown }).type;
  return error.message || (typeof type === 'string' ? type : error.name);
}
