/**
 * The fixture's transaction log: one array of records in commit order, with EventStoreDB's
 * append rules (expected version and idempotency, see README.md §Append) and byte-offset-like
 * positions. It outlives the gRPC server, as EventStoreDB's data directory outlives a restart.
 */

export type ExpectedVersion =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: number };

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export interface LogRecord extends ProposedEvent {
  readonly streamName: string;
  readonly revision: number;
  /** Commit and prepare position: equal, as for every event written through gRPC. */
  readonly position: number;
  /** .NET ticks (100 ns) since the Unix epoch, as EventStoreDB sends `created`. */
  readonly createdTicks: bigint;
}

export type AppendOutcome =
  | {
      readonly kind: 'written' | 'idempotent';
      /** Revision of the last event of the write; null when nothing was written to a stream that has none. */
      readonly lastRevision: number | null;
      /** Position of the last event of the write; null when nothing was written. */
      readonly position: number | null;
    }
  | { readonly kind: 'wrong-expected-version'; readonly currentRevision: number | null };

/** EventStoreDB writes a fresh database's first records before any client event. */
const FIRST_POSITION = 128;
/** Bytes a record takes besides its payload; only the order and spacing of positions matter. */
const RECORD_OVERHEAD = 96;
const TICKS_PER_MS = 10_000n;

export class InMemoryLog {
  private readonly records: LogRecord[] = [];
  private readonly streams = new Map<string, LogRecord[]>();
  /** EventStoreDB keeps a cache of recent event ids for idempotency; here it is never evicted. */
  private readonly byId = new Map<string, LogRecord>();
  private readonly listeners = new Set<() => void>();
  private nextPosition = FIRST_POSITION;

  get length(): number {
    return this.records.length;
  }

  at(index: number): LogRecord {
    return this.records[index];
  }

  stream(streamName: string): readonly LogRecord[] | undefined {
    return this.streams.get(streamName);
  }

  /** Index of the first record whose position is greater than `position`. */
  indexAfter(position: number): number {
    let low = 0;
    let high = this.records.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.records[mid].position <= position) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Index of the first record whose position is at least `position`. */
  indexAtOrAfter(position: number): number {
    return this.indexAfter(position - 1);
  }

  /** Calls `listener` after every write; returns the unsubscribe function. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  append(streamName: string, expected: ExpectedVersion, events: readonly ProposedEvent[]): AppendOutcome {
    const existing = this.streams.get(streamName) ?? [];
    const current = existing.length - 1;
    const decision = this.check(streamName, existing, expected, events);
    if (decision) return decision;
    if (events.length === 0) {
      return { kind: 'written', lastRevision: current >= 0 ? current : null, position: null };
    }
    const createdTicks = BigInt(Date.now()) * TICKS_PER_MS;
    let last: LogRecord | undefined;
    for (const event of events) {
      last = this.write({ ...event, streamName, revision: existing.length, createdTicks }, existing);
    }
    this.streams.set(streamName, existing);
    for (const listener of [...this.listeners]) listener();
    return { kind: 'written', lastRevision: last!.revision, position: last!.position };
  }

  /** EventStoreDB's commit check (IndexWriter.CheckCommit); undefined means "write it". */
  private check(
    streamName: string,
    existing: readonly LogRecord[],
    expected: ExpectedVersion,
    events: readonly ProposedEvent[],
  ): AppendOutcome | undefined {
    const current = existing.length - 1;
    const wrong: AppendOutcome = {
      kind: 'wrong-expected-version',
      currentRevision: current >= 0 ? current : null,
    };
    switch (expected.kind) {
      case 'stream_exists':
        if (current < 0) return wrong;
        return this.checkAnyIdempotency(streamName, events, wrong);
      case 'any':
        return this.checkAnyIdempotency(streamName, events, wrong);
      case 'no_stream':
        return this.checkRevision(existing, -1, events, wrong);
      case 'revision':
        return this.checkRevision(existing, expected.revision, events, wrong);
      default: {
        const unknown: never = expected;
        throw new Error(`Unknown expected version ${JSON.stringify(unknown)}`);
      }
    }
  }

  private checkAnyIdempotency(
    streamName: string,
    events: readonly ProposedEvent[],
    wrong: AppendOutcome,
  ): AppendOutcome | undefined {
    let last: LogRecord | undefined;
    for (const [index, event] of events.entries()) {
      const found = this.byId.get(event.id);
      // A batch that is only partly there is "corrupted idempotency", answered as a wrong expected version.
      if (!found || found.streamName !== streamName) return index === 0 ? undefined : wrong;
      last = found;
    }
    return last ? { kind: 'idempotent', lastRevision: last.revision, position: last.position } : undefined;
  }

  private checkRevision(
    existing: readonly LogRecord[],
    expected: number,
    events: readonly ProposedEvent[],
    wrong: AppendOutcome,
  ): AppendOutcome | undefined {
    const current = existing.length - 1;
    if (expected === current) return undefined;
    if (expected > current) return wrong;
    let revision = expected;
    for (const event of events) {
      revision += 1;
      if (existing[revision]?.id !== event.id) return wrong;
    }
    if (revision === expected) return wrong;
    const last = existing[revision];
    return { kind: 'idempotent', lastRevision: last.revision, position: last.position };
  }

  private write(record: Omit<LogRecord, 'position'>, stream: LogRecord[]): LogRecord {
    const written: LogRecord = { ...record, position: this.nextPosition };
    this.nextPosition +=
      RECORD_OVERHEAD +
      Buffer.byteLength(record.streamName) +
      Buffer.byteLength(record.type) +
      record.data.length +
      record.customMetadata.length;
    this.records.push(written);
    stream.push(written);
    this.byId.set(written.id, written);
    return written;
  }
}
