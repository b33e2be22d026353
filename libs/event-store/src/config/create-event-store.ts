import { EmbeddedEventStore } from '../embedded/embedded-event-store.js';
import type { Synchronous } from '../embedded/open-database.js';
import { InvalidEventStoreInputError } from '../port/errors.js';
import type { EventStore } from '../port/types.js';

export interface EventStoreConfig {
  /** `esdb://…` or `esdb+discover://…` selects EventStoreDB; unset (or empty) means the embedded store. */
  readonly eventStoreUrl?: string;
  /** Folder of the embedded store's `events.sqlite`. Default `./data`. */
  readonly dataDir?: string;
  /** Embedded store only: `FULL` (default) or `NORMAL`. */
  readonly synchronous?: Synchronous;
}

/** Reads `EVENTSTORE_URL`, `DATA_DIR` and `EVENTSTORE_SYNCHRONOUS` (FULL | NORMAL). */
export function eventStoreConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EventStoreConfig {
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
  return EsdbEventStore.connect(url);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
