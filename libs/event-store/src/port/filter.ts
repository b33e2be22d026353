import type { EventFilter } from './types.js';

/** EventStoreDB's system events ($metadata, $>, ...) never reach readAll or subscribeToAll. */
export function isSystemEventType(type: string): boolean {
  return type.startsWith('$');
}

/** Whether an event passes readAll's and subscribeToAll's filter (system events never do). */
export function passesFilter(filter: EventFilter | undefined, streamName: string, type: string): boolean {
  if (isSystemEventType(type)) return false;
  if (filter === undefined) return true;
  if (filter.streamNamePrefixes !== undefined)
    return filter.streamNamePrefixes.some((p) => streamName.startsWith(p));
  return filter.eventTypePrefixes.some((p) => type.startsWith(p));
}
