import { Inject, Injectable } from '@nestjs/common';
import { ReadModels } from '@one-window/read-models';
import type { Clock } from '@one-window/shared';
import type { Logger } from 'pino';
import { problems } from '../problem/problem-details.js';
import { CLOCK, LOGGER } from '../tokens.js';

export interface RebuildState {
  readonly running: boolean;
  readonly processed: number;
  readonly position: number | null;
  readonly head: number | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly events: number | null;
  readonly ms: number | null;
  readonly error: string | null;
}

const IDLE: RebuildState = {
  running: false,
  processed: 0,
  position: null,
  head: null,
  startedAt: null,
  finishedAt: null,
  events: null,
  ms: null,
  error: null,
};

/** One rebuild at a time, in the background; its progress is read by GET /api/admin/projections. */
@Injectable()
export class RebuildTracker {
  private current: RebuildState = IDLE;
  private run?: Promise<void>;

  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get state(): RebuildState {
    return this.current;
  }

  start(): RebuildState {
    if (this.current.running) {
      throw problems.conflict(
        'rebuild-running',
        'A rebuild is running',
        'Wait for the running rebuild to finish.',
        {
          rebuild: this.current,
        },
      );
    }
    this.current = { ...IDLE, running: true, startedAt: this.clock.now().toISOString() };
    this.logger.info('rebuilding the read models from the log');
    this.run = this.readModels.runner
      .rebuild({
        onProgress: (p) => {
          this.current = { ...this.current, processed: p.processed, position: p.position, head: p.head };
        },
      })
      .then((result) => {
        this.current = {
          ...this.current,
          running: false,
          finishedAt: this.clock.now().toISOString(),
          events: result.events,
          ms: Math.round(result.ms),
        };
        this.logger.info({ events: result.events, ms: Math.round(result.ms) }, 'read models rebuilt');
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.current = {
          ...this.current,
          running: false,
          finishedAt: this.clock.now().toISOString(),
          error: message,
        };
        this.logger.error({ err: error }, 'rebuild failed');
      });
    return this.current;
  }

  /** Resolves when the running rebuild (if any) has ended. */
  async settled(): Promise<void> {
    await this.run;
  }
}
