import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Anchorer, type AnchoredData } from '@one-window/audit';
import { EmbeddedEventStore, EVENT_STORE, type EventStore } from '@one-window/event-store';
import type { Clock } from '@one-window/shared';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config/server-config.js';
import type { ShutdownStep } from '../lifecycle/shutdown.coordinator.js';
import { CLOCK, LOGGER, SERVER_CONFIG } from '../tokens.js';

/** How often the anchorer looks whether an anchor is due (the schedule itself lives in the audit stream). */
const POLL_MS = 5_000;

/**
 * Runs the log's Anchorer (ADR 13): follows the log in the background from start-up, writes an
 * `audit.Anchored` every N events or M minutes, and stops before the store closes.
 */
@Injectable()
export class AnchorService implements OnApplicationBootstrap, ShutdownStep {
  readonly name = 'audit anchors';
  private readonly anchorer: Anchorer;
  private timer: NodeJS.Timeout | undefined;
  private started: Promise<void> | undefined;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(SERVER_CONFIG) config: ServerConfig,
    @Inject(CLOCK) clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.anchorer = new Anchorer(store, {
      everyEvents: config.auditAnchorEveryEvents,
      everyMs: config.auditAnchorEveryMinutes * 60_000,
      now: () => clock.now().getTime(),
      // The embedded store lists its stream heads: no replay of the whole log at every start.
      heads: store instanceof EmbeddedEventStore ? store : undefined,
    });
  }

  onApplicationBootstrap(): void {
    this.started = this.anchorer.start().catch((error: unknown) => {
      this.logger.error({ err: error }, 'the anchorer could not follow the log; no anchors are written');
    });
    this.timer = setInterval(() => void this.tick(), POLL_MS);
    this.timer.unref();
  }

  /** The latest anchor recorded in the log, null before the first. */
  latest(): AnchoredData | null {
    return this.anchorer.latest();
  }

  /** Anchors now if one is due; for the poll and for tests. */
  async tick(): Promise<AnchoredData | null> {
    try {
      const anchor = await this.anchorer.tick();
      if (anchor !== null) this.logger.info(anchor, 'the log is anchored');
      return anchor;
    } catch (error) {
      this.logger.warn({ err: error }, 'an anchor could not be written; it will be tried again');
      return null;
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.started;
    await this.anchorer.stop();
  }
}
