import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type AppointmentCommand,
  type AppointmentEvent,
  type AppointmentRefusal,
  type HallDay,
  type Slot,
  decideAppointment,
  evolveHallDay,
  foldHallDay,
  hallDayStream,
  parseAppointmentId,
  publishedSlots,
  seatsTaken,
} from '@one-window/appointments';
import { addNaturalDays, chinaDate } from '@one-window/calendar';
import { CalendarService } from '@one-window/calendar/nest';
import { drawQueryCode } from '@one-window/case';
import { Catalog, Directory, type ServiceGuide } from '@one-window/catalog';
import {
  EVENT_STORE,
  type EventStore,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '@one-window/event-store';
import type { Clock } from '@one-window/shared';
import { type ProblemError, problems } from '../problem/problem-details.js';
import type { ServerConfig } from '../config/server-config.js';
import { CLOCK, SERVER_CONFIG } from '../tokens.js';

/** A hall-day's appends are retried this often when another write got there first. */
const MAX_TRIES = 8;

export interface OpenSlot extends Slot {
  readonly left: number;
}

/**
 * The Nest edge of the appointments decider (ADR 17): reads a hall-day's stream, folds it, asks
 * the pure decider with what it looked up (calendar, guide, clock, a fresh code), and appends the
 * decision with the revision it read. A lost race is read and decided again, so the last seat
 * goes to one booking and the other is refused as full.
 */
@Injectable()
export class AppointmentsService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly catalog: Catalog,
    private readonly directory: Directory,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  today(): string {
    return chinaDate(this.clock.now());
  }

  /** Items that take appointments (办事指南 预约办理) and that the hall receives. */
  bookableItems(hall: string): ServiceGuide[] {
    return this.catalog.list().filter((g) => g.appointment && this.directory.reaches(g, hall));
  }

  halls() {
    return this.directory.halls().filter((h) => this.bookableItems(h.id).length > 0);
  }

  guideFor(hall: string, itemCode: string): ServiceGuide {
    const guide = this.bookableItems(hall).find((g) => g.code === itemCode);
    if (!guide) throw refusal({ code: 'appointment.not-bookable', status: 409 });
    return guide;
  }

  guideOrUndefined(itemCode: string): ServiceGuide | undefined {
    return this.catalog.find(itemCode);
  }

  /** The slots a hall publishes on a day for an item: its own seats (APPOINTMENT_HALL_SEATS) or the server's. */
  slotsOf(hall: string, day: string, guide: ServiceGuide | undefined): Slot[] {
    if (!guide) return [];
    let working: boolean;
    try {
      working = this.calendar.calendar().isWorkingDay(day);
    } catch {
      return []; // a day of a year the official calendar does not cover publishes nothing
    }
    const { halls, ...policy } = this.config.appointments;
    return publishedSlots(guide.hours, working, { ...policy, ...halls[hall] });
  }

  async hallDay(hall: string, day: string): Promise<{ state: HallDay; revision: number | typeof NO_STREAM }> {
    try {
      const recorded = await this.store.readStream(hallDayStream(hall, day));
      const events = recorded.map((e) => ({ type: e.type, data: e.data }) as AppointmentEvent);
      return { state: foldHallDay(hall, day, events), revision: recorded.at(-1)!.streamRevision };
    } catch (error) {
      if (error instanceof StreamNotFoundError)
        return { state: foldHallDay(hall, day, []), revision: NO_STREAM };
      throw error;
    }
  }

  async openSlots(hall: string, itemCode: string, day: string): Promise<OpenSlot[]> {
    const guide = this.guideFor(hall, itemCode);
    const { state } = await this.hallDay(hall, day);
    const now = this.clock.now();
    const inWindow = day >= this.today() && day <= this.lastBookableDay();
    return this.slotsOf(hall, day, guide)
      .filter(() => inWindow)
      .filter((s) => new Date(`${day}T${s.start}:00+08:00`) > now)
      .map((s) => ({ ...s, left: Math.max(0, s.capacity - seatsTaken(state, s.start)) }));
  }

  lastBookableDay(): string {
    return addNaturalDays(this.today(), this.config.appointments.bookAheadDays);
  }

  /** Decides and appends one command on a hall-day; the events it stored and the state after. */
  async execute(
    hall: string,
    day: string,
    command: AppointmentCommand,
    by: string,
    itemCode?: string,
  ): Promise<{ events: readonly AppointmentEvent[]; state: HallDay }> {
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.hallDay(hall, day);
      const code = itemCode ?? itemOf(state, command);
      const guide = code ? this.catalog.find(code) : undefined;
      const decision = decideAppointment(state, command, {
        now: this.clock.now(),
        by,
        slots: this.slotsOf(hall, day, guide),
        code: drawQueryCode(randomInt),
        today: this.today(),
        lastBookableDay: this.lastBookableDay(),
      });
      if (!decision.ok) throw refusal(decision.refusal);
      if (decision.events.length === 0) return { events: [], state };
      try {
        await this.store.appendToStream(
          hallDayStream(hall, day),
          decision.events.map((e) => ({ type: e.type, data: e.data })),
          { expectedRevision: revision },
        );
        return { events: decision.events, state: decision.events.reduce(evolveHallDay, state) };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_TRIES) throw error;
      }
    }
  }

  /** The hall-day an appointment id names; a 404 for an id that names none. */
  locate(appointmentId: string): { hall: string; day: string } {
    const parsed = parseAppointmentId(appointmentId);
    if (!parsed || !this.directory.hall(parsed.hall))
      throw refusal({ code: 'appointment.not-found', status: 404 });
    return parsed;
  }
}

function itemOf(state: HallDay, command: AppointmentCommand): string | undefined {
  if (command.type === 'Book') return command.itemCode;
  return state.appointments.find((a) => a.appointmentId === command.appointmentId)?.itemCode;
}

export function refusal(r: AppointmentRefusal): ProblemError {
  // Through the house's problems: the type is the class (`not-found`, `appointment-refused`), the
  // catalog code (`appointment.*`) and its params give the words (ADR 15).
  const detail = `The appointment cannot be made or changed: ${r.code}.`;
  const message = { code: r.code, ...(r.params ? { params: r.params } : {}) };
  return r.status === 404
    ? problems.notFound(detail, message)
    : problems.conflict('appointment-refused', 'Not possible', detail, message);
}
