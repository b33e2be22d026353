import { EventStoreReadOnlyError } from '../port/errors.js';
import type { AppendResult, EventStore } from '../port/types.js';

/** A store's reads, with every append refused: the read-only face of a store that could write (EventStoreDB). */
export function readOnlyView(store: EventStore, name: string): EventStore {
  return {
    appendToStream: async (streamName: string): Promise<AppendResult> => {
      throw new EventStoreReadOnlyError(
        `The event store ${name} is open read-only; cannot append to "${streamName}"`,
      );
    },
    readStream: (streamName, options) => store.readStream(streamName, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  };
}
