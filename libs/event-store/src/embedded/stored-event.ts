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
  const event = toRecordedEventWithout(row);
  event.data = JSON.parse(row[5]) as unknown;
  event.metadata = row[6] === null ? null : (JSON.parse(row[6]) as unknown);
  return event;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Every field but data and metadata, in the order toRecordedEvent has always given them. */
function toRecordedEventWithout(row: StoredEvent): Mutable<RecordedEvent> {
  const event: Mutable<RecordedEvent> = {
    id: row[3],
    type: row[4],
    data: undefined,
    metadata: null,
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

/**
 * The same event, its data and metadata parsed when first read (each once) instead of at once: for
 * subscribers on the main thread, where the anchorer follows every commit and reads only the
 * stream, revision, position and chain of all but its own audit events — parsing each event's
 * JSON there (3 KB for a receipt) was a few per cent of the main thread under HTTP load. The two
 * fields are own enumerable properties, so spreading, JSON and structured clones see their values.
 */
export function toRecordedEventOnDemand(row: StoredEvent): RecordedEvent {
  const event = toRecordedEventWithout(row);
  let data: { readonly value: unknown } | undefined;
  let metadata: { readonly value: unknown } | undefined;
  Object.defineProperty(event, 'data', {
    enumerable: true,
    get: () => (data ??= { value: JSON.parse(row[5]) as unknown }).value,
  });
  Object.defineProperty(event, 'metadata', {
    enumerable: true,
    get: () => (metadata ??= { value: row[6] === null ? null : (JSON.parse(row[6]) as unknown) }).value,
  });
  return event;
}
