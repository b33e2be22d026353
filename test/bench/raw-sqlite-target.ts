import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { StoreTarget } from './store-workload.js';

/**
 * The ceiling: better-sqlite3 with no event-store logic — one INSERT per event, one transaction per
 * append, the same file settings as the embedded store (WAL, exclusive lock, the same synchronous).
 * It checks no expected revision and keeps no event-id index.
 */
export function openRawSqliteTarget(
  dir: string,
  synchronous: 'FULL' | 'NORMAL',
): StoreTarget & { close(): void; settings: string } {
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(`
    CREATE TABLE events (
      position INTEGER PRIMARY KEY, stream_name TEXT NOT NULL, stream_revision INTEGER NOT NULL,
      event_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT, created INTEGER NOT NULL
    );
    CREATE UNIQUE INDEX events_by_stream ON events (stream_name, stream_revision);
  `);
  const insert = db.prepare(
    'INSERT INTO events (stream_name, stream_revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const byStream = db.prepare('SELECT * FROM events WHERE stream_name = ? ORDER BY stream_revision').raw();
  const page = db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?').raw();
  const appendAll = db.transaction(
    (
      stream: string,
      length: number,
      events: readonly { type: string; data: unknown; metadata: unknown }[],
    ) => {
      const created = Date.now();
      events.forEach((e, i) =>
        insert.run(
          stream,
          length + i,
          randomUUID(),
          e.type,
          JSON.stringify(e.data),
          JSON.stringify(e.metadata),
          created,
        ),
      );
    },
  );
  const parse = (rows: unknown[][]): void => {
    for (const row of rows) {
      JSON.parse(row[5] as string);
      JSON.parse(row[6] as string);
    }
  };
  const settings = `WAL, synchronous=${synchronous}, locking_mode=EXCLUSIVE`;
  return {
    settings,
    append: async (stream, length, events) => appendAll(stream, length, events),
    readStream: async (stream) => {
      const rows = byStream.all(stream) as unknown[][];
      parse(rows);
      return rows.length;
    },
    readAll: async (pageSize) => {
      let count = 0;
      let after = 0;
      for (;;) {
        const rows = page.all(after, pageSize) as unknown[][];
        parse(rows);
        count += rows.length;
        if (rows.length < pageSize) return count;
        after = rows[rows.length - 1][0] as number;
      }
    },
    close: () => db.close(),
  };
}
