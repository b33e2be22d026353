import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { WorkingCalendar } from '@one-window/calendar';
import { CalendarService } from '@one-window/calendar/nest';
import { EVENT_STORE, type EventStore } from '@one-window/event-store';
import type { Clock } from '@one-window/shared';
import { openReadModelDatabase, type ReadModelDb } from '../../database/read-model-database.js';
import { ReadModels } from '../../read-models.js';
import type { ReadModelSettings } from '../../settings/read-model-settings.js';
import { ReadModelsLifecycle } from './read-models.lifecycle.js';
import { READ_MODEL_DB, READ_MODELS_OPTIONS } from './read-models.tokens.js';

export interface ReadModelsModuleOptions {
  /** Folder of `read-models.sqlite`; `DATA_DIR` or `./data` when absent. */
  readonly dataDir?: string;
  readonly clock?: Clock;
  readonly settings?: ReadModelSettings;
  /** How often the scheduler looks for due timers (ms); 0 turns it off. Default 30 s. */
  readonly timerPollMs?: number;
}

/**
 * Tests only (the server wires its own read side, apps/server/src/reads/read-side.module.ts):
 * the read side for a Nest test module: `ReadModels` (runner + queries) over EVENT_STORE and
 * the CalendarService when one is registered (chinese-days alone otherwise). Provide
 * TIMER_COMMAND_SENDER (e.g. `caseCommandSender(caseCommands)`) to run the durable timers.
 */
@Module({})
export class ReadModelsModule {
  static forRoot(options: ReadModelsModuleOptions = {}): DynamicModule {
    const logger = new Logger('ReadModels');
    return {
      module: ReadModelsModule,
      providers: [
        { provide: READ_MODELS_OPTIONS, useValue: options },
        { provide: READ_MODEL_DB, useFactory: () => openReadModelDatabase({ dataDir: options.dataDir }) },
        {
          provide: ReadModels,
          inject: [EVENT_STORE, READ_MODEL_DB, { token: CalendarService, optional: true }],
          useFactory: (store: EventStore, db: ReadModelDb, calendars?: CalendarService) => {
            const fallback = WorkingCalendar.create();
            return new ReadModels({
              store,
              db,
              calendar: () => calendars?.calendar() ?? fallback,
              clock: options.clock,
              settings: options.settings,
              onError: (error) =>
                logger.error(`A projection batch failed and will be retried: ${error.message}`),
            });
          },
        },
        ReadModelsLifecycle,
      ],
      exports: [ReadModels, READ_MODEL_DB],
    };
  }
}
