import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { CaseCommands } from '@one-window/case/nest';
import { type ReadModelDb, ReadModels, type TimerScheduler } from '@one-window/read-models';
import { READ_MODEL_DB } from '@one-window/read-models/nest';
import { SYSTEM_ACTOR } from '@one-window/shared';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config/server-config.js';
import { InFlightCommands } from '../lifecycle/in-flight-commands.js';
import type { ShutdownStep } from '../lifecycle/shutdown.coordinator.js';
import { LOGGER, SERVER_CONFIG } from '../tokens.js';

/**
 * Starts the projections and the durable timers once the application is up, and stops them at a
 * checkpoint on shutdown (after in-flight commands have finished).
 */
@Injectable()
export class ReadSideLifecycle implements OnApplicationBootstrap, ShutdownStep {
  readonly name = 'projections and timers';
  private scheduler?: TimerScheduler;

  constructor(
    private readonly readModels: ReadModels,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    private readonly commands: CaseCommands,
    private readonly inFlight: InFlightCommands,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.readModels.runner.start();
    // A due timer sends the engine's own timer command as the scheduler, with the timer's
    // deterministic command id: two instances, or a retry, write once.
    this.scheduler = this.readModels.scheduler({
      send: (scheduled) =>
        this.inFlight.track(() =>
          this.commands.send(scheduled.command, { actor: SYSTEM_ACTOR, commandId: scheduled.commandId }),
        ),
    });
    this.scheduler.startPolling(this.config.timerPollMs, (error) =>
      this.logger.warn({ err: error }, 'a durable timer could not be sent; it will be retried'),
    );
  }

  /** Fires every timer due now (the scheduler's clock); for operators and tests. */
  tick(): ReturnType<TimerScheduler['tick']> {
    if (!this.scheduler) throw new Error('the timer scheduler has not started');
    return this.scheduler.tick();
  }

  async stop(): Promise<void> {
    await this.scheduler?.close();
    await this.readModels.runner.stop();
    await this.readModels.runner.close();
    this.db.close();
  }
}
