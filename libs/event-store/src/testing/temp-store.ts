import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStoreFixture } from './contract-support.js';
import { EmbeddedEventStore, type EmbeddedEventStoreOptions } from '../embedded/embedded-event-store.js';

/** An embedded store in a fresh temporary folder, removed on dispose: for tests and benchmarks. */
export async function openTempEventStore(
  options: Omit<EmbeddedEventStoreOptions, 'dataDir' | 'file'> = {},
): Promise<EventStoreFixture & { readonly dataDir: string; readonly current: () => EmbeddedEventStore }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'one-window-events-'));
  let store = await EmbeddedEventStore.open({ ...options, dataDir });
  return {
    dataDir,
    store,
    current: () => store,
    reopen: async () => {
      await store.close();
      store = await EmbeddedEventStore.open({ ...options, dataDir });
      return store;
    },
    dispose: async () => {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
