/**
 * The event-store port: EventStoreDB's semantics, one interface for every adapter.
 *
 * Revisions and positions are JavaScript numbers (exact up to 2^53; EventStoreDB's bigint
 * positions are byte offsets, which stay far below that). See docs/adr/0002-event-store-port.md.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** An event to append. `id` (a UUID) makes the append idempotent; one is generated when absent. */
export interface EventData<Type extends string = string, Data = unknown, Metadata = unknown> {
  readonly id?: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata?: Metadata;
}

/** An event as stored. */
export interface RecordedEvent<Type extends string = string, Data = unknown, Metadata = unknown> {
  readonly id: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: Metadata | null;
  readonly streamName: string;
  /** 0-based revision of the event in its stream. */
  readonly streamRevision: number;
  /** Position in the global log ($all); strictly increasing in commit order. */
  readonly position: number;
  readonly created: Date;
  /**
   * SHA-256 chaining this event to the previous one of its stream (lowercase hex), when the store
   * keeps one; absent for events written before the chain started. See docs/adr/0013-trust.md.
   */
  readonly chain?: string;
}

export const ANY = 'any' as const;
export const NO_STREAM = 'no_stream' as const;
export const STREAM_EXISTS = 'stream_exists' as const;

/** What the writer believes the stream's current revision to be. */
export type ExpectedRevision = typeof ANY | typeof NO_STREAM | typeof STREAM_EXISTS | number;

/** The revision the stream actually had when a write was refused. */
export type CurrentRevision = typeof NO_STREAM | number;

export interface AppendOptions {
  /** Defaults to `any`. */
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event written: pass it as `expectedRevision` for the next append. */
  readonly nextExpectedRevision: number;
  /** Global position of the last event written. */
  readonly position: number;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** Inclusive. Defaults to `start` (forwards) or `end` (backwards). */
  readonly fromRevision?: number | 'start' | 'end';
  /** Defaults to no limit. */
  readonly maxCount?: number;
}

/** Either a stream-name filter or an event-type filter, as EventStoreDB allows one at a time. */
export type EventFilter =
  | { readonly streamNamePrefixes: readonly string[]; readonly eventTypePrefixes?: never }
  | { readonly eventTypePrefixes: readonly string[]; readonly streamNamePrefixes?: never };

export interface ReadAllOptions {
  /** Inclusive, like EventStoreDB's readAll. Defaults to `start`. */
  readonly fromPosition?: number | 'start';
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface SubscribeToAllOptions {
  /**
   * Exclusive checkpoint: delivery starts with the first event after it, like EventStoreDB's
   * subscribeToAll. `start` delivers the whole log.
   */
  readonly fromPosition?: number | 'start';
  readonly filter?: EventFilter;
}

/** Messages a subscription yields: every event once, in commit order, and a marker when it turns live. */
export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  | { readonly kind: 'caught-up'; readonly position: number | null };

export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  /** Stops delivery; the iterator finishes. Safe to call more than once. */
  unsubscribe(): Promise<void>;
}

export interface EventStore {
  /** Appends all events or none, atomically, checking `expectedRevision` first. */
  appendToStream(
    streamName: string,
    events: readonly EventData[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /** Throws StreamNotFoundError for a stream that has no events. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The global log, forwards, system events ($-prefixed types) excluded. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up then live, never skipping or repeating an event across the switch. */
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** Position of the last non-system event in the log (as `$all` shows it), or null when there is none. */
  headPosition(): Promise<number | null>;
  close(): Promise<void>;
}
