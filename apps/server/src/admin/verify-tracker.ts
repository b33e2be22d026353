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
import { BackgroundRun, type RunState } from './background-run.js';

export interface VerifyState extends RunState {
  readonly progress: VerifyProgress | null;
  /**
   * The last finished run's report; `sound` is true when it found no problem in the log nor in the
   * attached files (`blobs`: every file a case event names is in the blob store and hashes to its
   * name; a problem names its case and material).
   */
  readonly report: (VerifyReport & { readonly sound: boolean; readonly blobs: BlobVerifyReport }) | null;
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
export class VerifyTracker extends BackgroundRun<VerifyState> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(IDLE, clock, logger);
  }

  start(): VerifyState {
    const busy = (verify: VerifyState) =>
      problems.conflict('verify-running', 'A verify is running', 'Wait for it to finish.', { verify });
    return this.begin(busy, 'verifying the event log', 'verify failed', async (update) => {
      const log = await verifyLog(this.store, { onProgress: (progress) => update({ progress }) });
      const report = { ...log, blobs: await verifyBlobs(this.store, this.blobs) };
      const sound = report.problems.length === 0 && report.blobs.sound;
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
      return { report: { ...report, sound } };
    });
  }
}
