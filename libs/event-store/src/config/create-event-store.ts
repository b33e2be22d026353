import { EmbeddedEventStore } from '../embedded/embedded-event-store.js';
import type { Synchronous } from '../embedded/open-database.js';
import { InvalidEventStoreInputError } from '../port/errors.js';
import type { EventStore } from '../port/types.js';
import { ReadOnlyEventStore } from '../read-only/read-only-event-store.js';
import { readOnlyView } from '../read-only/read-only-view.js';

export interface EventStoreConfig {
  /** `esdb://…` or `esdb+discover://…` selects EventStoreDB; unset (or empty) means the embedded store. */
  readonly eventStoreUrl?: string;
  /** Folder of the embedded store's `events.sqlite`. Default `./data`. */
  readonly dataDir?: string;
  /** Embedded store only: `FULL` (default) or `NORMAL`. */
  readonly synchronous?: Synchronous;
  /** Open for reading only: never creates, migrates or writes anything; appends are refused. */
  readonly readOnly?: boolean;
}

/**
 * Reads `EVENTSTORE_URL`, `DATA_DIR` and `EVENTSTORE_SYNCHRONOUS` (FULL | NORMAL) from the
 * variables an application read at its edge (the lib never reads `process.env` itself).
 */
export function eventStoreConfigFromEnv(env: Readonly<Record<string, string | undefined>>): EventStoreConfig {
  const synchronous = env.EVENTSTORE_SYNCHRONOUS?.trim().toUpperCase();
  if (synchronous !== undefined && synchronous !== '' && synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    throw new InvalidEventStoreInputError(
      'EVENTSTORE_SYNCHRONOUS',
      `EVENTSTORE_SYNCHRONOUS: must be FULL or NORMAL, got "${env.EVENTSTORE_SYNCHRONOUS}"`,
    );
  }
  return {
    eventStoreUrl: nonEmpty(env.EVENTSTORE_URL),
    dataDir: nonEmpty(env.DATA_DIR),
    synchronous: synchronous === 'FULL' || synchronous === 'NORMAL' ? synchronous : undefined,
  };
}

/** Opens the store the configuration names: EventStoreDB for an esdb:// URL, else the embedded store. */
export async function createEventStore(config: EventStoreConfig = {}): Promise<EventStore> {
  const url = nonEmpty(config.eventStoreUrl);
  if (url === undefined) {
    if (config.readOnly) return ReadOnlyEventStore.open({ dataDir: config.dataDir ?? './data' });
    return EmbeddedEventStore.open({ dataDir: config.dataDir ?? './data', synchronous: config.synchronous });
  }
  if (!/^esdb(\+discover)?:\/\//.test(url)) {
    throw new InvalidEventStoreInputError(
      'eventStoreUrl',
      `eventStoreUrl: must start with esdb:// or esdb+discover:// (or be unset for the embedded store), got "${url}"`,
    );
  }
  // Loaded only when asked for, so the embedded store never pulls in the gRPC client.
  const { EsdbEventStore } = await import('../esdb/index.js');
  const store = await EsdbEventStore.connect(url);
  return config.readOnly ? readOnlyView(store, url.replace(/\/\/[^@/]*@/, '//')) : store;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
