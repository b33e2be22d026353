import { Inject, Injectable } from '@nestjs/common';
import { verifyLog, type VerifyProgress, type VerifyReport } from '@one-window/audit';
import { EVENT_STORE, type EventStore } from '@one-window/event-store';
import type { Clock } from '@one-window/shared';
import type { Logger } from 'pino';
import { problems } from '../problem/problem-details.js';
import { CLOCK, LOGGER } from '../tokens.js';

export interface VerifyState {
  readonly running: boolean;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly progress: VerifyProgress | null;
  /** The last finished run's report; `sound` is true when it found no problem. */
  readonly report: (VerifyReport & { readonly sound: boolean }) | null;
  readonly error: string | null;
}

const IDLE: VerifyState = {
  running: false,
  startedAt: null,
  finishedAt: null,
  progress: null,
  report: null,
  error: null,
};

/**
 * One verify of the live log at a time, in the background: it reads the store the server writes
 * (read-only, in pages, giving the event loop back between them) while commands go on; progress
 * and the report are read by GET /api/admin/verify.
 */
@Injectable()
export class VerifyTracker {
  private current: VerifyState = IDLE;
  private run?: Promise<void>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get state(): VerifyState {
    return this.current;
  }

  start(): VerifyState {
    if (this.current.running) {
      throw problems.conflict('verify-running', 'A verify is running', 'Wait for it to finish.', {
        verify: this.current,
      });
    }
    this.current = { ...IDLE, running: true, startedAt: this.clock.now().toISOString() };
    this.logger.info('verifying the event log');
    this.run = verifyLog(this.store, {
      onProgress: (progress) => (this.current = { ...this.current, progress }),
    })
      .then((report) => {
        const sound = report.problems.length === 0;
        this.current = {
          ...this.current,
          running: false,
          finishedAt: this.clock.now().toISOString(),
          report: { ...report, sound },
        };
        this.logger[sound ? 'info' : 'error'](
          {
            events: report.events,
            streams: report.streams,
            cases: report.cases,
            problems: report.problems.length,
          },
          sound ? 'the event log is sound' : 'the event log has problems',
        );
      })
      .catch((error: unknown) => {
        this.current = {
          ...this.current,
          running: false,
          finishedAt: this.clock.now().toISOString(),
          error: error instanceof Error ? error.message : String(error),
        };
        this.logger.error({ err: error }, 'verify failed');
      });
    return this.current;
  }

  /** Resolves when the running verify (if any) has ended. */
  async settled(): Promise<void> {
    await this.run;
  }
}
