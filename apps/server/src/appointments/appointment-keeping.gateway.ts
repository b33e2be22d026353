import { Injectable } from '@nestjs/common';
import type { CaseCommand } from '@one-window/case';
import { type Actor, nameUuid } from '@one-window/shared';
import { CaseCommandGateway } from '../cases/case-command.gateway.js';
import type { CommandAnswerDto } from '../cases/command-answer.dto.js';
import { EngineCaseCommandGateway } from '../cases/engine-case-command.gateway.js';
import type { CommandRequest } from '../http/idempotency-key.js';
import { AppointmentsService, refusal } from './appointments.service.js';

/**
 * A receipt that names an appointment (`appointmentId`) is checked against it first — the hall's,
 * today's, still open, for the same item — and the appointment is marked kept with the case once
 * the receipt is stored. Two streams, so two appends: a receipt stored and its keep lost (a crash
 * between them) is kept by repeating the request (the same Idempotency-Key names the same case id,
 * `nameUuid('case', commandId)` as the executor makes it), and a no-show gives way to a later keep (ADR 17).
 */
@Injectable()
export class AppointmentKeepingGateway extends CaseCommandGateway {
  constructor(
    private readonly engine: EngineCaseCommandGateway,
    private readonly appointments: AppointmentsService,
  ) {
    super();
  }

  async send(command: CaseCommand, actor: Actor, request: CommandRequest): Promise<CommandAnswerDto> {
    if (command.type !== 'ReceiveApplication' || !command.appointmentId)
      return this.engine.send(command, actor, request);
    const appointmentId = command.appointmentId;
    const { hall, day } = this.appointments.locate(appointmentId);
    if (hall !== (command.hall ?? actor.hall)) throw refusal({ code: 'appointment.not-found', status: 404 });
    const { state } = await this.appointments.hallDay(hall, day);
    const booking = state.appointments.find((a) => a.appointmentId === appointmentId);
    if (!booking) throw refusal({ code: 'appointment.not-found', status: 404 });
    if (
      booking.status === 'cancelled' ||
      (booking.status === 'kept' && booking.caseId !== nameUuid('case', request.commandId))
    )
      throw refusal({ code: `appointment.not-open.${booking.status}`, status: 409 });
    if (day !== this.appointments.today())
      throw refusal({ code: 'appointment.not-today', status: 409, params: { day } });
    if (booking.itemCode !== command.itemCode)
      throw refusal({ code: 'appointment.other-item', status: 409, params: { item: booking.itemName } });
    const answer = await this.engine.send(command, actor, request);
    await this.appointments.execute(
      hall,
      day,
      { type: 'Keep', appointmentId, caseId: answer.caseId },
      actor.userId,
    );
    return answer;
  }
}
