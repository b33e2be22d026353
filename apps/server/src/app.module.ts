import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CalendarModule, CalendarService } from '@one-window/calendar/nest';
import { CaseModule } from '@one-window/case/nest';
import { UsersStore } from '@one-window/identity';
import { CatalogModule } from '@one-window/catalog/nest';
import { EVENT_STORE } from '@one-window/event-store';
import { CalendarController } from './admin/calendar.controller.js';
import { ProjectionsController } from './admin/projections.controller.js';
import { VerifyController } from './admin/verify.controller.js';
import { Metrics } from './metrics/metrics.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { VerifyTracker } from './admin/verify-tracker.js';
import { AnchorService } from './audit/anchor.service.js';
import { AuditController } from './audit/audit.controller.js';
import { AuthModule } from './auth/auth.module.js';
import { BLOB_CONTROLLERS, BLOB_PROVIDERS, blobProblem } from './blobs/index.js';
import { CommandCatalogController } from './cases/command-catalog.controller.js';
import { COMMAND_CONTROLLERS } from './cases/command-routes.js';
import { CatalogController } from './catalog/catalog.controller.js';
import { casePolicyFor } from './config/warning-settings.js';
import { CoreModule, type CoreDependencies } from './core.module.js';
import { HealthController } from './health/health.controller.js';
import { SHUTDOWN_STEPS, ShutdownCoordinator } from './lifecycle/shutdown.coordinator.js';
import { calendarProblem } from './problem/calendar-problems.js';
import { catalogProblem } from './problem/catalog-problems.js';
import { domainProblem } from './problem/domain-problems.js';
import { eventStoreProblem } from './problem/event-store-problems.js';
import { ProblemDetailsFilter } from './problem/problem-details.filter.js';
import { PUBLIC_CONTROLLERS, PUBLIC_PROVIDERS } from './public/public.module.js';
import { APPOINTMENT_CONTROLLERS, APPOINTMENT_PROVIDERS } from './appointments/appointments.module.js';
import { PROBLEM_MAPPERS, type ProblemMapper } from './problem/problem-mapper.js';
import { readModelProblem } from './problem/read-model-problems.js';
import { CaseDetailService } from './reads/case-detail.service.js';
import { CaseExportController } from './reads/case-export.controller.js';
import { CaseNoticesController } from './reads/case-notices.controller.js';
import { CaseReadsController } from './reads/case-reads.controller.js';
import { QueueReadsController } from './reads/queue-reads.controller.js';
import { ReadSideLifecycle } from './reads/read-side.lifecycle.js';
import { ReadSideModule } from './reads/read-side.module.js';
import { readsOwnWrites } from './reads/read-your-writes.interceptor.js';
import { CLOCK } from './tokens.js';

const mappers: ProblemMapper[] = [
  domainProblem,
  eventStoreProblem,
  catalogProblem,
  calendarProblem,
  readModelProblem,
  blobProblem,
];

/**
 * The app's controllers, in the order their routes are registered. All but the command routes read
 * their own writes (?minPosition=, read-your-writes.interceptor.ts); the command routes are POSTs.
 */
const CONTROLLERS: Type[] = [
  HealthController,
  CatalogController,
  ...COMMAND_CONTROLLERS,
  CommandCatalogController,
  CalendarController,
  ProjectionsController,
  VerifyController,
  MetricsController,
  AuditController,
  CaseExportController,
  CaseReadsController,
  CaseNoticesController,
  QueueReadsController,
  ...PUBLIC_CONTROLLERS,
  ...APPOINTMENT_CONTROLLERS,
  ...BLOB_CONTROLLERS,
];
readsOwnWrites(CONTROLLERS.filter((controller) => !(COMMAND_CONTROLLERS as readonly Type[]).includes(controller)));

@Module({})
export class AppModule {
  static register(deps: CoreDependencies): DynamicModule {
    // One catalog instance, shared by the routes and the case engine.
    const catalog = CatalogModule.forRoot(deps.config.catalog);
    // One identity module, shared by the guard and the case engine's staff lookup (ADR 0010).
    const auth = AuthModule.register(deps.config);
    return {
      module: AppModule,
      imports: [
        CoreModule.register(deps),
        catalog,
        CalendarModule.forRoot({ clock: deps.clock }),
        CaseModule.forRoot({
          imports: [catalog, auth],
          eventStore: { useExisting: EVENT_STORE },
          calendar: { useExisting: CalendarService },
          clock: { useExisting: CLOCK },
          policy: casePolicyFor(deps.config),
          staff: { useExisting: UsersStore },
        }),
        auth,
        ReadSideModule.withCatalog(catalog),
      ],
      controllers: CONTROLLERS,
      providers: [
        { provide: PROBLEM_MAPPERS, useValue: mappers },
        ProblemDetailsFilter,
        { provide: APP_FILTER, useExisting: ProblemDetailsFilter },
        ReadSideLifecycle,
        CaseDetailService,
        VerifyTracker,
        Metrics,
        AnchorService,
        ...BLOB_PROVIDERS,
        {
          provide: SHUTDOWN_STEPS,
          useFactory: (readSide: ReadSideLifecycle, anchors: AnchorService) => [anchors, readSide],
          inject: [ReadSideLifecycle, AnchorService],
        },
        ShutdownCoordinator,
        ...PUBLIC_PROVIDERS,
        ...APPOINTMENT_PROVIDERS,
      ],
    };
  }
}
