import { mkdirSync } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import { dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../port/errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventFilter,
  EventStore,
  SubscribeToAllOptions,
  Subscription,
} from '../port/types.js';
import { checkAppend, checkSubscribeOptions } from '../port/validation.js';
import { EmbeddedSubscription, type LogSource } from './embedded-subscription.js';
import { storageError } from './errors.js';
import { EventTable, type StreamHeadRow } from './event-table.js';
import { StreamHeads } from './stream-heads.js';
import { acquireLock, openDatabase, type Synchronous } from './open-database.js';
import { EventTableStore } from './table-reads.js';
import { toRecordedEventOnDemand } from './stored-event.js';
import { WriterClient } from './writer-client.js';
import { committedRows, type AppendAnswer, type AppendRequest } from './writer-protocol.js';

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
  /** SQLite's max_page_count: caps the file (a quota; appends past it are SQLITE_FULL, a 503). */
  readonly maxPageCount?: number;
}

export const EVENTS_FILE_NAME = 'events.sqlite';

/**
 * The event store on one SQLite file (better-sqlite3): EventStoreDB's semantics for one process.
 * Appends go to a writer thread that commits them in groups (one transaction and one fsync for
 * every append that arrived while the last commit ran), so the event loop never waits on the
 * disk; concurrent callers in this process are still served in call order, each append all or
 * nothing. Reads run on this thread's own connection (WAL: they never wait for the writer).
 * See docs/adr/0009-write-path-at-hall-scale.md.
 */
export class EmbeddedEventStore extends EventTableStore implements EventStore {
  private readonly heads = new StreamHeads();
  private readonly logSource: LogSource;
  private readonly readPage: LogSource['readPage'];
  private writer!: WriterClient;
  private lastWriteFailure: { readonly at: number; readonly message: string } | null = null;
  private readonly groupListeners = new Set<(size: number) => void>();

  private constructor(
    private readonly db: Database.Database,
    private readonly lock: Database.Database,
    /** Absolute path of the SQLite file. */
    readonly file: string,
    private readonly options: EmbeddedEventStoreOptions,
  ) {
    super(new EventTable(db));
    // One read transaction: the page and the head come from the same snapshot of the log.
    this.readPage = db.transaction(
      (fromPosition: number, maxCount: number, filter: EventFilter | undefined) => {
        const events = this.table.readLog(fromPosition, maxCount, filter);
        return { events, head: events.length < maxCount ? this.table.headPosition() : null };
      },
    );
    this.logSource = {
      readPage: this.readPage,
      detach: (subscription) => this.subscriptions.delete(subscription),
    };
  }

  /** Opens the store, creating the folder and file if needed; fails with EventStoreLockedError if held elsewhere. */
  static async open(options: EmbeddedEventStoreOptions = {}): Promise<EmbeddedEventStore> {
    const file = resolve(options.file ?? join(options.dataDir ?? './data', EVENTS_FILE_NAME));
    mkdirSync(dirname(file), { recursive: true });
    const synchronous = options.synchronous ?? 'FULL';
    const lock = acquireLock(file, options.busyTimeoutMs ?? 0);
    let db: Database.Database | undefined;
    try {
      const { maxPageCount } = options;
      db = openDatabase(file, { synchronous, busyTimeoutMs: options.busyTimeoutMs ?? 0, maxPageCount });
      const store = new EmbeddedEventStore(db, lock, file, options);
      store.writer = await WriterClient.start({ file, synchronous, maxPageCount }, (requests, answers) =>
        store.committed(requests, answers),
      );
      return store;
    } catch (error) {
      db?.close();
      lock.close();
      throw error;
    }
  }

  /** The SQLite settings in force, for diagnostics and tests. */
  durability(): { journalMode: string; synchronous: Synchronous; lockingMode: string; writer: string } {
    this.assertOpen();
    const level = this.db.pragma('synchronous', { simple: true }) as number;
    return {
      journalMode: this.db.pragma('journal_mode', { simple: true }) as string,
      synchronous: level === 2 ? 'FULL' : 'NORMAL',
      lockingMode: this.db.pragma('locking_mode', { simple: true }) as string,
      writer: 'worker thread, group commit',
    };
  }

  /** The last append the file refused (disk full, read-only, damaged), for readiness; null when none. */
  writeFailure(): { readonly at: number; readonly message: string } | null {
    return this.lastWriteFailure;
  }

  /** Groups the writer has committed since open (one transaction and one fsync each), and the appends in them. */
  commitStats(): { groups: number; appends: number } {
    return { ...this.writer.stats };
  }

  /** Calls `listener` with the size (appends) of each group the writer commits in one transaction, for metrics. */
  onGroupCommitted(listener: (size: number) => void): () => void {
    this.groupListeners.add(listener);
    return () => this.groupListeners.delete(listener);
  }

  /**
   * A port on which the writer thread itself posts each commit's rows (CommitFeedMessage), in
   * commit order: what a reader in another thread of this process needs to follow the log live
   * without reading its pages again (ReadOnlyEventStore.besideWriter + offer), and without this
   * thread copying every commit over. Resolves once the writer has it: every earlier commit is in
   * the file, every later one reaches the port. Transfer the port to that thread. Not in the port.
   */
  commitFeed(): Promise<MessagePort> {
    this.assertOpen();
    return this.writer.feed();
  }

  async appendToStream(
    streamName: string,
    events: readonly EventData[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    this.assertOpen();
    const { name, expected, batch } = checkAppend(streamName, events, options);
    this.heads.sent(name);
    let answer: AppendAnswer;
    try {
      answer = await this.writer.append({ streamName: name, expected, batch });
    } catch (error) {
      this.heads.answered(name, undefined);
      throw error;
    }
    this.heads.answered(
      name,
      answer.kind === 'written' ? answer.firstRevision + answer.count - 1 : undefined,
    );
    switch (answer.kind) {
      case 'written':
        this.lastWriteFailure = null;
        return {
          nextExpectedRevision: answer.firstRevision + answer.count - 1,
          position: answer.firstPosition + answer.count - 1,
        };
      case 'idempotent':
        return { nextExpectedRevision: answer.revision, position: answer.position };
      case 'wrong-revision':
        throw new WrongExpectedRevisionError(name, expected, answer.actual);
      case 'failed':
        this.lastWriteFailure = { at: Date.now(), message: answer.message };
        throw (
          storageError(`Could not append to stream "${name}"`, answer.message) ??
          new EventStoreUnavailableError(`Could not append to stream "${name}": ${answer.message}`)
        );
      default: {
        const unreachable: never = answer;
        throw new Error(`Unknown append answer ${JSON.stringify(unreachable)}`);
      }
    }
  }

  protected override endsBefore(name: string, revision: number): boolean {
    return this.heads.endsBefore(name, revision);
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    this.assertOpen();
    const { fromPosition, filter } = checkSubscribeOptions(options);
    return this.subscribe(fromPosition, filter);
  }

  /**
   * Every stream's last event, a page of up to STREAM_HEADS_PAGE streams named after `after` (by
   * name; `''` for the first page), without data or metadata: what the anchorer needs at start
   * instead of decoding the whole log (ADR 13). Not in the port: EventStoreDB has no such read.
   */
  async readStreamHeads(after: string): Promise<StreamHeadRow[]> {
    this.assertOpen();
    return this.table.streamHeads(after);
  }

  /** Ends every subscription and releases the file. Safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const subscription of [...this.subscriptions]) subscription.close();
    await this.writer.close();
    this.db.close();
    this.lock.close();
  }

  private subscribe(fromPosition: number | 'start', filter: EventFilter | undefined): EmbeddedSubscription {
    const subscription = new EmbeddedSubscription(
      this.logSource,
      fromPosition,
      filter,
      this.options.catchUpBatchSize ?? 500,
      this.options.liveBufferSize ?? 10_000,
      toRecordedEventOnDemand,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** A group committed: live subscribers see its events, in commit order, before any caller hears back. */
  private committed(requests: ReadonlyMap<number, AppendRequest>, answers: readonly AppendAnswer[]): void {
    for (const listener of this.groupListeners) listener(answers.length);
    if (this.subscriptions.size === 0) return;
    const written = committedRows(answers, (id) => requests.get(id)!);
    if (written.length === 0) return;
    for (const s of this.subscriptions) s.offer(written);
  }
}
