import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Appointment, type HallDay, sameCode } from '@one-window/appointments';
import type { Actor, Clock } from '@one-window/shared';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators.js';
import { ApiProblems } from '../problem/api-problems.decorator.js';
import { problems } from '../problem/problem-details.js';
import { PublicLimits } from '../public/public-limits.js';
import { CLOCK } from '../tokens.js';
import { BookDto, BookingRefDto, ChangeDto, DayQueryDto, SlotQueryDto } from './appointments.dto.js';
import { AppointmentsService, refusal } from './appointments.service.js';

/** What the applicant sees of a booking: never the ID number, the phone or the code. */
function bookingView(a: Appointment, hallName: string) {
  return {
    appointmentId: a.appointmentId,
    hall: a.hall,
    hallName,
    day: a.day,
    slot: a.slot,
    itemCode: a.itemCode,
    itemName: a.itemName,
    status: a.status,
  };
}

/** 预约办理 (Regulation Art. 10, 31–32; issue 13 item 3): the public booking routes and the desk's list. */
@ApiTags('appointments')
@ApiProblems()
@Controller()
export class AppointmentsController {
  constructor(
    private readonly appointments: AppointmentsService,
    private readonly limits: PublicLimits,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private hallName(hall: string): string {
    return this.appointments.halls().find((h) => h.id === hall)?.name ?? hall;
  }

  private take(request: FastifyRequest): void {
    this.limits.take(request, this.clock.now());
  }

  @Public()
  @Get('api/public/appointments/options')
  @ApiOperation({ summary: 'halls that take appointments, their bookable items, and the booking window' })
  options(@Req() request: FastifyRequest) {
    this.take(request);
    return {
      today: this.appointments.today(),
      lastDay: this.appointments.lastBookableDay(),
      halls: this.appointments.halls().map((h) => ({
        id: h.id,
        name: h.name,
        items: this.appointments.bookableItems(h.id).map((g) => ({ code: g.code, name: g.name })),
      })),
    };
  }

  @Public()
  @Get('api/public/appointments/slots')
  @ApiOperation({
    summary:
      'the slots a hall publishes for an item on a day, with seats left: the guide’s hours, 早晚弹性办 an hour before and after on working days, 预约服务 on rest days',
  })
  async slots(@Query() query: SlotQueryDto, @Req() request: FastifyRequest) {
    this.take(request);
    return { day: query.day, slots: await this.appointments.openSlots(query.hall, query.item, query.day) };
  }

  @Public()
  @Post('api/public/appointments')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'books a slot (no sign-in); answers the appointment number and the code to change or cancel it with. 409 appointment.slot-full when the last seat went',
  })
  @ApiOkResponse({ description: '{appointmentId, code, hallName, day, slot, itemName, status}' })
  async book(@Body() body: BookDto, @Req() request: FastifyRequest) {
    this.take(request);
    const guide = this.appointments.guideFor(body.hall, body.itemCode);
    const { events, state } = await this.appointments.execute(
      body.hall,
      body.day,
      {
        type: 'Book',
        slot: body.slot,
        itemCode: guide.code,
        itemName: guide.name,
        applicant: { ...body.applicant, idNumber: body.applicant.idNumber.toUpperCase() },
      },
      'applicant',
      guide.code,
    );
    const booked = events[0];
    if (booked?.type !== 'appointment.Booked') throw new Error('a booking stored no appointment.Booked');
    const a = state.appointments.find((x) => x.appointmentId === booked.data.appointmentId)!;
    return { ...bookingView(a, this.hallName(a.hall)), code: booked.data.code };
  }

  @Public()
  @Post('api/public/appointments/check')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'an applicant’s booking by its number and code (a wrong code answers 404 like an unknown number)',
  })
  async check(@Body() body: BookingRefDto, @Req() request: FastifyRequest) {
    this.take(request);
    const a = await this.ownBooking(body);
    return bookingView(a, this.hallName(a.hall));
  }

  @Public()
  @Post('api/public/appointments/change')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'moves a booking to another slot; to another day: the new day is booked first, then the old booking cancelled (two hall-day streams, two appends)',
  })
  async change(@Body() body: ChangeDto, @Req() request: FastifyRequest) {
    this.take(request);
    const { hall, day } = this.appointments.locate(body.appointmentId);
    if (!body.day || body.day === day) {
      const { state } = await this.appointments.execute(
        hall,
        day,
        { type: 'Reschedule', appointmentId: body.appointmentId, code: body.code, slot: body.slot },
        'applicant',
      );
      const a = state.appointments.find((x) => x.appointmentId === body.appointmentId)!;
      return { ...bookingView(a, this.hallName(hall)), code: body.code };
    }
    const old = await this.ownBooking(body);
    if (old.status !== 'booked') throw refusal({ code: `appointment.not-open.${old.status}`, status: 409 });
    const { events, state } = await this.appointments.execute(
      hall,
      body.day,
      {
        type: 'Book',
        slot: body.slot,
        itemCode: old.itemCode,
        itemName: old.itemName,
        applicant: old.applicant,
      },
      'applicant',
      old.itemCode,
    );
    await this.appointments.execute(
      hall,
      day,
      { type: 'Cancel', appointmentId: body.appointmentId, code: body.code },
      'applicant',
    );
    const booked = events[0];
    if (booked?.type !== 'appointment.Booked') throw new Error('a booking stored no appointment.Booked');
    const a = state.appointments.find((x) => x.appointmentId === booked.data.appointmentId)!;
    return { ...bookingView(a, this.hallName(hall)), code: booked.data.code };
  }

  @Public()
  @Post('api/public/appointments/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'cancels a booking before its slot begins; the seat is free again' })
  async cancel(@Body() body: BookingRefDto, @Req() request: FastifyRequest) {
    this.take(request);
    const { hall, day } = this.appointments.locate(body.appointmentId);
    const { state } = await this.appointments.execute(
      hall,
      day,
      { type: 'Cancel', appointmentId: body.appointmentId, code: body.code },
      'applicant',
    );
    const a = state.appointments.find((x) => x.appointmentId === body.appointmentId)!;
    return bookingView(a, this.hallName(hall));
  }

  @Get('api/appointments')
  @ApiBearerAuth()
  @Roles('clerk')
  @ApiOperation({ summary: 'the clerk’s hall’s appointments of a day (today by default), by slot' })
  async list(@Query() query: DayQueryDto, @CurrentActor() actor: Actor) {
    const hall = this.hallOf(actor);
    const day = query.day ?? this.appointments.today();
    const { state } = await this.appointments.hallDay(hall, day);
    return { hall, day, items: deskList(state, this.appointments, day) };
  }

  @Post('api/appointments/:appointmentId/no-show')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('clerk')
  @ApiOperation({ summary: 'marks a booking of the clerk’s hall a no-show, once its slot is over' })
  async noShow(@Param('appointmentId') appointmentId: string, @CurrentActor() actor: Actor) {
    const { hall, day } = this.appointments.locate(appointmentId);
    if (hall !== this.hallOf(actor)) throw refusal({ code: 'appointment.not-found', status: 404 });
    const { state } = await this.appointments.execute(
      hall,
      day,
      { type: 'MarkNoShow', appointmentId },
      actor.userId,
    );
    return deskList(state, this.appointments, day).find((a) => a.appointmentId === appointmentId);
  }

  private hallOf(actor: Actor): string {
    if (!actor.hall) throw problems.forbidden('Only a clerk of a hall sees its appointments.');
    return actor.hall;
  }

  private async ownBooking(body: BookingRefDto): Promise<Appointment> {
    const { hall, day } = this.appointments.locate(body.appointmentId);
    const { state } = await this.appointments.hallDay(hall, day);
    const a = state.appointments.find((x) => x.appointmentId === body.appointmentId);
    if (!a || !sameCode(a.code, body.code)) throw refusal({ code: 'appointment.not-found', status: 404 });
    return a;
  }
}

/** The desk's view: every booking of the day with the applicant, in slot order. */
function deskList(state: HallDay, service: AppointmentsService, day: string) {
  return [...state.appointments]
    .sort(
      (a, b) =>
        a.slot.localeCompare(b.slot) ||
        a.appointmentId.localeCompare(b.appointmentId, 'en', { numeric: true }),
    )
    .map((a) => {
      const slot = service
        .slotsOf(a.hall, day, service.guideOrUndefined(a.itemCode))
        .find((s) => s.start === a.slot);
      return {
        appointmentId: a.appointmentId,
        slot: a.slot,
        end: slot?.end ?? null,
        kind: slot?.kind ?? null,
        itemCode: a.itemCode,
        itemName: a.itemName,
        applicant: a.applicant,
        status: a.status,
        caseId: a.caseId,
      };
    });
}
