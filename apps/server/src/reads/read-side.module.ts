import { Module } from '@nestjs/common';
import { CalendarService } from '@one-window/calendar';
import { EVENT_STORE, type EventStore } from '@one-window/event-store';
import { ReadModels, openReadModelDatabase } from '@one-window/read-models';
import type { Clock } from '@one-window/shared';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config/server-config.js';
import { CLOCK, LOGGER, SERVER_CONFIG } from '../tokens.js';
import { RebuildTracker } from './rebuild-tracker.js';

/**
 * The read side: SQLite read models beside the event store (DATA_DIR/read-models.sqlite), the
 * projection runner that keeps them, and the durable-timer scheduler that reads them.
 */
@Module({
  providers: [
    {
      provide: ReadModels,
      inject: [EVENT_STORE, CalendarService, SERVER_CONFIG, CLOCK, LOGGER],
      useFactory: (
        store: EventStore,
        calendar: CalendarService,
        config: ServerConfig,
        clock: Clock,
        logger: Logger,
      ) =>
        new ReadModels({
          store,
          db: openReadModelDatabase({ dataDir: config.dataDir }),
          calendar: () => calendar.calendar(),
          clock,
          onError: (error) => logger.error({ err: error }, 'projection failed; retrying'),
        }),
    },
    RebuildTracker,
  ],
  exports: [ReadModels, RebuildTracker],
})
export class ReadSideModule {}
