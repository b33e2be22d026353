import type { Provider, Type } from '@nestjs/common';
import { CaseCommandGateway } from '../cases/case-command.gateway.js';
import { EngineCaseCommandGateway } from '../cases/engine-case-command.gateway.js';
import { AppointmentKeepingGateway } from './appointment-keeping.gateway.js';
import { AppointmentsController } from './appointments.controller.js';
import { AppointmentsService } from './appointments.service.js';
import { NoShowSweeper } from './no-show-sweeper.js';

/**
 * 预约 (issue 13 item 3, ADR 17): the pure decider is `@one-window/appointments`; here its Nest
 * edge, and the case gateway that keeps an appointment when a receipt names it.
 */
export const APPOINTMENT_CONTROLLERS: Type[] = [AppointmentsController];
export const APPOINTMENT_PROVIDERS: Provider[] = [
  AppointmentsService,
  NoShowSweeper,
  EngineCaseCommandGateway,
  { provide: CaseCommandGateway, useClass: AppointmentKeepingGateway },
];
