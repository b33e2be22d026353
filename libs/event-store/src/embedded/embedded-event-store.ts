import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import {
  EventStoreError,
  EventStoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../port/errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventFilter,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '../port/types.js';
import {
  checkExpectedRevision,
  checkReadAllOptions,
  checkReadStreamOptions,
  checkStreamName,
  checkSubscribeOptions,
  serializeAppend,
  type SerializedAppend,
} from '../port/validation.js';
import { decideAppend } from './append-decision.js';
import { EmbeddedSubscription, type LogSource } from './embedded-subscription.js';
import { EventTable } from './event-table.js';
import { openDatabase, type Synchronous } from './open-database.js';
import { toRecordedEvent, type StoredEvent } from './stored-event.js';

export interface EmbeddedEventStoreOptions {
  /** Folder that holds `events.sqlite`; created if missing. Defaults to `./data`. */
  readonly dataDir?: string;
  /** The SQLite file itself; takes precedence over `dataDir`. */
  readonly file?: string;
  /**
   * `FULL` (default): an acknowledged append survives power loss. `NORMAL`: it survives a crash
   * of this process, but the last commits may be lost on power loss; appends are several times faster.
   */
  readonly synchronous?: Synchronous;
  /** How long to wait for another holder of the file to let go before EventStoreLockedError. Default 0. */
  readonly busyTimeoutMs?: number;
  /** A live subscriber further behind than this goes back to reading the file. Default 10,000 events. */
  readonly liveBufferSize?: number;
  /** Events read per step while a subscription catches up. Default 500. */
  readonly catchUpBatchSize?: number;
}

export const EVENTS_FILE_NAME = 'events.sqlite';

interface AppendOutcome {
  readonly result: AppendResult;
  readonly written: readonly StoredEvent[];
}

/**
 * The event store on one SQLite file (better-sqlite3): EventStoreDB's semantics for one process.
 * Every call runs synchronously to completion inside its promise, so concurrent callers in this
 * process are serialised in call order and each append is one transaction.
 */
export class EmbeddedEventStore implements EventStore {
  private readonly table: EventTable;
  private readonly subscriptions = new Set<EmbeddedSubscription>();
  private readonly appendTransaction: (
    streamName: string,
    expected: ExpectedRevision,
    batch: SerializedAppend,
  ) => AppendOutcome;
  private readonly logSource: LogSource;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    /** Absolute path of the SQLite file. */
    readonly file: string,
    private readonly options: EmbeddedEventStoreOptions,
  ) {
    this.table = new EventTable(db);
    this.appendTransaction = db.transaction(
      (streamName: string, expected: ExpectedRevision, batch: SerializedAppend): AppendOutcome =>
        this.appendInTransaction(streamName, expected, batch),
    );
    this.logSource = {
      readLog: (fromPosition, maxCount, filter) => this.table.readLog(fromPosition, maxCount, filter),
      headPosition: () => this.table.headPosition(),
      detach: (subscription) => this.subscriptions.delete(subscription),
    };
  }

  /** Opens the store, creating the folder and file if needed; fails with EventStoreLockedError if held elsewhere. */
  static async open(options: EmbeddedEventStoreOptions = {}): Promise<EmbeddedEventStore> {
    const file = resolve(options.file ?? join(options.dataDir ?? './data', EVENTS_FILE_NAME));
    mkdirSync(dirname(file), { recursive: true });
    const db = openDatabase(file, {
      synchronous: options.synchronous ?? 'FULL',
      busyTimeoutMs: options.busyTimeoutMs ?? 0,
    });
    return new EmbeddedEventStore(db, file, options);
  }

  /** The SQLite settings in force, for diagnostics and tests. */
  durability(): { journalMode: string; synchronous: Synchronous; lockingMode: string } {
    this.assertOpen();
    const level = this.db.pragma('synchronous', { simple: true }) as number;
    return {
      journalMode: this.db.pragma('journal_mode', { simple: true }) as string,
      synchronous: level === 2 ? 'FULL' : 'NORMAL',
      lockingMode: this.db.pragma('locking_mode', { simple: true }) as string,
    };
  }

  async appendToStream(
    streamName: string,
    events: readonly EventData[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    this.assertOpen();
    const name = checkStreamName(streamName);
    const expected = checkExpectedRevision(options?.expectedRevision);
    const batch = serializeAppend(events);
    let outcome: AppendOutcome;
    try {
      outcome = this.appendTransaction(name, expected, batch);
    } catch (error) {
      throw storageError(error, `append to stream "${name}"`);
    }
    // Same tick as the commit: live subscribers see events in commit order, none missed.
    if (outcome.written.length > 0) for (const s of this.subscriptions) s.offer(outcome.written);
    return outcome.result;
  }

  async readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const name = checkStreamName(streamName);
    const { direction, fromRevision, maxCount } = checkReadStreamOptions(options);
    let rows: StoredEvent[];
    if (direction === 'forwards') {
      const from =
        fromRevision === 'start' ? 0 : fromRevision === 'end' ? Number.MAX_SAFE_INTEGER : fromRevision;
      rows = this.table.readForwards(name, from, maxCount);
    } else {
      const from =
        fromRevision === 'end' ? Number.MAX_SAFE_INTEGER : fromRevision === 'start' ? 0 : fromRevision;
      rows = this.table.readBackwards(name, from, maxCount);
    }
    if (rows.length === 0 && !this.table.streamExists(name)) throw new StreamNotFoundError(name);
    return rows.map(toRecordedEvent);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { fromPosition, maxCount, filter } = checkReadAllOptions(options);
    return this.table
      .readLog(fromPosition === 'start' ? 0 : fromPosition, maxCount, filter)
      .map(toRecordedEvent);
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    this.assertOpen();
    const { fromPosition, filter } = checkSubscribeOptions(options);
    return this.subscribe(fromPosition, filter);
  }

  async headPosition(): Promise<number | null> {
    this.assertOpen();
    return this.table.headPosition();
  }

  /** Ends every subscription and releases the file. Safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const subscription of [...this.subscriptions]) subscription.close();
    this.db.close();
  }

  private subscribe(fromPosition: number | 'start', filter: EventFilter | undefined): EmbeddedSubscription {
    const subscription = new EmbeddedSubscription(
      this.logSource,
      fromPosition,
      filter,
      this.options.catchUpBatchSize ?? 500,
      this.options.liveBufferSize ?? 10_000,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  private appendInTransaction(
    streamName: string,
    expected: ExpectedRevision,
    batch: SerializedAppend,
  ): AppendOutcome {
    const table = this.table;
    const current = table.currentRevision(streamName);
    const decision = decideAppend(
      expected,
      batch.events.map((e) => e.id),
      batch.firstIdFromCaller,
      {
        current,
        eventAt: (revision) => table.eventAt(streamName, revision),
        findById: (id) => table.findById(streamName, id),
      },
    );
    switch (decision.kind) {
      case 'wrong-revision':
        throw new WrongExpectedRevisionError(streamName, expected, decision.actual);
      case 'idempotent':
        return { result: decision.result, written: [] };
      case 'write':
        return this.insertAll(streamName, current, batch);
      default: {
        const unreachable: never = decision;
        throw new Error(`Unknown append decision ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private insertAll(streamName: string, current: number, batch: SerializedAppend): AppendOutcome {
    const created = Date.now();
    const keep = this.subscriptions.size > 0;
    const written: StoredEvent[] = [];
    let revision = current;
    let position = 0;
    for (const e of batch.events) {
      revision += 1;
      position = this.table.insert(streamName, revision, e.id, e.type, e.data, e.metadata, created);
      if (keep) written.push([position, streamName, revision, e.id, e.type, e.data, e.metadata, created]);
    }
    return { result: { nextExpectedRevision: revision, position }, written };
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
  }
}

function storageError(error: unknown, what: string): Error {
  if (error instanceof EventStoreError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new EventStoreUnavailableError(`Could not ${what}: ${reason}`, { cause: error });
}
