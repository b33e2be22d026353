import { createEventStore, type EventStore, type Synchronous } from '@one-window/event-store';

export interface EventStoreLocation {
  readonly eventStoreUrl: string | undefined;
  readonly dataDir: string;
  /** The embedded store's `synchronous` (EVENTSTORE_SYNCHRONOUS); FULL when undefined. */
  readonly eventStoreSynchronous?: Synchronous;
}

/** The embedded store under DATA_DIR by default; EventStoreDB when EVENTSTORE_URL says so. */
export function openEventStore(location: EventStoreLocation): Promise<EventStore> {
  return createEventStore({
    eventStoreUrl: location.eventStoreUrl,
    dataDir: location.dataDir,
    synchronous: location.eventStoreSynchronous,
  });
}
