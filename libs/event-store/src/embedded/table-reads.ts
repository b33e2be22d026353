import { EventStoreUnavailableError, StreamNotFoundError } from '../port/errors.js';
import type { ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../port/types.js';
import { checkReadAllOptions, checkReadStreamOptions, checkStreamName } from '../port/validation.js';
import type { EmbeddedSubscription } from './embedded-subscription.js';
import type { EventTable } from './event-table.js';
import { toRecordedEvent } from './stored-event.js';

/**
 * The port's readStream over one events table, for the writable store and the read-only one
 * alike. `endsBefore` answers, where the caller knows it, that a stream ends before a revision
 * (a forwards read from there is empty without a query).
 */
export function readStreamOf(
  table: EventTable,
  streamName: string,
  options: ReadStreamOptions | undefined,
  endsBefore?: (name: string, revision: number) => boolean,
): RecordedEvent[] {
  const name = checkStreamName(streamName);
  const { direction, fromRevision, maxCount } = checkReadStreamOptions(options);
  const from = fromRevision === 'start' ? 0 : fromRevision === 'end' ? Number.MAX_SAFE_INTEGER : fromRevision;
  if (direction === 'forwards' && endsBefore?.(name, from)) return [];
  const rows =
    direction === 'forwards'
      ? table.readForwards(name, from, maxCount)
      : table.readBackwards(name, from, maxCount);
  if (rows.length === 0 && !table.streamExists(name)) throw StreamNotFoundError.answer(name);
  return rows.map(toRecordedEvent);
}

/** The port's readAll over one events table. */
export function readAllOf(table: EventTable, options: ReadAllOptions | undefined): RecordedEvent[] {
  const { fromPosition, maxCount, filter } = checkReadAllOptions(options);
  return table.readLog(fromPosition === 'start' ? 0 : fromPosition, maxCount, filter).map(toRecordedEvent);
}

/**
 * The read side of a store over one SQLite events file, shared by the writable store and the
 * read-only one: reads, the head, the live subscriptions and the closed state they check.
 */
export abstract class EventTableStore {
  protected readonly subscriptions = new Set<EmbeddedSubscription>();
  protected closed = false;

  protected constructor(protected readonly table: EventTable) {}

  async readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    return readStreamOf(this.table, streamName, options, (name, from) => this.endsBefore(name, from));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    return readAllOf(this.table, options);
  }

  async headPosition(): Promise<number | null> {
    this.assertOpen();
    return this.table.headPosition();
  }

  /** Whether the stream is known to end before `revision` without a query; false unless a store knows. */
  protected endsBefore(_name: string, _revision: number): boolean {
    return false;
  }

  protected assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
  }
}
