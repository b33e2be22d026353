import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore } from '@one-window/event-store';
import { openReadModelDatabase, type ReadModelDb } from '../database/read-model-database.js';

/** A real embedded event store and a read-model database in a fresh temporary folder. */
export interface TempReadModels {
  readonly dataDir: string;
  readonly store: EmbeddedEventStore;
  readonly db: ReadModelDb;
  /** A second connection to the same read-model file (another process's view). */
  openDb(): ReadModelDb;
  dispose(): Promise<void>;
}

export async function openTempReadModels(prefix = 'one-window-read-models-'): Promise<TempReadModels> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const store = await EmbeddedEventStore.open({ dataDir, synchronous: 'NORMAL' });
  const opened: ReadModelDb[] = [];
  const openDb = (): ReadModelDb => {
    const db = openReadModelDatabase({ dataDir });
    opened.push(db);
    return db;
  };
  const db = openDb();
  return {
    dataDir,
    store,
    db,
    openDb,
    dispose: async () => {
      for (const d of opened) if (d.open) d.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
