/**
 * Between the port's numbers and the client's bigints and records.
 *
 * The port's position is EventStoreDB's commit position. Every event written through gRPC is
 * its own commit (EventStoreDB ≥ 20 writes no explicit transactions), so its commit and
 * prepare positions are equal and unique, strictly increasing in commit order; the prepare
 * position carries nothing more. Positions are byte offsets into the log and stay far below
 * 2^53, so numbers hold them exactly.
 */
import type {
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  Filter,
  JSONType,
  Position,
  ResolvedEvent,
} from '@eventstore/db-client';
import { eventTypeFilter, excludeSystemEvents, streamNameFilter } from '@eventstore/db-client';
import type { EventFilter, ExpectedRevision, RecordedEvent } from '../port/types.js';
import { splitChain } from './esdb-chain.js';
import { EsdbProtocolError } from './esdb-protocol.error.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Throws rather than round: a wrong revision or position would corrupt whoever relies on it. */
export function toSafeNumber(value: bigint, what: string): number {
  if (value < 0n || value > MAX_SAFE) {
    throw new EsdbProtocolError(`EventStoreDB sent a ${what} (${value}) outside the range of exact numbers`);
  }
  return Number(value);
}

export function toClientPosition(position: number): Position {
  const value = BigInt(position);
  return { commit: value, prepare: value };
}

export function toClientExpected(expected: ExpectedRevision): AppendExpectedRevision {
  return typeof expected === 'number' ? BigInt(expected) : expected;
}

export function toClientRevision(revision: number | 'start' | 'end'): bigint | 'start' | 'end' {
  return typeof revision === 'number' ? BigInt(revision) : revision;
}

/**
 * The server-side filter for a subscription: the caller's, or else one that leaves out system
 * events. The adapter drops `$` types again on arrival, since a caller's filter can match them.
 */
export function toClientFilter(filter: EventFilter | undefined): Filter {
  if (filter?.streamNamePrefixes) return streamNameFilter({ prefixes: [...filter.streamNamePrefixes] });
  if (filter?.eventTypePrefixes) return eventTypeFilter({ prefixes: [...filter.eventTypePrefixes] });
  return excludeSystemEvents();
}

/** The JSON the client sends: data as given (already checked to be JSON), metadata only when given. */
export function toClientEvent(event: { id: string; type: string; metadata: string | null }, data: unknown) {
  return {
    id: event.id,
    contentType: 'application/json' as const,
    type: event.type,
    data: data as JSONType,
    // As bytes, so that falsy metadata (0, false, "") is kept rather than dropped by the client.
    metadata: event.metadata === null ? undefined : new TextEncoder().encode(event.metadata),
  };
}

/** Undefined for a link whose target is gone: there is no event to give. */
export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event) return undefined;
  // Stream reads carry positions since EventStoreDB 22.6; older servers send none (or 2^64-1).
  const commit = event.position?.commit ?? resolved.commitPosition;
  if (commit === undefined)
    throw new EsdbProtocolError(`EventStoreDB sent event ${event.id} without a position`);
  const { metadata, chain } = splitChain(event.metadata ?? null);
  const recorded: RecordedEvent = {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata,
    streamName: event.streamId,
    streamRevision: toSafeNumber(event.revision, 'revision'),
    position: toSafeNumber(commit, 'position'),
    created: event.created,
  };
  return chain === undefined ? recorded : { ...recorded, chain };
}
