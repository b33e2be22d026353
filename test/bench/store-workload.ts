import { randomUUID } from 'node:crypto';
import type { EventStore } from '@one-window/event-store';
import { percentile, perSecond, seededRandom, timeMs } from './bench-stats.js';

/**
 * The event-store benchmark's workload, run the same way through every store. A store joins the
 * benchmark by implementing StoreTarget; any EventStore adapter joins through `eventStoreTarget`.
 */

export interface BenchEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

export interface StoreTarget {
  /** Appends to a stream that holds `length` events, with that as the expected revision where the store has one. */
  append(stream: string, length: number, events: readonly BenchEvent[]): Promise<void>;
  /** Reads a whole stream, data and metadata parsed; returns how many events it had. */
  readStream(stream: string): Promise<number>;
  /** Reads the whole global log in pages; returns how many events it read. */
  readAll(pageSize: number): Promise<number>;
}

export interface WorkloadConfig {
  readonly singleAppends: number;
  readonly singleStreams: number;
  readonly batchAppends: number;
  readonly batchStreams: number;
  readonly batchSize: number;
  readonly streamReads: number;
  readonly readAllPasses: number;
  readonly pageSize: number;
}

/** A few seconds per store at synchronous=FULL on an idle disk; the fsync rate decides. */
export const DEFAULT_WORKLOAD: WorkloadConfig = {
  singleAppends: 2_000,
  singleStreams: 100,
  batchAppends: 600,
  batchStreams: 120, // 600 appends of 10 over 120 streams: every stream ends with 50 events
  batchSize: 10,
  streamReads: 1_000,
  readAllPasses: 3,
  pageSize: 1_000,
};

export interface StoreFigures {
  /** One-event appends per second. */
  readonly single_appends_per_s: number;
  /** Ten-event appends per second. */
  readonly batch_appends_per_s: number;
  /** Latency of reading a whole 50-event stream. */
  readonly read_stream_p50_ms: number;
  readonly read_stream_p99_ms: number;
  /** Events per second reading $all from the start in pages. */
  readonly read_all_events_per_s: number;
}

/** A case-handling event of realistic size (about 600 bytes of JSON). */
export function benchEvent(n: number): BenchEvent {
  return {
    type: 'case.MaterialsChecked',
    data: {
      caseId: `IM-150102-2026-${String(n).padStart(6, '0')}`,
      guideId: '11150000011530455D4150114002000',
      guideVersion: 3,
      materials: [
        { code: 'M001', name: '居民身份证', form: 'original', status: 'accepted' },
        { code: 'M002', name: '营业执照', form: 'copy', status: 'accepted' },
        { code: 'M003', name: '申请书', form: 'electronic', status: 'missing', tolerated: true },
      ],
      note: '材料齐全，符合法定形式',
    },
    metadata: {
      actor: { id: 'clerk-0042', role: 'window-clerk', hallId: 'hall-150102' },
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      at: '2026-03-02T09:15:00.000Z',
    },
  };
}

/**
 * One store's run through the workload, in chunks, so that several stores can take turns: disk
 * and CPU noise from whatever else the machine does then falls on all of them alike.
 */
export class WorkloadRun {
  private readonly lengths = new Map<string, number>();
  private readonly random = seededRandom(42);
  private singleMs = 0;
  private singles = 0;
  private batchMs = 0;
  private batches = 0;
  private readonly latencies: number[] = [];
  private readAllMs = 0;
  private readAllEvents = 0;

  constructor(
    private readonly target: StoreTarget,
    private readonly config: WorkloadConfig = DEFAULT_WORKLOAD,
  ) {}

  async warmUp(): Promise<void> {
    for (let i = 0; i < 300; i++) await this.append(`warmup-${i % 10}`, [benchEvent(i)]);
  }

  async singleAppends(count: number): Promise<void> {
    const { singleStreams } = this.config;
    const first = this.singles;
    this.singleMs += await timeMs(async () => {
      for (let i = first; i < first + count; i++)
        await this.append(`single-${i % singleStreams}`, [benchEvent(i)]);
    });
    this.singles += count;
  }

  async batchAppends(count: number): Promise<void> {
    const { batchStreams, batchSize } = this.config;
    const first = this.batches;
    this.batchMs += await timeMs(async () => {
      for (let i = first; i < first + count; i++) {
        const events = Array.from({ length: batchSize }, (_, k) => benchEvent(i * batchSize + k));
        await this.append(`batch-${i % batchStreams}`, events);
      }
    });
    this.batches += count;
  }

  async streamReads(count: number, timed = true): Promise<void> {
    for (let i = 0; i < count; i++) {
      const stream = `batch-${Math.floor(this.random() * this.config.batchStreams)}`;
      const start = performance.now();
      const read = await this.target.readStream(stream);
      if (timed) this.latencies.push(performance.now() - start);
      if (read !== this.lengths.get(stream))
        throw new Error(`${stream}: read ${read} events, wrote ${this.lengths.get(stream)}`);
    }
  }

  async readAllPass(): Promise<void> {
    let read = 0;
    this.readAllMs += await timeMs(async () => (read = await this.target.readAll(this.config.pageSize)));
    const total = [...this.lengths.values()].reduce((a, b) => a + b, 0);
    if (read !== total) throw new Error(`$all gave ${read} events, expected ${total}`);
    this.readAllEvents += read;
  }

  figures(): StoreFigures {
    return {
      single_appends_per_s: perSecond(this.singles, this.singleMs),
      batch_appends_per_s: perSecond(this.batches, this.batchMs),
      read_stream_p50_ms: percentile(this.latencies, 50),
      read_stream_p99_ms: percentile(this.latencies, 99),
      read_all_events_per_s: perSecond(this.readAllEvents, this.readAllMs),
    };
  }

  private async append(stream: string, events: readonly BenchEvent[]): Promise<void> {
    const length = this.lengths.get(stream) ?? 0;
    await this.target.append(stream, length, events);
    this.lengths.set(stream, length + events.length);
  }
}

/** Runs the workload through every target, taking turns chunk by chunk (order rotating). */
export async function runInterleaved(
  targets: Readonly<Record<string, StoreTarget>>,
  config: WorkloadConfig = DEFAULT_WORKLOAD,
  rounds = 10,
): Promise<Record<string, StoreFigures>> {
  const runs = Object.entries(targets).map(
    ([name, target]) => [name, new WorkloadRun(target, config)] as const,
  );
  const turns = async (round: number, step: (run: WorkloadRun) => Promise<void>): Promise<void> => {
    for (let k = 0; k < runs.length; k++) await step(runs[(round + k) % runs.length][1]);
  };
  const chunk = (total: number): number => Math.ceil(total / rounds);
  await turns(0, (run) => run.warmUp());
  for (let r = 0; r < rounds; r++) await turns(r, (run) => run.singleAppends(chunk(config.singleAppends)));
  for (let r = 0; r < rounds; r++) await turns(r, (run) => run.batchAppends(chunk(config.batchAppends)));
  await turns(0, (run) => run.streamReads(100, false));
  for (let r = 0; r < rounds; r++) await turns(r, (run) => run.streamReads(chunk(config.streamReads)));
  for (let p = 0; p < config.readAllPasses; p++) await turns(p, (run) => run.readAllPass());
  return Object.fromEntries(runs.map(([name, run]) => [name, run.figures()]));
}

/** The workload through one store on its own. */
export async function runWorkload(
  target: StoreTarget,
  config: WorkloadConfig = DEFAULT_WORKLOAD,
): Promise<StoreFigures> {
  const { single } = await runInterleaved({ single: target }, config, 1);
  return single;
}

/** Any adapter of the port, driven with exact expected revisions as the case engine does. */
export function eventStoreTarget(store: EventStore): StoreTarget {
  return {
    append: async (stream, length, events) => {
      await store.appendToStream(stream, events, {
        expectedRevision: length === 0 ? 'no_stream' : length - 1,
      });
    },
    readStream: async (stream) => (await store.readStream(stream)).length,
    readAll: async (pageSize) => {
      let count = 0;
      let from = 0;
      for (;;) {
        const page = await store.readAll({ fromPosition: from, maxCount: pageSize });
        count += page.length;
        if (page.length < pageSize) return count;
        from = page[page.length - 1].position + 1;
      }
    },
  };
}

/** The workload through any EventStore (for example the EventStoreDB adapter over its fixture). */
export function runEventStoreWorkload(
  store: EventStore,
  config: WorkloadConfig = DEFAULT_WORKLOAD,
): Promise<StoreFigures> {
  return runWorkload(eventStoreTarget(store), config);
}

/** A store the benchmark can open in a fresh folder; `settings` says how it was configured (durability). */
export interface BenchSubject {
  /** Column name in the table and key in the JSON figures. */
  readonly name: string;
  open(dir: string): Promise<{ target: StoreTarget; settings: () => string; close(): Promise<void> }>;
}

/** Any EventStore as a bench subject, e.g. `eventStoreSubject('esdb_fixture', () => EsdbEventStore.connect(url))`. */
export function eventStoreSubject(
  name: string,
  open: (dir: string) => Promise<EventStore>,
  settings: (store: EventStore) => string = () => '',
): BenchSubject {
  return {
    name,
    open: async (dir) => {
      const store = await open(dir);
      return { target: eventStoreTarget(store), settings: () => settings(store), close: () => store.close() };
    },
  };
}
