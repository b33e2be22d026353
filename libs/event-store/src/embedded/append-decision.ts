import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type AppendResult,
  type CurrentRevision,
  type ExpectedRevision,
} from '../port/types.js';

/** Where a stored event sits: enough to answer an idempotent retry with the original result. */
export interface StoredEventRef {
  readonly id: string;
  readonly revision: number;
  readonly position: number;
}

/** What the decision needs to know about the stream, read inside the append's transaction. */
export interface StreamView {
  /** Revision of the stream's last event, -1 when the stream has none. */
  readonly current: number;
  /** The stream's event at a revision, if any. */
  eventAt(revision: number): StoredEventRef | undefined;
  /** The stream's latest event with this id, if any. */
  findById(id: string): StoredEventRef | undefined;
}

export type AppendDecision =
  | { readonly kind: 'write' }
  | { readonly kind: 'idempotent'; readonly result: AppendResult }
  | { readonly kind: 'wrong-revision'; readonly actual: CurrentRevision };

/**
 * EventStoreDB's commit check (IndexWriter.CheckCommit): the expected revision first, then
 * idempotency by event id. A retry of events already written returns their original result and
 * writes nothing; a batch whose ids only partly match is a wrong-expected-revision.
 *
 * @param ids the batch's event ids, in order
 * @param firstIdFromCaller false when the ids were just generated: such a batch cannot be a retry
 */
export function decideAppend(
  expected: ExpectedRevision,
  ids: readonly string[],
  firstIdFromCaller: boolean,
  stream: StreamView,
): AppendDecision {
  const { current } = stream;
  const wrong: AppendDecision = { kind: 'wrong-revision', actual: current < 0 ? NO_STREAM : current };

  if (expected === STREAM_EXISTS && current < 0) return wrong;

  if (expected === ANY || expected === STREAM_EXISTS) {
    // Like EventStoreDB: the first id decides whether this is a retry; then every id must be in the stream.
    if (!firstIdFromCaller || stream.findById(ids[0]) === undefined) return { kind: 'write' };
    let last: StoredEventRef | undefined;
    for (const id of ids) {
      last = stream.findById(id);
      if (last === undefined) return wrong;
    }
    return idempotent(last!);
  }

  const after = expected === NO_STREAM ? -1 : expected;
  if (after === current) return { kind: 'write' };
  if (after > current) return wrong;

  // The stream is past the expected revision: a retry only if the events after it are this batch.
  let last: StoredEventRef | undefined;
  for (let i = 0; i < ids.length; i++) {
    last = stream.eventAt(after + 1 + i);
    if (last === undefined || last.id !== ids[i]) return wrong;
  }
  return idempotent(last!);
}

function idempotent(last: StoredEventRef): AppendDecision {
  return { kind: 'idempotent', result: { nextExpectedRevision: last.revision, position: last.position } };
}
