import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Damages the first leaf page of the events table in the file itself, as a bad sector would: its
 * b-tree header overwritten (SQLITE_CORRUPT on the next read of it). The WAL is checkpointed
 * first so that the file holds the page.
 */
export function damageFirstEventsPage(file: string): void {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const leaf = db
    .prepare("SELECT pageno FROM dbstat WHERE name = 'events' AND pagetype = 'leaf' ORDER BY path LIMIT 1")
    .pluck()
    .get() as number;
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(12, 0xa5), 0, 12, (leaf - 1) * pageSize);
  closeSync(fd);
}
