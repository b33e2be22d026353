import { type BlobStore, createBlobStore } from '@one-window/blob-store';
import type { WorkingCalendar } from '@one-window/calendar';
import { CalendarStore } from '@one-window/calendar/store';
import { createEventStore, type EventStore } from '@one-window/event-store';
import { openReadModelDatabase, type ReadModelDb } from '@one-window/read-models';
import { cliConfig } from '../config.js';

/** What replay, rebuild and verify touch: tests give them a temp store and capture the output. */
export interface ReadSideCliDeps {
  /** `readOnly`: never write the store (verify, replay): works on a read-only copy. */
  openStore(options?: { readOnly?: boolean }): Promise<EventStore>;
  openReadModels(): ReadModelDb;
  /** The attached files' store (BLOB_STORE_URL, DATA_DIR/blobs by default); verify checks it when given. */
  openBlobs?(): Promise<BlobStore>;
  calendar(store: EventStore): Promise<WorkingCalendar>;
  out(line: string): void;
  err(line: string): void;
  /** Rewrites the current line (a progress bar); a no-op where output is not a terminal. */
  progress(line: string): void;
}

/** The environment's store (EVENTSTORE_URL / DATA_DIR) and read models (DATA_DIR). */
export const environmentDeps: ReadSideCliDeps = {
  openStore: (options) => createEventStore({ ...cliConfig().eventStore, readOnly: options?.readOnly }),
  openReadModels: () => openReadModelDatabase({ dataDir: cliConfig().dataDir }),
  openBlobs: () => createBlobStore(cliConfig().blobStoreUrl, cliConfig().dataDir ?? './data'),
  calendar: (store) => new CalendarStore(store).calendar(),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  progress: (line) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
  },
};
