import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cacheStatements } from './statement-cache.js';

export type ReadModelDb = Database.Database;

export const READ_MODELS_FILE = 'read-models.sqlite';

export interface ReadModelDatabaseOptions {
  /** Folder holding `read-models.sqlite`; defaults to `./data` (the application passes its DATA_DIR). */
  readonly dataDir?: string;
  /** An explicit file path (wins over dataDir). */
  readonly file?: string;
}

/**
 * Opens the read-model database. Read models can always be rebuilt from the log, so
 * `synchronous=NORMAL` is enough: WAL keeps each transaction (rows + checkpoint) atomic, and a
 * power loss can only roll both back together, which the runner then replays.
 */
export function openReadModelDatabase(options: ReadModelDatabaseOptions = {}): ReadModelDb {
  const file = options.file ?? join(options.dataDir ?? './data', READ_MODELS_FILE);
  if (file !== ':memory:') mkdirSync(join(file, '..'), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  // Checkpoint the WAL every ~8 MB instead of every 4 MB: a rebuild rewrites the same pages
  // batch after batch, and each checkpoint syncs the file. Not more: the checkpoint runs inside a
  // commit on the event loop, and ~40 MB of WAL held requests ~100-150 ms (ADR 9).
  db.pragma('wal_autocheckpoint = 2000');
  // A rebuild replaces the read models in one transaction (ADR 9): its WAL is as large as they are.
  // Once checkpointed, the file is cut back to 64 MB instead of keeping that size on disk.
  db.pragma('journal_size_limit = 67108864');
  cacheStatements(db);
  return db;
}
