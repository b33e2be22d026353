import { Inject, Injectable } from '@nestjs/common';
import { ReadModels } from '@one-window/read-models';
import type { Clock } from '@one-window/shared';
import type { Logger } from 'pino';
import { problems } from '../problem/problem-details.js';
import { BackgroundRun, type RunState } from '../admin/background-run.js';
import { CLOCK, LOGGER } from '../tokens.js';

export interface RebuildState extends RunState {
  readonly processed: number;
  readonly position: number | null;
  readonly head: number | null;
  readonly events: number | null;
  readonly ms: number | null;
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
export class RebuildTracker extends BackgroundRun<RebuildState> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) clock: Clock,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(IDLE, clock, logger);
  }

  start(): RebuildState {
    const busy = (rebuild: RebuildState) =>
      problems.conflict(
        'rebuild-running',
        'A rebuild is running',
        'Wait for the running rebuild to finish.',
        {
          rebuild,
        },
      );
    return this.begin(busy, 'rebuilding the read models from the log', 'rebuild failed', async (update) => {
      const result = await this.readModels.runner.rebuild({
        onProgress: (p) => update({ processed: p.processed, position: p.position, head: p.head }),
      });
      this.logger.info({ events: result.events, ms: Math.round(result.ms) }, 'read models rebuilt');
      return { events: result.events, ms: Math.round(result.ms) };
    });
  }
}
