import type { AppointmentEvent, BookedApplicant } from './events.js';
import { type Appointment, type HallDay, appointmentId, seatsTaken } from './hall-day.js';
import { type Slot, slotInstant } from './slots.js';

/** What an applicant or a clerk asks of one hall-day. */
export type AppointmentCommand =
  | {
      readonly type: 'Book';
      readonly slot: string;
      readonly itemCode: string;
      readonly itemName: string;
      readonly applicant: BookedApplicant;
    }
  | {
      readonly type: 'Reschedule';
      readonly appointmentId: string;
      readonly code: string;
      readonly slot: string;
    }
  | { readonly type: 'Cancel'; readonly appointmentId: string; readonly code: string }
  | { readonly type: 'Keep'; readonly appointmentId: string; readonly caseId: string }
  | { readonly type: 'MarkNoShow'; readonly appointmentId: string };

/**
 * What the decider is told, not what it looks up: the time, who acts, the slots the hall publishes
 * that day for the item (from the guide's hours and the official calendar), and a fresh code.
 */
export interface AppointmentContext {
  readonly now: Date;
  /** The user id of the clerk, `applicant`, or `timer`. */
  readonly by: string;
  readonly slots: readonly Slot[];
  /** Six characters for a new booking. */
  readonly code: string;
  /** The China date of `now`. */
  readonly today: string;
  /** The last day a booking may be for. */
  readonly lastBookableDay: string;
}

/** A refusal: a code of the message catalog (`problem.<code>`), its params, and 404 or 409. */
export interface AppointmentRefusal {
  readonly code: string;
  readonly status: 404 | 409;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface Refused {
  readonly ok: false;
  readonly refusal: AppointmentRefusal;
}

export type Decision = { readonly ok: true; readonly events: readonly AppointmentEvent[] } | Refused;

const refuse = (code: string, status: 404 | 409 = 409, params?: AppointmentRefusal['params']): Refused => ({
  ok: false,
  refusal: { code: `appointment.${code}`, status, ...(params ? { params } : {}) },
});
const ok = (...events: AppointmentEvent[]): Decision => ({ ok: true, events });

/** The pure decider of one hall-day: (state, command, context) → events or a refusal. */
export function decideAppointment(
  state: HallDay,
  command: AppointmentCommand,
  ctx: AppointmentContext,
): Decision {
  const at = ctx.now.toISOString();
  switch (command.type) {
    case 'Book': {
      const open = openSlot(state, command.slot, ctx);
      if (!open.ok) return open;
      if (seatsTaken(state, command.slot) >= open.slot.capacity)
        return refuse('slot-full', 409, { slot: command.slot });
      const id = command.applicant.idNumber.toUpperCase();
      if (state.appointments.some((a) => a.status === 'booked' && a.applicant.idNumber.toUpperCase() === id))
        return refuse('already-booked');
      return ok({
        type: 'appointment.Booked',
        data: {
          appointmentId: appointmentId(state.hall, state.day, state.appointments.length + 1),
          slot: command.slot,
          itemCode: command.itemCode,
          itemName: command.itemName,
          applicant: command.applicant,
          code: ctx.code,
          bookedAt: at,
        },
      });
    }
    case 'Reschedule': {
      const found = applicantsBooking(state, command.appointmentId, command.code, ctx);
      if (!found.ok) return found;
      if (command.slot === found.appointment.slot) return ok();
      const open = openSlot(state, command.slot, ctx);
      if (!open.ok) return open;
      if (seatsTaken(state, command.slot, command.appointmentId) >= open.slot.capacity)
        return refuse('slot-full', 409, { slot: command.slot });
      return ok({
        type: 'appointment.Rescheduled',
        data: { appointmentId: command.appointmentId, from: found.appointment.slot, slot: command.slot, at },
      });
    }
    case 'Cancel': {
      const found = applicantsBooking(state, command.appointmentId, command.code, ctx);
      if (!found.ok) return found;
      return ok({
        type: 'appointment.Cancelled',
        data: { appointmentId: command.appointmentId, at, by: ctx.by },
      });
    }
    case 'Keep': {
      const a = find(state, command.appointmentId);
      if (!a) return refuse('not-found', 404);
      if (a.status === 'kept' && a.caseId === command.caseId) return ok();
      if (a.status !== 'booked' && a.status !== 'no-show') return refuse(`not-open.${a.status}`);
      if (state.day !== ctx.today) return refuse('not-today', 409, { day: state.day });
      return ok({
        type: 'appointment.Kept',
        data: { appointmentId: a.appointmentId, caseId: command.caseId, by: ctx.by, at },
      });
    }
    case 'MarkNoShow': {
      const a = find(state, command.appointmentId);
      if (!a) return refuse('not-found', 404);
      if (a.status === 'no-show') return ok();
      if (a.status !== 'booked') return refuse(`not-open.${a.status}`);
      const slot = ctx.slots.find((s) => s.start === a.slot);
      const end = slotInstant(state.day, slot?.end ?? '23:59');
      if (ctx.now < end) return refuse('not-over', 409, { slot: a.slot });
      return ok({ type: 'appointment.NoShow', data: { appointmentId: a.appointmentId, by: ctx.by, at } });
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown appointment command ${JSON.stringify(unknown)}`);
    }
  }
}

function find(state: HallDay, id: string): Appointment | undefined {
  return state.appointments.find((a) => a.appointmentId === id);
}

/** A slot the hall publishes that day, not begun yet, within the booking window. */
function openSlot(state: HallDay, slot: string, ctx: AppointmentContext): { ok: true; slot: Slot } | Refused {
  if (state.day > ctx.lastBookableDay) return refuse('too-far-ahead', 409, { day: ctx.lastBookableDay });
  const published = ctx.slots.find((s) => s.start === slot);
  if (!published) return refuse('no-such-slot', 409, { slot });
  if (slotInstant(state.day, slot) <= ctx.now) return refuse('slot-passed', 409, { slot });
  return { ok: true, slot: published };
}

/**
 * The applicant's own open booking: a wrong code answers like an unknown id (404), so the code,
 * not the guessable id, is what opens a booking. A booking whose slot has begun can no longer change.
 */
function applicantsBooking(
  state: HallDay,
  id: string,
  code: string,
  ctx: AppointmentContext,
): { ok: true; appointment: Appointment } | Refused {
  const a = find(state, id);
  if (!a || !sameCode(a.code, code)) return refuse('not-found', 404);
  if (a.status !== 'booked') return refuse(`not-open.${a.status}`);
  if (slotInstant(state.day, a.slot) <= ctx.now) return refuse('slot-passed', 409, { slot: a.slot });
  return { ok: true, appointment: a };
}

/** The code as typed (any case, spaces around) against the stored one, in time independent of where they differ. */
export function sameCode(stored: string, given: string): boolean {
  const a = stored.toUpperCase();
  const b = given.trim().toUpperCase();
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
