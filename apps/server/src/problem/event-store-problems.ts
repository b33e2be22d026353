import {
  EventStoreError,
  EventStoreLockedError,
  EventStoreUnavailableError,
  InvalidEventStoreInputError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '@one-window/event-store';
import { type ProblemError, problems } from './problem-details.js';

/** The port's typed errors, as a client should see them. */
export function eventStoreProblem(error: unknown): ProblemError | undefined {
  if (!(error instanceof EventStoreError)) return undefined;
  if (error instanceof WrongExpectedRevisionError) {
    return problems.conflict(
      'concurrency-conflict',
      'Changed by someone else',
      'The case changed while this command was being decided, and retrying did not resolve it. Reload and try again.',
      { stream: error.streamName },
    );
  }
  if (error instanceof StreamNotFoundError) return problems.notFound(`"${error.streamName}" does not exist`);
  if (error instanceof InvalidEventStoreInputError) {
    return problems.invalidInput(error.message, [{ pointer: `#/${error.field}`, detail: error.message }]);
  }
  if (error instanceof EventStoreUnavailableError || error instanceof EventStoreLockedError) {
    return problems.unavailable('event-store-unavailable', 'The event store is not reachable right now.', 5);
  }
  return undefined;
}
