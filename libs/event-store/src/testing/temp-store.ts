import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStoreFixture, reopeningFixture } from './contract-support.js';
import { EmbeddedEventStore, type EmbeddedEventStoreOptions } from '../embedded/embedded-event-store.js';

export type TempEventStore = EventStoreFixture & {
  readonly dataDir: string;
  /** The store open now (reopen replaces it). */
  readonly current: () => EmbeddedEventStore;
};

/** An embedded store in a fresh temporary folder, removed on dispose: for tests and benchmarks. */
export async function openTempEventStore(
  options: Omit<EmbeddedEventStoreOptions, 'dataDir' | 'file'> = {},
): Promise<TempEventStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'one-window-events-'));
  const fixture = await reopeningFixture(
    () => EmbeddedEventStore.open({ ...options, dataDir }),
    () => rmSync(dataDir, { recursive: true, force: true }),
  );
  return { dataDir, ...fixture };
}
