import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { chainOf } from '../chain/event-chain.js';
import { EventStoreLockedError, EventStoreUnavailableError } from '../port/errors.js';
import { inImmediateTransaction, storageError } from './errors.js';

export type Synchronous = 'FULL' | 'NORMAL';

/** 'OWES' — marks the file as a One Window event store. */
const APPLICATION_ID = 0x4f574553;
/** 1: events; 2: each event's hash chain (`chain`), see docs/adr/0013-trust.md. */
const SCHEMA_VERSION = 2;

/** The stream and type of the one event that marks where an old log's chain starts. */
export const AUDIT_STREAM = 'audit';
export const CHAIN_STARTED = 'audit.ChainStarted';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position        INTEGER PRIMARY KEY,
    stream_name     TEXT    NOT NULL,
    stream_revision INTEGER NOT NULL,
    event_id        TEXT    NOT NULL,
    type            TEXT    NOT NULL,
    data            TEXT    NOT NULL,
    metadata        TEXT,
    created         INTEGER NOT NULL,
    chain           BLOB
  ) STRICT;
  CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream ON events (stream_name, stream_revision);
  DROP INDEX IF EXISTS events_by_id;
`;

/*
 * No index on event_id: with random UUID keys it dirtied one more page per commit and cost about a
 * third of the append rate. Only an `any`/`stream_exists` append with caller ids needs to find an
 * id, and it searches that one stream through events_by_stream instead.
 */

/**
 * Takes the store's lock: `<file>-lock`, a one-row SQLite file written once in
 * `locking_mode=EXCLUSIVE`, which keeps its exclusive file lock until the connection closes. A
 * second holder — another process, or another store in this process — fails at once with
 * EventStoreLockedError instead of writing behind this one's back (its subscriptions would never
 * hear of such writes). The OS drops the lock when a process dies, so a crash leaves no stale
 * lock. The event file itself is opened in WAL's normal locking mode, because it has two
 * connections: the writer thread's and the main thread's for reads.
 */
export function acquireLock(file: string, busyTimeoutMs: number): Database.Database {
  const lockFile = `${file}-lock`;
  let lock: Database.Database;
  try {
    lock = new Database(lockFile, { timeout: busyTimeoutMs });
  } catch (error) {
    throw new EventStoreUnavailableError(`Cannot open the lock file ${lockFile}: ${message(error)}`, {
      cause: error,
    });
  }
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.pragma('journal_mode = MEMORY');
    lock.pragma('synchronous = OFF');
    lock.exec('CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY, pid INTEGER, since INTEGER)');
    lock.prepare('INSERT OR REPLACE INTO holder VALUES (1, ?, ?)').run(process.pid, Date.now());
    return lock;
  } catch (error) {
    lock.close();
    throw openError(file, error);
  }
}

/** Whether a store holds `file` now (its lock file exists and is locked); opens nothing for writing. */
export function lockHeld(file: string): boolean {
  if (!existsSync(`${file}-lock`)) return false;
  let lock: Database.Database | undefined;
  try {
    lock = new Database(`${file}-lock`, { readonly: true, fileMustExist: true, timeout: 0 });
    lock.prepare('SELECT count(*) FROM holder').pluck().get();
    return false;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
  } finally {
    lock?.close();
  }
}

/** The main thread's connection: checks and migrates the file, then serves reads (WAL: they never wait for the writer). */
export function openDatabase(
  file: string,
  options: { synchronous: Synchronous; busyTimeoutMs: number; maxPageCount?: number },
): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: options.busyTimeoutMs });
  } catch (error) {
    throw new EventStoreUnavailableError(`Cannot open event store file ${file}: ${message(error)}`, {
      cause: error,
    });
  }
  try {
    const journalMode: unknown = db.pragma('journal_mode = WAL', { simple: true });
    if (journalMode !== 'wal') throw new Error(`journal_mode is ${String(journalMode)}, not wal`);
    db.pragma(`synchronous = ${options.synchronous}`);
    db.pragma('cache_size = -32768');
    if (options.maxPageCount) db.pragma(`max_page_count = ${options.maxPageCount}`);
    inImmediateTransaction(db, () => migrate(db, file));
    return db;
  } catch (error) {
    db.close();
    throw openError(file, error);
  }
}

/** The writer thread's connection to a file openDatabase has checked. */
export function openWriterConnection(
  file: string,
  synchronous: Synchronous,
  maxPageCount?: number,
): Database.Database {
  const db = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    // better-sqlite3's build defaults WAL databases to NORMAL; FULL syncs the WAL on every commit.
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('cache_size = -32768');
    if (maxPageCount) db.pragma(`max_page_count = ${maxPageCount}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database.Database, file: string): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const isEmpty = (db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number) === 0;
  if (!isEmpty && applicationId !== APPLICATION_ID) {
    throw new EventStoreLockedError(`${file} is an SQLite file but not a One Window event store`);
  }
  if (version > SCHEMA_VERSION) {
    throw new EventStoreLockedError(
      `${file} was written by a newer version (schema ${version}; this version reads up to ${SCHEMA_VERSION})`,
    );
  }
  const hadEvents = !isEmpty && version === 1;
  if (hadEvents) db.exec('ALTER TABLE events ADD COLUMN chain BLOB');
  db.exec(SCHEMA);
  if (hadEvents) recordChainStart(db);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

/**
 * A log written before the chain: one recorded `audit.ChainStarted` event says from which position
 * on every event is chained; the events before it are vouched for only by the anchors after it.
 */
function recordChainStart(db: Database.Database): void {
  const last = db.prepare('SELECT max(position) FROM events').pluck().get() as number | null;
  if (last === null) return;
  const head = db
    .prepare(
      'SELECT stream_revision, chain FROM events WHERE stream_name = ? ORDER BY stream_revision DESC LIMIT 1',
    )
    .raw()
    .get(AUDIT_STREAM) as [number, Buffer | null] | undefined;
  const revision = (head?.[0] ?? -1) + 1;
  const id = randomUUID();
  const data = { position: last + 1 };
  const created = Date.now();
  const chain = chainOf(head?.[1] ?? null, {
    streamName: AUDIT_STREAM,
    streamRevision: revision,
    id,
    type: CHAIN_STARTED,
    data,
    metadata: null,
    created,
    position: last + 1,
  });
  db.prepare(
    'INSERT INTO events (position, stream_name, stream_revision, event_id, type, data, metadata, created, chain) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)',
  ).run(last + 1, AUDIT_STREAM, revision, id, CHAIN_STARTED, JSON.stringify(data), created, chain);
}

function openError(file: string, error: unknown): Error {
  if (error instanceof EventStoreLockedError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
    return new EventStoreLockedError(
      `Event store file ${file} is in use by another process (or another store in this process); ` +
        'only one may open it at a time',
    );
  }
  if (code === 'SQLITE_NOTADB') return new EventStoreLockedError(`${file} is not an SQLite database`);
  const fault = storageError(`Cannot open event store file ${file}`, error);
  if (fault) return fault;
  return new EventStoreUnavailableError(`Cannot open event store file ${file}: ${message(error)}`, {
    cause: error,
  });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
