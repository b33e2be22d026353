/**
 * Input limits every adapter enforces before anything is written (docs/adr/0002-event-store-port.md).
 */

/** EventStoreDB's default `MaxAppendSize`: data + metadata + type of one append, in UTF-8 bytes. */
export const MAX_APPEND_BYTES = 1_048_576;

/** Longest stream name, in characters. */
export const MAX_STREAM_NAME_LENGTH = 1_000;

/** Longest event type, in characters. */
export const MAX_EVENT_TYPE_LENGTH = 1_000;

/** Most events in one append (the byte limit usually bites first). */
export const MAX_EVENTS_PER_APPEND = 10_000;
