import type { MessagePort } from 'node:worker_threads';
import type {
  LagReport,
  ProjectionStatus,
  RebuildProgress,
  RebuildResult,
  RunnerStatus,
} from '../runner/runner-types.js';

/** What the projection thread is started with. */
export interface ProjectionThreadSettings {
  /** The embedded store's file, which this process holds open for writing. */
  readonly eventsFile: string;
  /** The read models' folder (read-models.sqlite). */
  readonly readModelsDir: string;
  readonly batchSize?: number;
  readonly pageSize?: number;
  readonly sliceMs?: number;
  readonly retryDelayMs?: number;
  /** The writer thread's commit feed (EmbeddedEventStore.commitFeed): each commit's rows, live. */
  readonly feed: MessagePort;
}

export type ToProjectionThread =
  | { readonly kind: 'start' }
  | { readonly kind: 'stop'; readonly id: number }
  | { readonly kind: 'lag'; readonly id: number }
  | { readonly kind: 'catch-up'; readonly id: number }
  | { readonly kind: 'checkpoints'; readonly id: number }
  | { readonly kind: 'rebuild'; readonly id: number; readonly projections?: readonly string[] }
  | { readonly kind: 'close'; readonly id: number };

export type FromProjectionThread =
  | {
      readonly kind: 'ready';
      readonly projectionNames: readonly string[];
      readonly position: number | null;
      readonly status: RunnerStatus;
    }
  | { readonly kind: 'open-failed'; readonly message: string }
  | { readonly kind: 'progress'; readonly position: number | null; readonly status: RunnerStatus }
  | { readonly kind: 'error'; readonly message: string; readonly stack?: string }
  | { readonly kind: 'rebuild-progress'; readonly id: number; readonly progress: RebuildProgress }
  | { readonly kind: 'answer'; readonly id: number; readonly value: Answer }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

export type Answer = LagReport | RebuildResult | ProjectionStatus[] | number | null;
