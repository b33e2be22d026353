import type { RecordedEvent } from '../port/types.js';

/**
 * An event as one row of the `events` table, data and metadata still JSON text. Column order
 * matches `EVENT_COLUMNS`, so raw rows from better-sqlite3 are used as they come.
 */
export type StoredEvent = [
  position: number,
  streamName: string,
  streamRevision: number,
  id: string,
  type: string,
  data: string,
  metadata: string | null,
  created: number,
];

export const EVENT_COLUMNS =
  'position, stream_name, stream_revision, event_id, type, data, metadata, created';

export function toRecordedEvent(row: StoredEvent): RecordedEvent {
  return {
    id: row[3],
    type: row[4],
    data: JSON.parse(row[5]) as unknown,
    metadata: row[6] === null ? null : (JSON.parse(row[6]) as unknown),
    streamName: row[1],
    streamRevision: row[2],
    position: row[0],
    created: new Date(row[7]),
  };
}
