import type { Transaction } from 'better-sqlite3';
import type { EventStore, RecordedEvent, Subscription, SubscriptionMessage } from '@one-window/event-store';
import { type Clock, systemClock } from '@one-window/shared';
import type { ReadModelDb } from '../database/read-model-database.js';
import { CheckpointStore } from './checkpoint-store.js';
import { PositionWaiter } from './position-waiter.js';
import { ProjectionFailedError } from './projection-failed.error.js';
import type { Projection, ProjectionHandler } from './projection.js';
import type { ProjectionRunnerPort } from './runner-port.js';
import type {
  LagReport,
  ProjectionStatus,
  RebuildProgress,
  RebuildResult,
  RunnerStatus,
} from './runner-types.js';

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly db: ReadModelDb;
  readonly projections: readonly Projection[];
  /** Used for lag and checkpoint timestamps. */
  readonly clock?: Clock;
  /** The most events one transaction holds (live), and per catch-up page unless `pageSize` says less. */
  readonly batchSize?: number;
  /**
   * The most events per catch-up (and rebuild) page, default 1,000: after each page's transaction
   * the runner yields to the event loop.
   */
  readonly pageSize?: number;
  /**
   * The CPU time one catch-up page may hold the event loop, default 20 ms: each page is sized from
   * the last one's speed, so that requests never wait behind a catch-up for longer than about this
   * (plus whatever the machine's other work takes from the core meanwhile).
   */
  readonly sliceMs?: number;
  /** First retry delay after a failed batch; doubles up to 30 s. */
  readonly retryDelayMs?: number;
  /**
   * Following live, the least time between two commits, default 5 ms: under load the events of
   * that time share one transaction (a batch of 2 events cost ~180 µs of CPU each, of 20 ~110, of
   * 100 ~90: ADR 9); an event after a quiet spell still commits as soon as nothing else is ready.
   */
  readonly minCommitIntervalMs?: number;
  /**
   * Following live, the longest an event waits in an open batch, default 20 ms: under a stream of
   * events that never lets the subscription run dry, the batch commits once its first event is this
   * old, instead of growing to `batchSize` (5,000 events: over a second at a hall's peak) while every
   * read-your-writes wait behind it waits too.
   */
  readonly maxBatchAgeMs?: number;
  readonly onError?: (error: Error) => void;
  /**
   * Hears every change of the runner's position (after each commit) and status, synchronously:
   * how a runner in the projection thread tells the main thread what read-your-writes may see.
   */
  readonly onProgress?: (position: number | null, status: RunnerStatus) => void;
}

interface Slot {
  readonly projection: Projection;
  handler: ProjectionHandler;
  /** What this runner last committed; compared with the table inside each transaction. */
  checkpoint: number | null;
}

/** Another connection moved a checkpoint (e.g. `one-window rebuild` while serving): start over from the table. */
class CheckpointMovedError extends Error {}

const IDLE = Symbol('idle');
/** lag() decodes the events it counts on the event loop: a bounded, cheap count (shown as "1000+"). */
const LAG_COUNT_CAP = 1_000;
/** The first catch-up page, before the runner knows how fast this log applies. */
const FIRST_PAGE = 100;
/** The smallest page: below it a page's fixed costs (read, transaction, checkpoints) dominate. */
const MIN_PAGE = 50;

/**
 * Feeds the global log to the projections. Catch-up reads the log in pages (memory stays
 * bounded by the page, whatever the log's length), then a live `subscribeToAll` from the
 * exclusive checkpoint takes over. Each batch commits the rows of every projection and their
 * checkpoints in one SQLite transaction, so a crash anywhere loses or repeats nothing.
 */
export class ProjectionRunner implements ProjectionRunnerPort {
  private readonly store: EventStore;
  private readonly db: ReadModelDb;
  private readonly clock: Clock;
  private readonly batchSize: number;
  private readonly pageSize: number;
  private readonly sliceMs: number;
  private readonly retryDelayMs: number;
  private readonly minCommitIntervalMs: number;
  private readonly maxBatchAgeMs: number;
  private readonly onError: (error: Error) => void;
  private readonly onProgress: (position: number | null, status: RunnerStatus) => void;
  private readonly checkpointStore: CheckpointStore;
  private readonly slots: Slot[];
  private readonly waiter = new PositionWaiter();
  private readonly applyTransaction: Transaction<(events: readonly RecordedEvent[]) => void>;
  private readonly readCheckpoint;

  private runStatus: RunnerStatus = 'stopped';
  private lastError: Error | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private subscription: Subscription | undefined;
  private wakeRetry: (() => void) | undefined;
  private exclusive: Promise<unknown> = Promise.resolve();
  /** A rebuild is writing beside the read models (rebuildBeside). */
  private shadowing = false;

  constructor(options: ProjectionRunnerOptions) {
    this.store = options.store;
    this.db = options.db;
    this.clock = options.clock ?? systemClock;
    this.batchSize = options.batchSize ?? 5000;
    this.pageSize = Math.min(options.pageSize ?? 1000, this.batchSize);
    this.sliceMs = options.sliceMs ?? 20;
    this.retryDelayMs = options.retryDelayMs ?? 500;
    this.minCommitIntervalMs = options.minCommitIntervalMs ?? 5;
    this.maxBatchAgeMs = options.maxBatchAgeMs ?? 20;
    this.onError = options.onError ?? ((error) => console.error(error));
    this.onProgress = options.onProgress ?? (() => undefined);
    const names = new Set(options.projections.map((p) => p.name));
    if (names.size !== options.projections.length) throw new Error('Projection names must be unique');
    this.checkpointStore = new CheckpointStore(this.db);
    this.readCheckpoint = this.db
      .prepare<[string], number | null>('SELECT position FROM projection_checkpoints WHERE name = ?')
      .pluck();
    this.slots = options.projections.map((projection) => this.openSlot(projection));
    this.applyTransaction = this.db.transaction((events: readonly RecordedEvent[]) =>
      this.applyInside(events),
    );
    this.reached(this.minCheckpoint());
  }

  get status(): RunnerStatus {
    return this.runStatus;
  }

  private setStatus(status: RunnerStatus): void {
    if (this.runStatus === status) return;
    this.runStatus = status;
    this.onProgress(this.waiter.position, status);
  }

  /** Moves read-your-writes on to the lowest checkpoint, and says so to `onProgress`. */
  private reached(position: number | null): void {
    // Beside the read models, the checkpoints are the rebuild's: readers still see the old ones.
    if (this.shadowing) return;
    this.waiter.update(position);
    this.onProgress(position, this.runStatus);
  }

  get projectionNames(): string[] {
    return this.slots.map((s) => s.projection.name);
  }

  /** Starts catching up and then following the log; returns at once. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.runLoop().finally(() => {
      this.loop = undefined;
      this.setStatus('stopped');
    });
  }

  /** Stops after committing the batch in hand: every checkpoint then matches its rows. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeRetry?.();
    await this.subscription?.unsubscribe();
    await this.loop;
  }

  /** Processes the log up to its current head, in pages; resolves with the number of events read. */
  async catchUp(onProgress?: (progress: RebuildProgress) => void): Promise<number> {
    if (this.loop)
      throw new Error('The runner is following the log already; catchUp is for a stopped runner');
    return this.serially(() => this.catchUpPages(onProgress, this.projectionNames));
  }

  /**
   * Replays the log from position zero into the named projections (all when none are named). A
   * running runner is stopped for the rebuild and resumed. Where every named projection can build
   * beside itself (Projection.migrateShadow), the rebuild writes into TEMP tables of this connection
   * and replaces the tables in one transaction at its end: until then every reader sees the read
   * models as they were, complete and indexed, and a rebuild that fails or dies leaves them so.
   * Otherwise the tables are emptied and refilled in place.
   */
  async rebuild(
    options: { projections?: readonly string[]; onProgress?: (progress: RebuildProgress) => void } = {},
  ): Promise<RebuildResult> {
    const names = options.projections ?? this.projectionNames;
    for (const name of names)
      if (!this.slots.some((s) => s.projection.name === name))
        throw new Error(`Unknown projection "${name}"`);
    const wasRunning = this.loop !== undefined;
    await this.stop();
    const started = performance.now();
    try {
      const events = await this.serially(async () => {
        this.setStatus('rebuilding');
        const rebuilt = this.slots.filter((slot) => names.includes(slot.projection.name));
        if (rebuilt.every((slot) => slot.projection.migrateShadow !== undefined))
          return this.rebuildBeside(rebuilt, options);
        this.db.transaction(() => rebuilt.forEach((slot) => this.reset(slot))).immediate();
        this.reached(this.minCheckpoint());
        return this.catchUpPages(options.onProgress, names);
      });
      return { projections: [...names], events, ms: performance.now() - started };
    } finally {
      this.setStatus('stopped');
      if (wasRunning) this.start();
    }
  }

  /** Resolves once every projection has applied the log up to `position`; else ReadModelTimeoutError. */
  waitForPosition(position: number, timeoutMs: number): Promise<void> {
    return this.waiter.wait(position, timeoutMs);
  }

  /** The lowest checkpoint: everything up to it is visible in every read model. */
  get position(): number | null {
    return this.waiter.position;
  }

  checkpoints(): ProjectionStatus[] {
    return this.slots.map((slot) => {
      const stored = this.checkpointStore.get(slot.projection.name);
      return {
        name: slot.projection.name,
        version: slot.projection.version,
        checkpoint: stored?.position ?? null,
        updatedAt: stored?.updatedAt ?? null,
      };
    });
  }

  /** How far each projection is behind the head of the log, in events (counted up to a cap) and milliseconds. */
  async lag(): Promise<LagReport> {
    const head = await this.store.headPosition();
    const min = this.minCheckpoint();
    const behind =
      head === null || (min !== null && min >= head)
        ? []
        : await this.store.readAll({ fromPosition: min ?? 'start', maxCount: LAG_COUNT_CAP + 1 });
    const now = this.clock.now().getTime();
    return {
      head,
      status: this.runStatus,
      lastError: this.lastError?.message,
      projections: this.checkpoints().map((p) => {
        const pending = behind.filter((e) => p.checkpoint === null || e.position > p.checkpoint);
        return {
          ...p,
          eventsBehind: Math.min(pending.length, LAG_COUNT_CAP),
          eventsBehindCapped: pending.length > LAG_COUNT_CAP,
          msBehind: pending.length === 0 ? 0 : Math.max(0, now - pending[0].created.getTime()),
        };
      }),
    };
  }

  /** Rejects pending read-your-writes waits; call after stop() when the process goes down. */
  close(): void {
    this.waiter.cancelAll(new Error('Read models are shutting down'));
  }

  private openSlot(projection: Projection): Slot {
    const stored = this.checkpointStore.get(projection.name);
    const slot: Slot = { projection, handler: () => undefined, checkpoint: stored?.position ?? null };
    if (!stored || stored.version !== projection.version)
      this.db.transaction(() => this.reset(slot)).immediate();
    else {
      projection.migrate(this.db);
      slot.handler = projection.bind(this.db);
    }
    return slot;
  }

  private reset(slot: Slot): void {
    for (const table of slot.projection.tables) this.db.exec(`DROP TABLE IF EXISTS "${table}"`);
    slot.projection.migrate(this.db);
    slot.handler = slot.projection.bind(this.db);
    this.checkpointStore.set(slot.projection.name, null, slot.projection.version, this.clock.now());
    slot.checkpoint = null;
  }

  private minCheckpoint(): number | null {
    let min: number | undefined;
    for (const slot of this.slots) {
      if (slot.checkpoint === null) return null;
      if (min === undefined || slot.checkpoint < min) min = slot.checkpoint;
    }
    return min ?? null;
  }

  /** Catch-up, live, rebuild and retries never run side by side. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.exclusive.then(work, work);
    this.exclusive = run.catch(() => undefined);
    return run;
  }

  private async runLoop(): Promise<void> {
    let delay = this.retryDelayMs;
    while (!this.stopping) {
      try {
        await this.serially(async () => {
          this.setStatus('catching-up');
          await this.catchUpPages(undefined, this.projectionNames, () => !this.stopping);
          if (!this.stopping) await this.follow();
        });
        delay = this.retryDelayMs;
      } catch (error) {
        if (error instanceof CheckpointMovedError) {
          this.reloadCheckpoints();
          continue;
        }
        this.lastError = error instanceof Error ? error : new Error(String(error));
        this.setStatus('failed');
        this.onError(this.lastError);
        await this.pause(delay);
        delay = Math.min(delay * 2, 30_000);
      }
    }
  }

  private async catchUpPages(
    onProgress: ((progress: RebuildProgress) => void) | undefined,
    names: readonly string[],
    keepGoing: () => boolean = () => true,
  ): Promise<number> {
    const head = await this.store.headPosition();
    let processed = 0;
    let from = this.minCheckpoint();
    let size = Math.min(FIRST_PAGE, this.pageSize);
    onProgress?.({ projections: names, processed, position: from, head });
    while (keepGoing()) {
      // Between pages, let requests in: a catch-up over a long log must not hold the event loop.
      if (processed > 0) await yieldToEventLoop();
      const started = process.cpuUsage();
      // readAll is inclusive: ask for one more than a page and drop the checkpoint's own event.
      const max = from === null ? size : size + 1;
      const page = await this.store.readAll({ fromPosition: from ?? 'start', maxCount: max });
      const after = from;
      const fresh = after === null ? page : page.filter((e) => e.position > after);
      if (fresh.length > 0) {
        try {
          this.commit(fresh);
          size = nextPageSize(size, cpuMsSince(started), this.sliceMs, this.pageSize);
        } catch (error) {
          if (!(error instanceof CheckpointMovedError)) throw error;
          this.reloadCheckpoints();
          from = this.minCheckpoint();
          continue;
        }
        processed += fresh.length;
        from = fresh[fresh.length - 1].position;
        onProgress?.({ projections: names, processed, position: from, head });
      }
      if (page.length < max || fresh.length === 0) break;
    }
    return processed;
  }

  /**
   * Follows the live log, committing a batch whenever the subscription has nothing ready (not
   * sooner than minCommitIntervalMs after the last commit), or once its first event is
   * maxBatchAgeMs old, or at batchSize events.
   */
  private async follow(): Promise<void> {
    const from = this.minCheckpoint();
    const subscription = this.store.subscribeToAll({ fromPosition: from ?? 'start' });
    this.subscription = subscription;
    if (this.stopping) await subscription.unsubscribe();
    const iterator = subscription[Symbol.asyncIterator]();
    let batch: RecordedEvent[] = [];
    let next = iterator.next();
    let committedAt = -Infinity;
    /** When the open batch's first event arrived. */
    let openedAt = 0;
    /** The batch's commit, timed: once nothing is ready, but not sooner than the interval after the last. */
    let due: Promise<typeof IDLE> | undefined;
    const commitNow = (): void => {
      this.commit(batch);
      batch = [];
      due = undefined;
      committedAt = performance.now();
    };
    try {
      for (;;) {
        let result: IteratorResult<SubscriptionMessage> | typeof IDLE;
        if (batch.length === 0) result = await next;
        else {
          const wait = committedAt + this.minCommitIntervalMs - performance.now();
          due ??= wait > 0 ? after(wait) : undefined;
          result = await Promise.race([next, due ?? idle()]);
        }
        if (result === IDLE) {
          commitNow();
          continue;
        }
        if (result.done) break;
        next = iterator.next();
        const message = result.value;
        if (message.kind === 'event') {
          if (batch.length === 0) openedAt = performance.now();
          batch.push(message.event);
          // A subscription that is never dry would let the race below pick the next event forever.
          if (batch.length >= this.batchSize || performance.now() - openedAt >= this.maxBatchAgeMs) commitNow();
        } else {
          commitNow();
          this.setStatus('live');
        }
      }
      this.commit(batch);
    } finally {
      this.subscription = undefined;
      await subscription.unsubscribe();
    }
  }

  private commit(events: readonly RecordedEvent[]): void {
    if (events.length === 0) return;
    // IMMEDIATE: the batch first reads the checkpoints, then writes. A deferred transaction that
    // read before another connection wrote (the server's timer scheduler records its attempts in
    // this file) could not then write — SQLITE_BUSY at once, whatever busy_timeout says — so it
    // takes the write lock first and waits its turn instead.
    try {
      this.applyTransaction.immediate(events);
    } catch (error) {
      // The rows rolled back; what a handler kept back for the batch (ProjectionHandler.flush)
      // must go with them, or a retry of the same events would count it twice.
      for (const slot of this.slots) if (slot.handler.flush) slot.handler = slot.projection.bind(this.db);
      throw error;
    }
    const last = events[events.length - 1].position;
    for (const slot of this.slots)
      if (slot.checkpoint === null || slot.checkpoint < last) slot.checkpoint = last;
    this.reached(this.minCheckpoint());
  }

  private applyInside(events: readonly RecordedEvent[]): void {
    const last = events[events.length - 1].position;
    const active: { slot: Slot; after: number | null }[] = [];
    for (const slot of this.slots) {
      const stored = this.readCheckpoint.get(slot.projection.name) ?? null;
      if (stored !== slot.checkpoint) throw new CheckpointMovedError();
      if (stored === null || stored < last) active.push({ slot, after: stored });
    }
    // Event by event, every projection in turn: each event is decoded once for all of them.
    for (const event of events) {
      for (const { slot, after } of active) {
        if (after !== null && event.position <= after) continue;
        try {
          slot.handler(event);
        } catch (cause) {
          throw new ProjectionFailedError(slot.projection.name, event.position, event.type, { cause });
        }
      }
    }
    for (const { slot } of active) {
      try {
        slot.handler.flush?.();
      } catch (cause) {
        throw new ProjectionFailedError(slot.projection.name, last, events[events.length - 1].type, {
          cause,
        });
      }
    }
    const at = this.clock.now();
    for (const { slot } of active)
      this.checkpointStore.set(slot.projection.name, last, slot.projection.version, at);
  }

  /**
   * The rebuild beside the read models (ADR 9): the rebuilt projections' tables and the checkpoints
   * as TEMP tables of this connection — unqualified names find them first, so every statement of
   * the runner and the handlers writes there — with only the indexes the writes look rows up by
   * (maintaining the ~45 query indexes row by row was most of a rebuild's time), on disk in a temp
   * file rather than in memory (a region's read models do not fit). At the end, one IMMEDIATE
   * transaction copies them over the real tables, whose indexes are kept up as the rows go in.
   * Readers of the database (the server's queries) see the old models until that commit.
   */
  private async rebuildBeside(
    rebuilt: readonly Slot[],
    options: { onProgress?: (progress: RebuildProgress) => void },
  ): Promise<number> {
    const names = rebuilt.map((slot) => slot.projection.name);
    const shadowed = rebuilt.flatMap((slot) => slot.projection.tables);
    const inRebuilt = names.map(() => '?').join(', ');
    this.db.pragma('temp_store = FILE');
    this.db.pragma('temp.cache_size = -65536');
    this.db.transaction(() => {
      this.db.exec(
        'CREATE TEMP TABLE projection_checkpoints AS SELECT * FROM main.projection_checkpoints WHERE 0',
      );
      this.db.exec('CREATE UNIQUE INDEX temp.projection_checkpoints_name ON projection_checkpoints (name)');
      this.db.exec('INSERT INTO temp.projection_checkpoints SELECT * FROM main.projection_checkpoints');
      for (const slot of rebuilt) {
        slot.projection.migrateShadow!(this.db);
        this.checkpointStore.set(slot.projection.name, null, slot.projection.version, this.clock.now());
        slot.checkpoint = null;
        slot.handler = slot.projection.bind(this.db);
      }
    })();
    this.shadowing = true;
    try {
      const read = await this.catchUpPages(options.onProgress, names);
      this.db
        .transaction(() => {
          for (const table of shadowed) {
            this.db.exec(`DELETE FROM main."${table}"`);
            this.db.exec(`INSERT INTO main."${table}" SELECT * FROM temp."${table}"`);
          }
          // The rebuilt projections' checkpoints only: another connection may have moved the others.
          this.db
            .prepare(`DELETE FROM main.projection_checkpoints WHERE name IN (${inRebuilt})`)
            .run(...names);
          this.db
            .prepare(
              `INSERT INTO main.projection_checkpoints SELECT * FROM temp.projection_checkpoints WHERE name IN (${inRebuilt})`,
            )
            .run(...names);
        })
        .immediate();
      return read;
    } finally {
      this.shadowing = false;
      for (const table of [...shadowed, 'projection_checkpoints'])
        this.db.exec(`DROP TABLE IF EXISTS temp."${table}"`);
      this.db.pragma('temp_store = MEMORY');
      this.reloadCheckpoints();
      for (const slot of rebuilt) slot.handler = slot.projection.bind(this.db);
    }
  }

  private reloadCheckpoints(): void {
    for (const slot of this.slots) {
      const stored = this.checkpointStore.get(slot.projection.name);
      if (!stored || stored.version !== slot.projection.version)
        this.db.transaction(() => this.reset(slot)).immediate();
      else slot.checkpoint = stored.position;
    }
    this.reached(this.minCheckpoint());
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeRetry = done;
    });
  }
}

/**
 * The page that should take `sliceMs` of CPU at the speed the last one (`size` events in `ms`)
 * ran, within [MIN_PAGE, max]. CPU time, not wall time: on a machine shared with other work a
 * page's wall time grows while it waits for a core, and pages shrunk for that only add per-page
 * overhead (10-event pages made a cold catch-up ~20x slower on a loaded machine).
 */
function nextPageSize(size: number, ms: number, sliceMs: number, max: number): number {
  const fitting = ms <= 0 ? max : Math.floor((size * sliceMs) / ms);
  // Grow at most fourfold a page, so one fast page over small events cannot leap into a slow one.
  // Whole multiples of MIN_PAGE: the store keeps a statement per page size it is asked for.
  const next = Math.min(max, fitting, size * 4);
  return Math.max(Math.min(MIN_PAGE, max), next - (next % MIN_PAGE));
}

/** This process's CPU milliseconds since `start` (user + system; the other threads are idle during a catch-up). */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function idle(): Promise<typeof IDLE> {
  return new Promise((resolve) => setImmediate(() => resolve(IDLE)));
}

/** IDLE after `ms` (a batching pause, not a deadline: nothing legal hangs on it). */
function after(ms: number): Promise<typeof IDLE> {
  return new Promise((resolve) => setTimeout(() => resolve(IDLE), ms));
}
