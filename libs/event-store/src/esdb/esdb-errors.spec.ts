import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  StreamNotFoundError as ClientStreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  InvalidEventStoreInputError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../port/errors.js';
import { NO_STREAM } from '../port/types.js';
import { toPortError } from './esdb-errors.js';
import { EsdbRequestError } from './esdb-request.error.js';

const context = { operation: 'an append to "case-1"', streamName: 'case-1' };
const grpcError = (code: number, message: string) =>
  Object.assign(new Error(message), { code, details: message });

describe('toPortError: the client’s errors as the port’s', () => {
  it('keeps the caller’s expected revision and converts the server’s actual one', () => {
    const error = new WrongExpectedVersionError(null as never, {
      streamName: 'x',
      current: 2n,
      expected: 'any',
    });
    expect(toPortError(error, { ...context, expected: 1 })).toEqual(
      new WrongExpectedRevisionError('case-1', 1, 2),
    );
    const missing = new WrongExpectedVersionError(null as never, {
      streamName: 'x',
      current: 'no_stream',
      expected: 0n,
    });
    expect(toPortError(missing, context)).toMatchObject({ expected: 0, actual: NO_STREAM });
  });

  it('names the stream that was not found', () => {
    expect(toPortError(new ClientStreamNotFoundError(undefined, 'other'), context)).toEqual(
      new StreamNotFoundError('case-1'),
    );
  });

  it.each([
    ['the client’s UnavailableError', new UnavailableError()],
    ['a server-side cancellation', new CancelledError()],
    ['a batch append timeout', new DeadlineExceededError()],
    ['a raw UNAVAILABLE from grpc-js', grpcError(14, 'UNAVAILABLE: Channel closed before call started')],
    ['a raw DEADLINE_EXCEEDED', grpcError(4, 'DEADLINE_EXCEEDED: Deadline exceeded')],
    ['a cluster that cannot be discovered', new Error('Failed to discover after 10 attempts.')],
  ])('maps %s to EventStoreUnavailableError, saying what failed', (_, error) => {
    const mapped = toPortError(error, context);
    expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
    expect(mapped.message).toMatch(/^EventStoreDB did not complete an append to "case-1": \S/);
  });

  it('maps the server’s append size limit to bad input on events', () => {
    expect(toPortError(new MaxAppendSizeExceededError(undefined as never, 1024), context)).toMatchObject({
      constructor: InvalidEventStoreInputError,
      field: 'events',
    });
  });

  it('keeps other refusals typed, and lets programming errors through untouched', () => {
    expect(toPortError(new AccessDeniedError(), context)).toMatchObject({
      constructor: EsdbRequestError,
      reason: 'access-denied',
    });
    const bug = new TypeError('x is undefined');
    expect(toPortError(bug, context)).toBe(bug);
  });
});
