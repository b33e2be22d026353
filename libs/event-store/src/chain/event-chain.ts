import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** Version tag of the canonical form; a new form gets a new tag. See docs/adr/0013-trust.md. */
export const CHAIN_FORM = 'ow-chain-1';

/** The chain of "nothing before": what revision 0 of every stream chains to. */
export const CHAIN_ORIGIN: Buffer = Buffer.alloc(32);

/** What an event's chain covers. `data`/`metadata` are JSON values (parsed), `created` ms since epoch. */
export interface ChainedFields {
  readonly streamName: string;
  readonly streamRevision: number;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  /** The store's timestamp when it assigns it inside the append (embedded); null when it cannot (EventStoreDB). */
  readonly created: number | null;
  /** The event's position in $all, likewise: so a reordering of the log breaks the chain. */
  readonly position: number | null;
}

/** The bytes an event's chain hashes: the UTF-8 of one canonical JSON array. */
export function canonicalEvent(fields: ChainedFields): string {
  return canonicalJson([
    CHAIN_FORM,
    fields.streamName,
    fields.streamRevision,
    fields.id,
    fields.type,
    fields.data,
    fields.metadata ?? null,
    fields.created,
    fields.position,
  ]);
}

/** chain = SHA-256(previous chain ‖ canonical event); `previous` null for revision 0 (or an unchained predecessor). */
export function chainOf(previous: Buffer | null, fields: ChainedFields): Buffer {
  return chainAfter(previous, canonicalEvent(fields));
}

function chainAfter(previous: Buffer | null, canonical: string): Buffer {
  return createHash('sha256')
    .update(previous ?? CHAIN_ORIGIN)
    .update(canonical, 'utf8')
    .digest();
}

/** An event as an append carries it: data and metadata still JSON text (SerializedEvent). */
export interface EventText {
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string | null;
}

/** Where an event stands in its stream, as its chain covers it. */
export interface StreamPlace {
  readonly streamName: string;
  readonly streamRevision: number;
}

/**
 * chainOf for an event whose data and metadata are already canonical JSON text (what
 * serializeAppend stores: canonicalStringify, the writers' input): the canonical event is put
 * together from the text as it is, without parsing and re-encoding it.
 */
export function chainOfCanonicalText(
  previous: Buffer | null,
  at: StreamPlace,
  event: EventText,
  created: number | null,
  position: number | null,
): Buffer {
  return chainAfter(
    previous,
    `[${FORM_JSON},${JSON.stringify(at.streamName)},${at.streamRevision},${JSON.stringify(event.id)},` +
      `${JSON.stringify(event.type)},${event.data},${event.metadata ?? 'null'},${created ?? 'null'},${position ?? 'null'}]`,
  );
}

const FORM_JSON = JSON.stringify(CHAIN_FORM);
