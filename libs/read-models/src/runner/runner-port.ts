import type { LagReport, RebuildProgress, RebuildResult, RunnerStatus } from './runner-types.js';

/**
 * What the server asks of whatever keeps its read models: the ProjectionRunner on this thread, or
 * the same runner in the projection thread (ThreadedProjectionRunner, ADR 0009 §projection thread).
 */
export interface ProjectionRunnerPort {
  readonly status: RunnerStatus;
  /** The lowest checkpoint: everything up to it is visible in every read model. */
  readonly position: number | null;
  readonly projectionNames: readonly string[];
  /** Starts catching up and then following the log; returns at once. */
  start(): void;
  /** Stops after committing the batch in hand. */
  stop(): Promise<void>;
  /** Rejects pending read-your-writes waits; after stop(), when the process goes down. */
  close(): void | Promise<void>;
  /** For a stopped runner: processes the log up to its head; resolves with the events read. */
  catchUp(onProgress?: (progress: RebuildProgress) => void): Promise<number>;
  waitForPosition(position: number, timeoutMs: number): Promise<void>;
  lag(): Promise<LagReport>;
  rebuild(options?: {
    projections?: readonly string[];
    onProgress?: (progress: RebuildProgress) => void;
  }): Promise<RebuildResult>;
}
