import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CatalogModule } from '@one-window/catalog';
import { AuthModule } from './auth/auth.module.js';
import { CatalogController } from './catalog/catalog.controller.js';
import { CoreModule, type CoreDependencies } from './core.module.js';
import { HealthController } from './health/health.controller.js';
import { InFlightCommands } from './lifecycle/in-flight-commands.js';
import { SHUTDOWN_STEPS, ShutdownCoordinator } from './lifecycle/shutdown.coordinator.js';
import { catalogProblem } from './problem/catalog-problems.js';
import { eventStoreProblem } from './problem/event-store-problems.js';
import { ProblemDetailsFilter } from './problem/problem-details.filter.js';
import { PROBLEM_MAPPERS, type ProblemMapper } from './problem/problem-mapper.js';

const mappers: ProblemMapper[] = [eventStoreProblem, catalogProblem];

@Module({})
export class AppModule {
  static register(deps: CoreDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.register(deps), CatalogModule.forRoot(), AuthModule],
      controllers: [HealthController, CatalogController],
      providers: [
        { provide: PROBLEM_MAPPERS, useValue: mappers },
        ProblemDetailsFilter,
        { provide: APP_FILTER, useExisting: ProblemDetailsFilter },
        InFlightCommands,
        { provide: SHUTDOWN_STEPS, useValue: [] },
        ShutdownCoordinator,
      ],
    };
  }
}
