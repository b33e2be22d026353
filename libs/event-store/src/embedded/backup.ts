import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { EventStoreUnavailableError } from '../port/errors.js';

/**
 * Copies the event store file with SQLite's online backup API while a server may be writing it:
 * a read-only connection (WAL: it never blocks the writer) copies page by page, restarting on a
 * concurrent write, into a new file that holds one consistent snapshot. Refuses to overwrite.
 */
export async function backupEventStoreFile(file: string, destination: string): Promise<{ pages: number }> {
  if (!existsSync(file)) throw new EventStoreUnavailableError(`There is no event store file ${file}`);
  if (existsSync(destination))
    throw new EventStoreUnavailableError(`${destination} exists already; back up into a new folder`);
  mkdirSync(dirname(destination), { recursive: true });
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const { totalPages } = await db.backup(destination);
    const copy = new Database(destination);
    try {
      // A standalone file: no write-ahead log to carry along.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    return { pages: totalPages };
  } finally {
    db.close();
  }
}
