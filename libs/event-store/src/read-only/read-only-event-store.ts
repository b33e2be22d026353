import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { EmbeddedSubscription, type LogSource } from '../embedded/embedded-subscription.js';
import { EVENTS_FILE_NAME } from '../embedded/embedded-event-store.js';
import { EventTable } from '../embedded/event-table.js';
import { lockHeld } from '../embedded/open-database.js';
import { storageError } from '../embedded/errors.js';
import type { StoredEvent } from '../embedded/stored-event.js';
import { EventTableStore } from '../embedded/table-reads.js';
import {
  EventStoreLockedError,
  EventStoreReadOnlyError,
  EventStoreUnavailableError,
} from '../port/errors.js';
import type { AppendResult, EventStore, SubscribeToAllOptions, Subscription } from '../port/types.js';
import { checkSubscribeOptions } from '../port/validation.js';

export interface ReadOnlyEventStoreOptions {
  /** Folder that holds `events.sqlite`. Defaults to `./data`. */
  readonly dataDir?: string;
  /** The SQLite file itself; takes precedence over `dataDir`. */
  readonly file?: string;
}

/**
 * The embedded store's file opened for reading only, by `verify`, `replay` and `users list`: it never
 * creates, migrates or writes the file, so it works on a read-only copy (a mounted backup, a file an
 * auditor was handed). SQLite cannot open a WAL-mode file whose folder it may not write (it needs
 * to create the `-wal`/`-shm` files beside it); then the file and its write-ahead log are copied to
 * a private temporary folder, read there and removed on close. A file held by a running server
 * fails with EventStoreLockedError: verify that one through the server's admin API.
 */
export class ReadOnlyEventStore extends EventTableStore implements EventStore {
  private constructor(
    private readonly db: Database.Database,
    /** The file that was asked for. */
    readonly file: string,
    /** The private copy read instead, when the file's folder is read-only. */
    readonly copy: string | null,
  ) {
    super(new EventTable(db, hasChainColumn(db)));
  }

  static open(options: ReadOnlyEventStoreOptions = {}): ReadOnlyEventStore {
    const file = resolve(options.file ?? join(options.dataDir ?? './data', EVENTS_FILE_NAME));
    if (!existsSync(file)) throw new EventStoreUnavailableError(`There is no event store file ${file}`);
    if (lockHeld(file)) throw heldError(file);
    try {
      return new ReadOnlyEventStore(openForReading(file), file, null);
    } catch (error) {
      if (!cannotWriteBeside(error)) throw readError(file, error);
    }
    const dir = mkdtempSync(join(tmpdir(), 'one-window-read-only-'));
    const copy = join(dir, basename(file));
    try {
      copyFileSync(file, copy);
      if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
      return new ReadOnlyEventStore(openForReading(copy), file, copy);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw readError(file, error);
    }
  }

  /**
   * The file of a store this process holds open for writing, read from another thread of the
   * same process (the projection thread): the lock is this process's own, so it is not asked.
   * Its subscriptions stay live through `offer`, with the rows of the writer's commit feed (EmbeddedEventStore.commitFeed).
   */
  static besideWriter(file: string): ReadOnlyEventStore {
    try {
      return new ReadOnlyEventStore(openForReading(resolve(file)), resolve(file), null);
    } catch (error) {
      throw readError(file, error);
    }
  }

  /** Rows another thread of this process committed (its commit feed), in commit order: live subscribers see them. */
  offer(rows: readonly StoredEvent[]): void {
    for (const subscription of this.subscriptions) subscription.offer(rows);
  }

  async appendToStream(streamName: string): Promise<AppendResult> {
    throw new EventStoreReadOnlyError(
      `The event store ${this.file} is open read-only; cannot append to "${streamName}"`,
    );
  }

  /** Catches up and then stays caught up: nothing is appended to a read-only file but what `offer` hands over. */
  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    this.assertOpen();
    const { fromPosition, filter } = checkSubscribeOptions(options);
    const source: LogSource = {
      readPage: (from, maxCount, f) => {
        const events = this.table.readLog(from, maxCount, f);
        return { events, head: events.length < maxCount ? this.table.headPosition() : null };
      },
      detach: (subscription) => this.subscriptions.delete(subscription),
    };
    const subscription = new EmbeddedSubscription(source, fromPosition, filter, 500, 10_000);
    this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * SQLite's own check of the file (pages, indexes, free list): what a byte-level corruption the
   * event rows do not show breaks. Empty when the file is whole. Offline only: it reads every page.
   */
  integrityCheck(): string[] {
    this.assertOpen();
    const rows = this.db.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[];
    const messages = rows.map((r) => r.integrity_check);
    return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const subscription of [...this.subscriptions]) subscription.close();
    this.db.close();
    if (this.copy !== null) rmSync(join(this.copy, '..'), { recursive: true, force: true });
  }
}

/** A file written before the chain (schema 1) has no chain column. */
function hasChainColumn(db: Database.Database): boolean {
  const columns = db
    .prepare("SELECT count(*) FROM pragma_table_info('events') WHERE name = 'chain'")
    .pluck()
    .get() as number;
  return columns > 0;
}

function openForReading(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 0 });
  try {
    // The first read takes the shared lock and opens the write-ahead log: failures show here.
    db.pragma('schema_version', { simple: true });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

/** SQLite could not create the `-wal`/`-shm` files a WAL-mode reader needs beside the file. */
function cannotWriteBeside(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_READONLY');
}

function heldError(file: string): EventStoreLockedError {
  return new EventStoreLockedError(
    `Event store file ${file} is in use by a running server; verify it through the server ` +
      '(POST /api/admin/verify) or stop the server first',
  );
}

function readError(file: string, error: unknown): Error {
  const code = codeOf(error);
  const reason = error instanceof Error ? error.message : String(error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return heldError(file);
  if (code === 'SQLITE_NOTADB') return new EventStoreLockedError(`${file} is not an SQLite database`);
  return (
    storageError(`Cannot read event store file ${file}`, error) ??
    new EventStoreUnavailableError(`Cannot read event store file ${file}: ${reason}`, { cause: error })
  );
}
