import {
  EventStoreError,
  EventStoreStorageError,
  STORAGE_FAULT_WORDS,
  type StorageFault,
  storageFault,
  EventStoreLockedError,
  EventStoreUnavailableError,
  InvalidEventStoreInputError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '@one-window/event-store';
import { ProblemError, problemType, problems } from './problem-details.js';

const STORAGE_PROBLEMS: Readonly<Record<StorageFault, { code: string; title: string }>> = {
  'disk-full': { code: 'disk-full', title: 'The event store disk is full' },
  'read-only': { code: 'store-read-only', title: 'The event store cannot be written' },
  corrupt: { code: 'store-corrupt', title: 'The event store file is damaged' },
  'io-error': { code: 'store-io-error', title: 'The event store disk failed' },
};

/** A disk or file fault under the store: a 503 naming the cause, in both languages (issue 10, defect 5). */
export function storageProblem(fault: StorageFault): ProblemError {
  const { code, title } = STORAGE_PROBLEMS[fault];
  const words = STORAGE_FAULT_WORDS[fault];
  return new ProblemError(
    { type: problemType(code), title, status: 503, detail: words.en, detailZh: words.zh, retryAfter: 30 },
    { 'retry-after': '30' },
  );
}

/** A raw better-sqlite3 or file-system error (a read on the main thread), by its code only. */
function rawStorageFault(error: unknown): StorageFault | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !(code.startsWith('SQLITE_') || /^E[A-Z]+$/.test(code))) return undefined;
  return storageFault(error);
}

/** The port's typed errors, as a client should see them. */
export function eventStoreProblem(error: unknown): ProblemError | undefined {
  if (error instanceof EventStoreStorageError) return storageProblem(error.fault);
  if (!(error instanceof EventStoreError)) {
    const fault = rawStorageFault(error);
    return fault ? storageProblem(fault) : undefined;
  }
  if (error instanceof WrongExpectedRevisionError) {
    return problems.conflict(
      'concurrency-conflict',
      'Changed by someone else',
      'The case changed while this command was being decided, and retrying did not resolve it. Reload and try again.',
      { stream: error.streamName, code: 'concurrency-conflict' },
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
