import { chainOfCanonicalText } from '../chain/event-chain.js';
import { StreamNotFoundError } from '../port/errors.js';
import type { ExpectedRevision, RecordedEvent } from '../port/types.js';
import type { SerializedEvent } from '../port/validation.js';

/** The metadata keys that carry the chain on EventStoreDB (ADR 13). */
const CHAIN_KEY = '$chain';
const WRAPPED_KEY = '$metadata';

/** The stream's head the chain continues from: its revision and chain (null: none, or unchained). */
export interface ChainHead {
  readonly revision: number;
  readonly chain: Buffer | null;
}

/**
 * Where the new events' chain starts. An exact expected revision names the event to chain to
 * (the engine always appends so); `any`/`stream_exists` chain to the head read now, which a
 * concurrent writer could overtake: verify would then report the break.
 */
export async function chainHeadFor(
  expected: ExpectedRevision,
  readBackwards: (from: number | 'end') => Promise<RecordedEvent[]>,
): Promise<ChainHead> {
  if (expected === 'no_stream') return { revision: -1, chain: null };
  let events: RecordedEvent[];
  try {
    events = await readBackwards(typeof expected === 'number' ? expected : 'end');
  } catch (error) {
    if (error instanceof StreamNotFoundError) return { revision: -1, chain: null };
    throw error;
  }
  const last = events[0];
  if (last === undefined) return { revision: -1, chain: null };
  return {
    revision: last.streamRevision,
    chain: last.chain === undefined ? null : Buffer.from(last.chain, 'hex'),
  };
}

/** The events' metadata with their chains in it; created and position are EventStoreDB's, so left out (null). */
export function withChains(
  streamName: string,
  head: ChainHead,
  events: readonly SerializedEvent[],
): SerializedEvent[] {
  let chain = head.chain;
  return events.map((e, i) => {
    chain = chainOfCanonicalText(chain, { streamName, streamRevision: head.revision + 1 + i }, e, null, null);
    const hex = chain.toString('hex');
    const original: unknown = e.metadata === null ? null : JSON.parse(e.metadata);
    const merge =
      typeof original === 'object' &&
      original !== null &&
      !Array.isArray(original) &&
      !(CHAIN_KEY in original) &&
      !(WRAPPED_KEY in original);
    const metadata = merge
      ? { ...original, [CHAIN_KEY]: hex }
      : { [CHAIN_KEY]: hex, [WRAPPED_KEY]: original };
    return { ...e, metadata: JSON.stringify(metadata) };
  });
}

/** The caller's metadata and the chain, from what withChains stored. */
export function splitChain(metadata: unknown): { metadata: unknown; chain: string | undefined } {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata))
    return { metadata, chain: undefined };
  const record = metadata as Record<string, unknown>;
  const chain = record[CHAIN_KEY];
  if (typeof chain !== 'string') return { metadata, chain: undefined };
  if (WRAPPED_KEY in record) return { metadata: record[WRAPPED_KEY] ?? null, chain };
  const rest = { ...record };
  delete rest[CHAIN_KEY];
  return { metadata: rest, chain };
}
