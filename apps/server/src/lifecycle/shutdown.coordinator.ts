import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@one-window/event-store';
import type { Logger } from 'pino';
import { OWNS_EVENT_STORE } from '../core.module.js';
import { LOGGER } from '../tokens.js';
import { InFlightCommands } from './in-flight-commands.js';

export const SHUTDOWN_STEPS = Symbol('SHUTDOWN_STEPS');

/** Something to stop after in-flight commands finish and before the store closes (projections, timers). */
export interface ShutdownStep {
  readonly name: string;
  stop(): Promise<void>;
}

/**
 * Graceful shutdown, in order: new requests already get 503 (ClosingFastifyAdapter); commands
 * in flight finish; projections and timers stop at a checkpoint; then the store closes.
 */
@Injectable()
export class ShutdownCoordinator implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly inFlight: InFlightCommands,
    @Inject(SHUTDOWN_STEPS) private readonly steps: readonly ShutdownStep[],
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(OWNS_EVENT_STORE) private readonly ownsStore: boolean,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.logger.info(
      { signal, inFlight: this.inFlight.count },
      'shutting down: finishing commands in flight',
    );
    const left = await this.inFlight.drain(10_000);
    if (left > 0) this.logger.warn({ left }, 'commands still running after 10 s; stopping anyway');
    for (const step of this.steps) {
      await step.stop();
      this.logger.info({ step: step.name }, 'stopped');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.ownsStore) await this.store.close();
    this.logger.info('shut down');
  }
}
