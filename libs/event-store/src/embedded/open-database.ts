import Database from 'better-sqlite3';
import { EventStoreLockedError, EventStoreUnavailableError } from '../port/errors.js';

export type Synchronous = 'FULL' | 'NORMAL';

/** 'OWES' — marks the file as a One Window event store. */
const APPLICATION_ID = 0x4f574553;
const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position        INTEGER PRIMARY KEY,
    stream_name     TEXT    NOT NULL,
    stream_revision INTEGER NOT NULL,
    event_id        TEXT    NOT NULL,
    type            TEXT    NOT NULL,
    data            TEXT    NOT NULL,
    metadata        TEXT,
    created         INTEGER NOT NULL
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
 * Opens (creating if needed) the store's SQLite file and takes its lock for as long as it stays open.
 *
 * WAL with `locking_mode=EXCLUSIVE`: the first transaction takes an exclusive file lock that is held
 * until close, so a second connection — another process or this one — fails at once with
 * EventStoreLockedError instead of writing behind this process's back (its subscriptions would
 * never hear of such writes). The OS drops the lock when a process dies, so a crash leaves no
 * stale lock. WAL also needs no shared-memory file in this mode.
 */
export function openDatabase(
  file: string,
  options: { synchronous: Synchronous; busyTimeoutMs: number },
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
    db.pragma('locking_mode = EXCLUSIVE');
    const journalMode: unknown = db.pragma('journal_mode = WAL', { simple: true });
    if (journalMode !== 'wal') throw new Error(`journal_mode is ${String(journalMode)}, not wal`);
    // better-sqlite3's build defaults WAL databases to NORMAL; FULL syncs the WAL on every commit.
    db.pragma(`synchronous = ${options.synchronous}`);
    db.pragma('cache_size = -32768');
    db.exec('BEGIN IMMEDIATE');
    try {
      migrate(db, file);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    return db;
  } catch (error) {
    db.close();
    throw openError(file, error);
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
  db.exec(SCHEMA);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
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
  return new EventStoreUnavailableError(`Cannot open event store file ${file}: ${message(error)}`, {
    cause: error,
  });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
