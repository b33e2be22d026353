import { Inject, Injectable } from '@nestjs/common';
import {
  type BlobVerifyReport,
  verifyBlobs,
  verifyLog,
  type VerifyProgress,
  type VerifyReport,
} from '@one-window/audit';
import type { BlobStore } from '@one-window/blob-store';
import { EVENT_STORE, type EventStore } from '@one-window/event-store';
import type { Clock } from '@one-window/shared';
import type { Logger } from 'pino';
import { problems } from '../problem/problem-details.js';
import { BLOB_STORE, CLOCK, LOGGER } from '../tokens.js';

export interface VerifyState {
  readonly running: boolean;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly progress: VerifyProgress | null;
  /**
   * The last finished run's report; `sound` is true when it found no problem in the log nor in the
   * attached files (`blobs`: every file a case event names is in the blob store and hashes to its
   * name; a problem names its case and material).
   */
  readonly report: (VerifyReport & { readonly sound: boolean; readonly blobs: BlobVerifyReport }) | null;
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
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
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
      .then(async (report) => ({ ...report, blobs: await verifyBlobs(this.store, this.blobs) }))
      .then((report) => {
        const sound = report.problems.length === 0 && report.blobs.sound;
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
            files: report.blobs.referenced,
            fileProblems: report.blobs.problems.length,
          },
          sound ? 'the event log and its files are sound' : 'the event log or its files have problems',
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
