export type RunnerStatus = 'stopped' | 'catching-up' | 'live' | 'rebuilding' | 'failed';

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  /** Position of the last event applied; null before the first. */
  readonly checkpoint: number | null;
  readonly updatedAt: string | null;
}

export interface ProjectionLag extends ProjectionStatus {
  /** Events after the checkpoint, counted up to a cap. */
  readonly eventsBehind: number;
  readonly eventsBehindCapped: boolean;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  readonly msBehind: number;
}

export interface LagReport {
  readonly head: number | null;
  readonly status: RunnerStatus;
  readonly lastError?: string;
  readonly projections: readonly ProjectionLag[];
}

export interface RebuildProgress {
  readonly projections: readonly string[];
  /** Events read so far in this run. */
  readonly processed: number;
  /** Position reached. */
  readonly position: number | null;
  /** Head of the log when the run began. */
  readonly head: number | null;
}

export interface RebuildResult {
  readonly projections: readonly string[];
  readonly events: number;
  readonly ms: number;
}
