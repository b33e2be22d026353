import { type DynamicModule, Global, Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@one-window/event-store';
import type { Clock } from '@one-window/shared';
import type { Logger } from 'pino';
import type { ServerConfig } from './config/server-config.js';
import { InFlightCommands } from './lifecycle/in-flight-commands.js';
import { CLOCK, LOGGER, SERVER_CONFIG } from './tokens.js';

export const OWNS_EVENT_STORE = Symbol('OWNS_EVENT_STORE');

export interface CoreDependencies {
  readonly config: ServerConfig;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly eventStore: EventStore;
  /** Close the store on shutdown (the server opened it). */
  readonly ownsEventStore: boolean;
}

/**
 * What every feature module may inject: configuration, the clock, the log and the event store
 * (under the event-store lib's EVENT_STORE token; the server closes it itself, after
 * projections have stopped).
 */
@Global()
@Module({})
export class CoreModule {
  static register(deps: CoreDependencies): DynamicModule {
    const providers = [
      { provide: SERVER_CONFIG, useValue: deps.config },
      { provide: CLOCK, useValue: deps.clock },
      { provide: LOGGER, useValue: deps.logger },
      { provide: EVENT_STORE, useValue: deps.eventStore },
      { provide: OWNS_EVENT_STORE, useValue: deps.ownsEventStore },
      { provide: InFlightCommands, useValue: new InFlightCommands() },
    ];
    return { module: CoreModule, providers, exports: providers.map((p) => p.provide) };
  }
}
