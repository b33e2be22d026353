import { randomUUID } from 'node:crypto';
import { canonicalStringify } from '../chain/canonical-json.js';
import { InvalidEventStoreInputError } from './errors.js';
import {
  MAX_APPEND_BYTES,
  MAX_EVENT_TYPE_LENGTH,
  MAX_EVENTS_PER_APPEND,
  MAX_STREAM_NAME_LENGTH,
} from './limits.js';
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type Direction,
  type EventFilter,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
} from './types.js';

/**
 * Checks every adapter runs before touching storage, so that bad input fails the same way
 * (InvalidEventStoreInputError naming the field) everywhere and nothing is partially written.
 */

/** An event whose data and metadata are already JSON text, canonical (RFC 8785: canonicalStringify), ready to store or send. */
export interface SerializedEvent {
  /** Lower-case UUID. */
  readonly id: string;
  readonly type: string;
  readonly data: string;
  /** `null` when the caller gave no metadata. */
  readonly metadata: string | null;
}

export interface SerializedAppend {
  readonly events: readonly SerializedEvent[];
  /** Whether the first event's id came from the caller: only then can the append be a retry. */
  readonly firstIdFromCaller: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(field: string, message: string): InvalidEventStoreInputError {
  return new InvalidEventStoreInputError(field, `${field}: ${message}`);
}

export function checkStreamName(value: unknown, field = 'streamName'): string {
  if (typeof value !== 'string') throw invalid(field, `must be a string, got ${describe(value)}`);
  if (value.length === 0) throw invalid(field, 'must not be empty');
  if (value.length > MAX_STREAM_NAME_LENGTH) {
    throw invalid(field, `is ${value.length} characters long; the limit is ${MAX_STREAM_NAME_LENGTH}`);
  }
  return value;
}

export function checkExpectedRevision(value: unknown): ExpectedRevision {
  if (value === undefined) return ANY;
  if (value === ANY || value === NO_STREAM || value === STREAM_EXISTS) return value;
  if (isRevision(value)) return value;
  throw invalid(
    'expectedRevision',
    `must be "any", "no_stream", "stream_exists" or a non-negative integer, got ${describe(value)}`,
  );
}

/** What every store checks of an append before it writes: the stream, the expected revision, the events. */
export function checkAppend(
  streamName: unknown,
  events: unknown,
  options: { readonly expectedRevision?: unknown } | undefined,
): { readonly name: string; readonly expected: ExpectedRevision; readonly batch: SerializedAppend } {
  const name = checkStreamName(streamName);
  const expected = checkExpectedRevision(options?.expectedRevision);
  return { name, expected, batch: serializeAppend(events) };
}

export function serializeAppend(events: unknown): SerializedAppend {
  if (!Array.isArray(events)) throw invalid('events', `must be an array, got ${describe(events)}`);
  if (events.length === 0) throw invalid('events', 'must hold at least one event');
  if (events.length > MAX_EVENTS_PER_APPEND) {
    throw invalid(
      'events',
      `holds ${events.length} events; the limit is ${MAX_EVENTS_PER_APPEND} per append`,
    );
  }
  const serialized: SerializedEvent[] = new Array<SerializedEvent>(events.length);
  let chars = 0;
  let firstIdFromCaller = false;
  for (let i = 0; i < events.length; i++) {
    const field = `events[${i}]`;
    const event: unknown = events[i];
    if (typeof event !== 'object' || event === null) {
      throw invalid(field, `must be an object, got ${describe(event)}`);
    }
    const { id, type, data, metadata } = event as Record<string, unknown>;
    const eventId = checkEventId(id, `${field}.id`);
    if (i === 0) firstIdFromCaller = id !== undefined;
    const eventType = checkEventType(type, `${field}.type`);
    const dataJson = toJson(data, `${field}.data`);
    const metadataJson = metadata === undefined ? null : toJson(metadata, `${field}.metadata`);
    chars += eventType.length + dataJson.length + (metadataJson?.length ?? 0);
    serialized[i] = { id: eventId, type: eventType, data: dataJson, metadata: metadataJson };
  }
  // A UTF-16 unit takes at most 3 UTF-8 bytes, so only a large append needs the exact count.
  if (chars * 3 > MAX_APPEND_BYTES) {
    let bytes = 0;
    for (const e of serialized) {
      bytes += Buffer.byteLength(e.type) + Buffer.byteLength(e.data);
      if (e.metadata !== null) bytes += Buffer.byteLength(e.metadata);
    }
    if (bytes > MAX_APPEND_BYTES) {
      throw invalid(
        'events',
        `the append is ${bytes} bytes of type, data and metadata; the limit is ${MAX_APPEND_BYTES} bytes (1 MiB)`,
      );
    }
  }
  return { events: serialized, firstIdFromCaller };
}

export interface CheckedReadStreamOptions {
  readonly direction: Direction;
  readonly fromRevision: number | 'start' | 'end';
  /** `undefined` means no limit. */
  readonly maxCount: number | undefined;
}

export function checkReadStreamOptions(options: ReadStreamOptions | undefined): CheckedReadStreamOptions {
  const o = checkOptionsObject(options);
  const direction = o.direction ?? 'forwards';
  if (direction !== 'forwards' && direction !== 'backwards') {
    throw invalid('direction', `must be "forwards" or "backwards", got ${describe(direction)}`);
  }
  const fromRevision = o.fromRevision ?? (direction === 'forwards' ? 'start' : 'end');
  if (fromRevision !== 'start' && fromRevision !== 'end' && !isRevision(fromRevision)) {
    throw invalid(
      'fromRevision',
      `must be "start", "end" or a non-negative integer, got ${describe(fromRevision)}`,
    );
  }
  return { direction, fromRevision, maxCount: checkMaxCount(o.maxCount) };
}

export interface CheckedReadAllOptions {
  readonly fromPosition: number | 'start';
  readonly maxCount: number | undefined;
  readonly filter: EventFilter | undefined;
}

export function checkReadAllOptions(options: ReadAllOptions | undefined): CheckedReadAllOptions {
  const o = checkOptionsObject(options);
  return {
    fromPosition: checkPosition(o.fromPosition),
    maxCount: checkMaxCount(o.maxCount),
    filter: checkFilter(o.filter),
  };
}

export interface CheckedSubscribeOptions {
  readonly fromPosition: number | 'start';
  readonly filter: EventFilter | undefined;
}

export function checkSubscribeOptions(options: SubscribeToAllOptions | undefined): CheckedSubscribeOptions {
  const o = checkOptionsObject(options);
  return { fromPosition: checkPosition(o.fromPosition), filter: checkFilter(o.filter) };
}

export function checkFilter(filter: unknown): EventFilter | undefined {
  if (filter === undefined) return undefined;
  if (typeof filter !== 'object' || filter === null) {
    throw invalid('filter', `must be an object, got ${describe(filter)}`);
  }
  const { streamNamePrefixes, eventTypePrefixes } = filter as Record<string, unknown>;
  if ((streamNamePrefixes === undefined) === (eventTypePrefixes === undefined)) {
    throw invalid('filter', 'give either streamNamePrefixes or eventTypePrefixes, not both or neither');
  }
  if (streamNamePrefixes !== undefined) {
    return { streamNamePrefixes: checkPrefixes(streamNamePrefixes, 'filter.streamNamePrefixes') };
  }
  return { eventTypePrefixes: checkPrefixes(eventTypePrefixes, 'filter.eventTypePrefixes') };
}

function checkPrefixes(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.length === 0)
    throw invalid(field, 'must be a non-empty array of strings');
  for (const prefix of value) {
    if (typeof prefix !== 'string' || prefix.length === 0) {
      throw invalid(field, `every prefix must be a non-empty string, got ${describe(prefix)}`);
    }
  }
  return [...(value as string[])];
}

function checkOptionsObject<T extends object>(options: T | undefined): Partial<T> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) {
    throw invalid('options', `must be an object, got ${describe(options)}`);
  }
  return options;
}

function checkPosition(value: unknown): number | 'start' {
  if (value === undefined || value === 'start') return 'start';
  if (isRevision(value)) return value;
  throw invalid('fromPosition', `must be "start" or a non-negative integer, got ${describe(value)}`);
}

function checkMaxCount(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (isRevision(value)) return value;
  throw invalid('maxCount', `must be a non-negative integer, got ${describe(value)}`);
}

function checkEventId(value: unknown, field: string): string {
  if (value === undefined) return randomUUID();
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw invalid(field, `must be a UUID such as "${randomUUID()}", got ${describe(value)}`);
  }
  return value.toLowerCase();
}

function checkEventType(value: unknown, field: string): string {
  if (typeof value !== 'string') throw invalid(field, `must be a string, got ${describe(value)}`);
  if (value.length === 0) throw invalid(field, 'must not be empty');
  if (value.length > MAX_EVENT_TYPE_LENGTH) {
    throw invalid(field, `is ${value.length} characters long; the limit is ${MAX_EVENT_TYPE_LENGTH}`);
  }
  return value;
}

function isRevision(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Where a value stops being JSON, or null when it is JSON. Paths are built only on failure. */
type NotJson = { readonly path: string[]; readonly reason: string } | null;

/**
 * JSON.stringify silently drops functions and symbols, turns NaN into null and Maps into {}, and
 * throws on bigint. Refuse all of those first; cycles are left to JSON.stringify (through
 * canonicalStringify), which reports them.
 */
function findNonJson(value: unknown, depth: number): NotJson {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : { path: [], reason: `${value} is not JSON` };
    case 'object': {
      if (value === null || depth > 512) return null;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const found = value[i] === undefined ? null : findNonJson(value[i], depth + 1);
          if (found !== null) return { path: [`[${i}]`, ...found.path], reason: found.reason };
        }
        return null;
      }
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return null;
      if (value instanceof Map || value instanceof Set) {
        return { path: [], reason: `a ${value.constructor.name} is not JSON (it would be stored as {})` };
      }
      for (const key in value) {
        const item = (value as Record<string, unknown>)[key];
        const found = item === undefined ? null : findNonJson(item, depth + 1);
        if (found !== null) return { path: [`.${key}`, ...found.path], reason: found.reason };
      }
      return null;
    }
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      return { path: [], reason: `a ${typeof value} is not JSON` };
  }
}

function toJson(value: unknown, field: string): string {
  if (value === undefined)
    throw invalid(field, 'is undefined; an event carries JSON (use null for no value)');
  const found = findNonJson(value, 0);
  if (found !== null) {
    const where = found.path.length === 0 ? '' : ` at ${found.path.join('')}`;
    throw invalid(field, `is not JSON-serializable${where}: ${found.reason}`);
  }
  try {
    // Canonical (RFC 8785), so that the writer hashes the stored text as it is (chainOfCanonicalText).
    return canonicalStringify(value)!;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw invalid(field, `is not JSON-serializable: ${reason}`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'undefined':
      return 'undefined';
    case 'object':
      return 'an object';
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default:
      return typeof value;
  }
}
