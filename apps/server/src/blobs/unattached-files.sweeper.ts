import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { forEachFileMention } from '@one-window/audit';
import { BlobNotFoundError, type BlobStore } from '@one-window/blob-store';
import { EVENT_STORE, type EventStore } from '@one-window/event-store';
import type { Clock } from '@one-window/shared';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config/server-config.js';
import { BLOB_STORE, CLOCK, LOGGER, SERVER_CONFIG } from '../tokens.js';
import { AttachGuard } from './attach-guard.js';

/** A sweep runs at most this often by the clock, whatever TIMER_POLL_MS says. */
export const UNATTACHED_SWEEP_EVERY_MS = 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export interface UnattachedSweep {
  /** The clock's time of the sweep; files stored before `cutoff` and named by no event were deleted. */
  readonly at: string;
  readonly cutoff: string;
  /** Distinct hashes the case events name (never deleted). */
  readonly referenced: number;
  readonly deleted: readonly string[];
  /** Unnamed files stored after the cutoff, kept for now. */
  readonly young: number;
  /** Unnamed old files kept because a command or an upload had them during the sweep (AttachGuard). */
  readonly guarded: number;
}

/**
 * Deletes files uploaded (POST /api/blobs) but never attached — the clerk left the form — once
 * they were stored BLOB_UNATTACHED_TTL_HOURS ago (ADR 16). The deadline is data: each file's
 * `storedAt` against the injected clock, so a server down for a week sweeps at its first poll; the
 * poll (TIMER_POLL_MS, as the case timers) only says how soon, and a sweep runs at most hourly by
 * the clock (the first an hour after start). The hashes the case events name are read from the log (from where the last sweep
 * stopped) after the AttachGuard's window opens, and the guard keeps every hash a command or an
 * upload had during the sweep.
 */
@Injectable()
export class UnattachedFilesSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private interval: NodeJS.Timeout | undefined;
  private running: Promise<UnattachedSweep> | undefined;
  private lastSweep: number | undefined;
  private readonly referenced = new Set<string>();
  private readFrom: number | 'start' = 'start';

  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly guard: AttachGuard,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    // The first sweep an hour after start: a cold start's catch-up has the log to itself.
    this.lastSweep ??= this.clock.now().getTime();
    this.interval = setInterval(
      () =>
        void this.poll().catch((error: unknown) =>
          this.logger.warn({ err: error }, 'the unattached-file sweep failed; the next poll retries it'),
        ),
      this.config.timerPollMs,
    );
    this.interval.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.interval);
    await this.running?.catch(() => undefined);
  }

  /** The poll's tick: sweeps when none ran in the last hour by the clock; undefined when it did not. */
  async poll(): Promise<UnattachedSweep | undefined> {
    const now = this.clock.now().getTime();
    if (this.lastSweep !== undefined && now - this.lastSweep < UNATTACHED_SWEEP_EVERY_MS) return undefined;
    return this.sweep();
  }

  /** Sweeps now (a sweep already running is joined). */
  sweep(): Promise<UnattachedSweep> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<UnattachedSweep> {
    const now = this.clock.now();
    const cutoff = now.getTime() - this.config.blobs.unattachedTtlHours * HOUR_MS;
    // Also when it fails (the object store down): the next try is an hour on, not every poll.
    this.lastSweep = now.getTime();
    const window = this.guard.openSweep();
    try {
      this.readFrom = await forEachFileMention(this.store, this.readFrom, ({ sha256 }) =>
        this.referenced.add(sha256),
      );
      const unnamed: string[] = [];
      for await (const sha256 of this.blobs.list()) if (!this.referenced.has(sha256)) unnamed.push(sha256);
      const deleted: string[] = [];
      let young = 0;
      let guarded = 0;
      for (const sha256 of unnamed) {
        const storedAt = await this.blobs.storedAt(sha256).catch((error: unknown) => {
          if (error instanceof BlobNotFoundError) return undefined;
          throw error;
        });
        if (storedAt === undefined) continue;
        if (storedAt.getTime() >= cutoff) young++;
        else if (await window.delete(sha256, () => this.blobs.delete(sha256))) deleted.push(sha256);
        else guarded++;
      }
      if (deleted.length > 0)
        this.logger.info(
          { deleted: deleted.length, young, guarded },
          'unattached files older than BLOB_UNATTACHED_TTL_HOURS deleted',
        );
      return {
        at: now.toISOString(),
        cutoff: new Date(cutoff).toISOString(),
        referenced: this.referenced.size,
        deleted,
        young,
        guarded,
      };
    } finally {
      window.close();
    }
  }
}
