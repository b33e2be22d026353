import type { Worker } from 'node:worker_threads';
import { startWorkerBeside } from '@one-window/shared';
import type { EmbeddedEventStore } from '@one-window/event-store';
import { PositionWaiter } from '../runner/position-waiter.js';
import type { ProjectionRunnerPort } from '../runner/runner-port.js';
import type {
  LagReport,
  ProjectionStatus,
  RebuildProgress,
  RebuildResult,
  RunnerStatus,
} from '../runner/runner-types.js';
import type {
  Answer,
  FromProjectionThread,
  ProjectionThreadSettings,
  ToProjectionThread,
} from './projection-thread-protocol.js';

export interface ThreadedProjectionRunnerOptions extends Omit<
  ProjectionThreadSettings,
  'eventsFile' | 'readModelsDir' | 'feed'
> {
  /** The store this process writes; its commits are handed to the thread as they happen. */
  readonly store: EmbeddedEventStore;
  /** The read models' folder (read-models.sqlite), the one the main thread's queries read. */
  readonly readModelsDir: string;
  readonly onError?: (error: Error) => void;
}

interface Call {
  readonly resolve: (value: Answer) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (progress: RebuildProgress) => void;
}

/**
 * The read models' runner in a worker thread (projection-thread.worker.ts), seen from the main
 * thread through the runner's own interface: the main thread serves requests while another core
 * applies the log, so neither a burst of commands nor a rebuild makes the other wait (ADR 0009).
 * Every commit's rows go to the thread from the writer thread (the store's commit feed); position and status come back after
 * every commit of the thread's own, and read-your-writes waits here on them.
 */
export class ThreadedProjectionRunner implements ProjectionRunnerPort {
  private readonly waiter = new PositionWaiter();
  private readonly calls = new Map<number, Call>();
  private nextId = 1;
  private runStatus: RunnerStatus = 'stopped';
  private broken: Error | undefined;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly worker: Worker,
    readonly projectionNames: readonly string[],
    ready: { position: number | null; status: RunnerStatus },
    private readonly options: ThreadedProjectionRunnerOptions,
  ) {
    this.waiter.update(ready.position);
    this.runStatus = ready.status;
    worker.on('message', (message: FromProjectionThread) => this.receive(message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the projection thread exited (code ${code})`)));
  }

  /** Starts the thread and opens its read models (creating or migrating their tables); resolves when ready. */
  static async start(options: ThreadedProjectionRunnerOptions): Promise<ThreadedProjectionRunner> {
    // The writer posts every commit from here on to the thread; every earlier one is in the file,
    // which the thread reads first (its subscription ignores rows it has read already).
    const feed = await options.store.commitFeed();
    const settings: ProjectionThreadSettings = {
      feed,
      eventsFile: options.store.file,
      readModelsDir: options.readModelsDir,
      batchSize: options.batchSize,
      pageSize: options.pageSize,
      sliceMs: options.sliceMs,
      retryDelayMs: options.retryDelayMs,
    };
    const worker = spawnProjectionThread(settings);
    return new Promise((resolve, reject) => {
      const failed = (error: Error): void =>
        reject(new Error(`The projection thread failed to start: ${error.message}`, { cause: error }));
      worker.once('error', failed);
      // Progress the runner reports while it opens comes before 'ready', which carries it too.
      const first = (message: FromProjectionThread): void => {
        if (message.kind !== 'ready' && message.kind !== 'open-failed') return;
        worker.off('message', first);
        worker.off('error', failed);
        if (message.kind === 'ready') {
          resolve(new ThreadedProjectionRunner(worker, message.projectionNames, message, options));
        } else {
          void worker.terminate();
          reject(new Error(`The projection thread could not open the read models: ${message.message}`));
        }
      };
      worker.on('message', first);
    });
  }

  get status(): RunnerStatus {
    return this.runStatus;
  }

  get position(): number | null {
    return this.waiter.position;
  }

  /** Asks the thread to start; from now on the runner is catching up, as the in-process one says it is. */
  start(): void {
    if (this.broken) return;
    if (this.runStatus === 'stopped') this.runStatus = 'catching-up';
    this.post({ kind: 'start' });
  }

  async stop(): Promise<void> {
    if (this.broken) return;
    await this.call({ kind: 'stop', id: 0 });
  }

  async catchUp(onProgress?: (progress: RebuildProgress) => void): Promise<number> {
    return (await this.call({ kind: 'catch-up', id: 0 }, onProgress)) as number;
  }

  waitForPosition(position: number, timeoutMs: number): Promise<void> {
    return this.waiter.wait(position, timeoutMs);
  }

  /** The checkpoints as the thread last committed them. */
  async checkpoints(): Promise<ProjectionStatus[]> {
    return (await this.call({ kind: 'checkpoints', id: 0 })) as ProjectionStatus[];
  }

  async lag(): Promise<LagReport> {
    return (await this.call({ kind: 'lag', id: 0 })) as LagReport;
  }

  async rebuild(
    options: { projections?: readonly string[]; onProgress?: (progress: RebuildProgress) => void } = {},
  ): Promise<RebuildResult> {
    return (await this.call(
      { kind: 'rebuild', id: 0, projections: options.projections },
      options.onProgress,
    )) as RebuildResult;
  }

  /** Rejects pending read-your-writes waits and ends the thread (after stop()). */
  close(): Promise<void> {
    this.waiter.cancelAll(new Error('Read models are shutting down'));
    return this.shutDown();
  }

  /** Stops the runner at a checkpoint, closes the thread's connections and ends it. */
  shutDown(): Promise<void> {
    this.closing ??= (async () => {
      if (!this.broken) {
        try {
          await this.call({ kind: 'close', id: 0 });
        } catch {
          // The thread is gone already: nothing of it is left to close.
        }
      }
      await this.worker.terminate();
    })();
    return this.closing;
  }

  private call(
    message: Extract<ToProjectionThread, { id: number }>,
    onProgress?: (progress: RebuildProgress) => void,
  ): Promise<Answer> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject, onProgress });
      this.post({ ...message, id });
    });
  }

  private post(message: ToProjectionThread): void {
    if (this.broken) return;
    try {
      this.worker.postMessage(message);
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private receive(message: FromProjectionThread): void {
    switch (message.kind) {
      case 'progress':
        this.runStatus = message.status;
        this.waiter.update(message.position);
        return;
      case 'error': {
        const error = new Error(message.message);
        if (message.stack !== undefined) error.stack = message.stack;
        this.options.onError?.(error);
        return;
      }
      case 'rebuild-progress':
        this.calls.get(message.id)?.onProgress?.(message.progress);
        return;
      case 'answer':
      case 'failed': {
        const call = this.calls.get(message.id);
        this.calls.delete(message.id);
        if (message.kind === 'answer') call?.resolve(message.value);
        else call?.reject(new Error(message.message));
        return;
      }
      case 'ready':
      case 'open-failed':
        return;
      default: {
        const unknown: never = message;
        throw new Error(`Unknown message ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** The thread is gone: nothing more will be applied; waits and calls fail with the cause. */
  private fail(error: Error): void {
    if (this.broken) return;
    this.broken = error;
    this.runStatus = 'failed';
    for (const call of this.calls.values()) call.reject(error);
    this.calls.clear();
    this.waiter.cancelAll(error);
    if (this.closing === undefined) this.options.onError?.(error);
  }
}

/** The projection thread, compiled or, from the sources, through the TypeScript hooks. */
function spawnProjectionThread(settings: ProjectionThreadSettings): Worker {
  return startWorkerBeside(import.meta.url, 'projection-thread.worker', {
    workerData: settings,
    transferList: [settings.feed],
  });
}
