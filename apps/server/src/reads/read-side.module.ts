import { type DynamicModule, Module } from '@nestjs/common';
import { CalendarService } from '@one-window/calendar/nest';
import { EmbeddedEventStore, EVENT_STORE, type EventStore } from '@one-window/event-store';
import {
  type ReadModelDb,
  ReadModels,
  ThreadedProjectionRunner,
  openReadModelDatabase,
} from '@one-window/read-models';
import { READ_MODEL_DB } from '@one-window/read-models/nest';
import type { Clock } from '@one-window/shared';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config/server-config.js';
import { readModelSettingsFor } from '../config/warning-settings.js';
import { CLOCK, LOGGER, SERVER_CONFIG } from '../tokens.js';
import { RebuildTracker } from './rebuild-tracker.js';
import { Directory } from '@one-window/catalog';

/**
 * The read side: SQLite read models beside the event store (DATA_DIR/read-models.sqlite) and the
 * projection runner that keeps them. The read-model lib's test-only ReadModelsModule stops at
 * beforeApplicationShutdown in no fixed order with other modules; here ReadSideLifecycle is a step
 * of the server's ShutdownCoordinator, so commands in flight finish before projections stop.
 */
@Module({
  providers: [
    {
      provide: READ_MODEL_DB,
      inject: [SERVER_CONFIG],
      useFactory: (config: ServerConfig) => openReadModelDatabase({ dataDir: config.dataDir }),
    },
    {
      provide: ReadModels,
      inject: [EVENT_STORE, READ_MODEL_DB, CalendarService, CLOCK, LOGGER, SERVER_CONFIG, Directory],
      useFactory: async (
        store: EventStore,
        db: ReadModelDb,
        calendar: CalendarService,
        clock: Clock,
        logger: Logger,
        config: ServerConfig,
        directory: Directory,
      ) => {
        const onError = (error: Error): void => logger.error({ err: error }, 'projection failed; retrying');
        // On the embedded store the projections run in their own thread (ADR 0009): the main
        // thread serves while another core applies the log. On EventStoreDB they follow its
        // subscription here.
        const runner =
          store instanceof EmbeddedEventStore
            ? await ThreadedProjectionRunner.start({ store, readModelsDir: config.dataDir, onError })
            : undefined;
        return new ReadModels({
          store,
          db,
          runner,
          calendar: () => calendar.calendar(),
          clock,
          settings: readModelSettingsFor(config),
          onError,
          departmentName: (id) => directory.department(id)?.name,
        });
      },
    },
    RebuildTracker,
  ],
  exports: [ReadModels, READ_MODEL_DB, RebuildTracker],
})
export class ReadSideModule {
  /**
   * With the app's one catalog module, whose directory names departments in timelines. Global: the
   * read-your-writes interceptor of every module's controllers (the auth module's too) waits on
   * its ReadModels.
   */
  static withCatalog(catalog: DynamicModule): DynamicModule {
    return { module: ReadSideModule, imports: [catalog], global: true };
  }
}
