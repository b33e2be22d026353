import type { InMemoryLog } from './in-memory-log.js';

/** What every handler of the fixture shares: the log, EventStoreDB's limits, injected faults. */
export interface FixtureContext {
  readonly log: InMemoryLog;
  /** EventStoreDB's `MaxAppendSize` (default 1 MiB). */
  readonly maxAppendSize: number;
  /** Waits out the latency a test injected before a write or read is processed. */
  beforeReply(): Promise<void>;
  /** An election refusal the next batch appends get instead of being written (ADR 3), if a test asked for one. */
  takeRefusal(): ElectionRefusal | undefined;
  /** Counts a call to a Streams method, so tests can see which path the client took. */
  called(method: StreamsMethod): void;
}

export type StreamsMethod = 'read' | 'append' | 'batchAppend';

/** How EventStoreDB refuses an append during a leader election: per-append statuses the client does not know. */
export type ElectionRefusal = 'not-ready' | 'too-busy' | 'not-leader-without-info';
