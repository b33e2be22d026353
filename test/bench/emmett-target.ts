import { join } from 'node:path';
import {
  getSQLiteEventStore,
  readMessagesBatch,
  sqliteConnection,
  type SQLiteConnection,
} from '@event-driven-io/emmett-sqlite';
import type { StoreTarget } from './store-workload.js';

/**
 * The peer: @event-driven-io/emmett-sqlite 0.38.5 as its README uses it (getSQLiteEventStore on a
 * file; it opens a node-sqlite3 connection per call). Emmett has no readAll on its EventStore; its
 * consumers page the log with readMessagesBatch, which is what $all reading uses here.
 */
export type EmmettTarget = StoreTarget & { close(): void; readonly settings: string; busyRetries: number };

export async function openEmmettTarget(dir: string): Promise<EmmettTarget> {
  const fileName = join(dir, 'emmett.sqlite');
  const store = getSQLiteEventStore({ fileName });
  // Creates the schema, so that the reader connection below finds it.
  await store.appendToStream('bench-setup', [{ type: 'setup', data: {} }]);
  const reader: SQLiteConnection = sqliteConnection({ fileName });
  const [sync] = await reader.query<{ synchronous: number }>('PRAGMA synchronous');
  const [journal] = await reader.query<{ journal_mode: string }>('PRAGMA journal_mode');
  const level = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][sync.synchronous] ?? String(sync.synchronous);
  const target: EmmettTarget = {
    busyRetries: 0,
    settings: `${journal.journal_mode.toUpperCase()}, synchronous=${level} (node-sqlite3 default)`,
    append: async (stream, length, events) => {
      const messages = events.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata }));
      for (let attempt = 1; ; attempt++) {
        try {
          await store.appendToStream(stream, messages, { expectedStreamVersion: BigInt(length) });
          return;
        } catch (error) {
          // Each call opens a connection whose `PRAGMA journal_mode` runs un-awaited; under a slow disk
          // the COMMIT can meet it still running (SQLITE_BUSY, rolled back). Retried, and counted.
          if ((error as { code?: string }).code !== 'SQLITE_BUSY' || attempt === 5) throw error;
          target.busyRetries++;
        }
      }
    },
    readStream: async (stream) => (await store.readStream(stream)).events.length,
    readAll: async (pageSize) => {
      let count = 0;
      let after = 0n;
      for (;;) {
        const batch = await readMessagesBatch(reader, { after, batchSize: pageSize });
        // The setup event is not part of the workload.
        count += batch.messages.filter((m) => m.metadata.streamName !== 'bench-setup').length;
        if (!batch.areEventsLeft) return count;
        after = batch.currentGlobalPosition;
      }
    },
    close: () => reader.close(),
  };
  return target;
}
