import { type DynamicModule, Module } from '@nestjs/common';
import type { EventStore } from '../port/types.js';
import { createEventStore, type EventStoreConfig } from '../config/create-event-store.js';
import { EventStoreCloser } from './event-store-closer.js';
import { EVENT_STORE } from '../config/event-store.token.js';

/**
 * Tests only: provides the EventStore under `EVENT_STORE` to a test's Nest module (global) and
 * closes it on shutdown. The server provides and closes its store itself (apps/server/src/core.module.ts).
 */
@Module({})
export class EventStoreModule {
  static forRoot(config: EventStoreConfig): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        {
          provide: EVENT_STORE,
          useFactory: (): Promise<EventStore> => createEventStore(config),
        },
        EventStoreCloser,
      ],
      exports: [EVENT_STORE],
    };
  }

  /** Provides a store opened elsewhere (tests, or a server that opens it before Nest starts); still closed on shutdown. */
  static forStore(store: EventStore): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [{ provide: EVENT_STORE, useValue: store }, EventStoreCloser],
      exports: [EVENT_STORE],
    };
  }
}
