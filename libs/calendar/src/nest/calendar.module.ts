import { type DynamicModule, Module } from '@nestjs/common';
import type { Clock } from '@one-window/shared';
import { CalendarService } from './calendar.service.js';
import { CALENDAR_CLOCK } from './calendar.tokens.js';

export interface CalendarModuleOptions {
  /** Stamps `at` on loads; the system clock when absent. */
  readonly clock?: Clock;
}

/** Provides CalendarService (global); needs EVENT_STORE (the server's CoreModule provides it). */
@Module({})
export class CalendarModule {
  static forRoot(options: CalendarModuleOptions = {}): DynamicModule {
    return {
      module: CalendarModule,
      global: true,
      providers: [
        CalendarService,
        ...(options.clock ? [{ provide: CALENDAR_CLOCK, useValue: options.clock }] : []),
      ],
      exports: [CalendarService],
    };
  }
}
