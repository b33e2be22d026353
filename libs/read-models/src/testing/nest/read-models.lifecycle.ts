import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import type { ReadModelDb } from '../../database/read-model-database.js';
import { ReadModels } from '../../read-models.js';
import type { TimerScheduler } from '../../timers/timer-scheduler.js';
import type { CommandSender } from '../../timers/timer-types.js';
import type { ReadModelsModuleOptions } from './read-models.module.js';
import { READ_MODEL_DB, READ_MODELS_OPTIONS, TIMER_COMMAND_SENDER } from './read-models.tokens.js';

/**
 * Starts the projections (and, given a sender, the durable-timer scheduler) once the application
 * is up; on shutdown stops them at a checkpoint — before the event store closes.
 */
@Injectable()
export class ReadModelsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReadModels');
  private scheduler?: TimerScheduler;

  constructor(
    private readonly readModels: ReadModels,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(READ_MODELS_OPTIONS) private readonly options: ReadModelsModuleOptions,
    @Optional() @Inject(TIMER_COMMAND_SENDER) private readonly sender?: CommandSender,
  ) {}

  onApplicationBootstrap(): void {
    this.readModels.runner.start();
    if (!this.sender || this.options.timerPollMs === 0) return;
    this.scheduler = this.readModels.scheduler(this.sender);
    this.scheduler.startPolling(this.options.timerPollMs ?? 30_000, (error) =>
      this.logger.warn(`A durable timer could not be sent; it will be retried: ${String(error)}`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.scheduler?.close();
    await this.readModels.runner.stop();
    await this.readModels.runner.close();
    this.db.close();
  }
}
