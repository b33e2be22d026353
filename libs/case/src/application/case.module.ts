import {
  type DynamicModule,
  type InjectionToken,
  Module,
  type ModuleMetadata,
  type Provider,
} from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { EventStore } from '@one-window/event-store';
import { Catalog, Directory } from '@one-window/catalog';
import { systemClock, type Clock } from '@one-window/shared';
import { DEFAULT_CASE_POLICY, type CasePolicy } from '../domain/policy.js';
import type { RandomIndex } from '../domain/query-code.js';
import { CaseCommandExecutor } from './case-command-executor.js';
import { CaseCommands } from './case-commands.service.js';
import { CaseCommandHandler } from './case-command.handler.js';
import { CASE_EVENT_STORE } from './event-store-token.js';
import {
  CASE_CALENDAR,
  CASE_CLOCK,
  CASE_POLICY,
  CASE_RANDOM,
  CASE_STAFF,
  type CaseCalendarSource,
} from './tokens.js';
import type { StaffDirectory } from '../domain/staff.js';

/** A dependency given either as an existing provider's token or as a value. */
export type CaseDependency<T> = { readonly useExisting: InjectionToken } | { readonly useValue: T };

export interface CaseModuleOptions {
  /** Modules that provide the dependencies below and `Catalog` + `Directory` (e.g. CatalogModule). */
  readonly imports?: ModuleMetadata['imports'];
  readonly eventStore: CaseDependency<EventStore>;
  /** `CalendarService` from `@one-window/calendar/nest`, or any `{ calendar(): CaseCalendar }`. */
  readonly calendar: CaseDependency<CaseCalendarSource>;
  /** Defaults to the system clock. */
  readonly clock?: CaseDependency<Clock>;
  /** Defaults to DEFAULT_CASE_POLICY. */
  readonly policy?: CasePolicy;
  /** The random source of query codes; defaults to crypto.randomInt. */
  readonly random?: RandomIndex;
  /** Who a command names (转办's assignee); the server gives the identity lib's `UsersStore`. */
  readonly staff?: CaseDependency<StaffDirectory>;
}

const bind = <T>(provide: symbol, dependency: CaseDependency<T>): Provider =>
  'useExisting' in dependency
    ? { provide, useExisting: dependency.useExisting }
    : { provide, useValue: dependency.useValue };

/**
 * The case engine's command side: `CaseCommands` sends a plain command through the CommandBus to
 * the one handler, which runs the executor. Needs `Catalog` and `Directory` (CatalogModule)
 * and the event store, calendar and clock named in the options.
 */
@Module({})
export class CaseModule {
  static forRoot(options: CaseModuleOptions): DynamicModule {
    return {
      module: CaseModule,
      imports: [CqrsModule, ...(options.imports ?? [])],
      providers: [
        bind(CASE_EVENT_STORE, options.eventStore),
        bind(CASE_CALENDAR, options.calendar),
        bind(CASE_CLOCK, options.clock ?? { useValue: systemClock }),
        { provide: CASE_POLICY, useValue: options.policy ?? DEFAULT_CASE_POLICY },
        ...(options.random ? [{ provide: CASE_RANDOM, useValue: options.random }] : []),
        ...(options.staff ? [bind(CASE_STAFF, options.staff)] : []),
        {
          provide: CaseCommandExecutor,
          inject: [
            CASE_EVENT_STORE,
            CASE_CLOCK,
            CASE_CALENDAR,
            CASE_POLICY,
            Catalog,
            Directory,
            { token: CASE_RANDOM, optional: true },
            { token: CASE_STAFF, optional: true },
          ],
          useFactory: (
            store: EventStore,
            clock: Clock,
            calendars: CaseCalendarSource,
            policy: CasePolicy,
            catalog: Catalog,
            directory: Directory,
            random?: RandomIndex,
            staff?: StaffDirectory,
          ) => new CaseCommandExecutor(store, clock, calendars, policy, catalog, directory, random, staff),
        },
        CaseCommands,
        CaseCommandHandler,
      ],
      exports: [CaseCommands, CaseCommandExecutor],
    };
  }
}
