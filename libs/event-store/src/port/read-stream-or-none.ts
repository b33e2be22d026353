import { StreamNotFoundError } from './errors.js';
import type { EventStore, ReadStreamOptions, RecordedEvent } from './types.js';

/**
 * The stream's events as `store.readStream` reads them, where a stream that has no events reads
 * as none instead of throwing StreamNotFoundError: for the callers to whom "no such stream yet" is
 * the empty history it means (the first case number of a day, the first user, the first load).
 * Any other failure is thrown on.
 */
export async function readStreamOrNone(
  store: EventStore,
  streamName: string,
  options?: ReadStreamOptions,
): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(streamName, options);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}
