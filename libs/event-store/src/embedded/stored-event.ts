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
  /** 32 bytes (a Buffer from SQLite, a Uint8Array from the writer thread); null before the chain started. */
  chain: Uint8Array | null,
];

export const EVENT_COLUMNS =
  'position, stream_name, stream_revision, event_id, type, data, metadata, created, chain';

/** The same columns from a file written before the chain (schema 1, read-only). */
export const EVENT_COLUMNS_UNCHAINED =
  'position, stream_name, stream_revision, event_id, type, data, metadata, created, NULL AS chain';

export function toRecordedEvent(row: StoredEvent): RecordedEvent {
  const event: { -readonly [K in keyof RecordedEvent]: RecordedEvent[K] } = {
    id: row[3],
    type: row[4],
    data: JSON.parse(row[5]) as unknown,
    metadata: row[6] === null ? null : (JSON.parse(row[6]) as unknown),
    streamName: row[1],
    streamRevision: row[2],
    position: row[0],
    created: new Date(row[7]),
  };
  const chain = row[8];
  // Before the chain started an event has no `chain` at all (not an undefined one).
  if (chain !== null)
    event.chain = Buffer.from(chain.buffer, chain.byteOffset, chain.byteLength).toString('hex');
  return event;
}
