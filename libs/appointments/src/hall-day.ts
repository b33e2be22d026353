import type { AppointmentEvent, BookedApplicant } from './events.js';

export type AppointmentStatus = 'booked' | 'cancelled' | 'kept' | 'no-show';

export interface Appointment {
  readonly appointmentId: string;
  readonly hall: string;
  readonly day: string;
  readonly slot: string;
  readonly itemCode: string;
  readonly itemName: string;
  readonly applicant: BookedApplicant;
  readonly code: string;
  readonly status: AppointmentStatus;
  readonly caseId: string | null;
}

/** One hall's appointments on one day, folded from its stream. */
export interface HallDay {
  readonly hall: string;
  readonly day: string;
  readonly appointments: readonly Appointment[];
}

const STREAM_PREFIX = 'appointments-';

export function hallDayStream(hall: string, day: string): string {
  return `${STREAM_PREFIX}${hall}-${day}`;
}

/**
 * An appointment's number names its stream: the hall's id without `hall-`, the day, and n counting
 * the day's bookings from 1, e.g. `150102-20260302-3` for `hall-150102` (digits the applicant reads
 * out at the window, no English word on a Chinese screen).
 */
export function appointmentId(hall: string, day: string, n: number): string {
  if (!hall.startsWith('hall-')) throw new Error(`a hall id starts with "hall-", not "${hall}"`);
  return `${hall.slice('hall-'.length)}-${day.replaceAll('-', '')}-${n}`;
}

export function parseAppointmentId(id: string): { hall: string; day: string; n: number } | undefined {
  const m = /^([a-z0-9][a-z0-9-]{0,79})-(\d{4})(\d{2})(\d{2})-([1-9]\d{0,4})$/.exec(id);
  if (!m) return undefined;
  const day = `${m[2]}-${m[3]}-${m[4]}`;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return undefined;
  return { hall: `hall-${m[1]}`, day, n: Number(m[5]) };
}

export function emptyHallDay(hall: string, day: string): HallDay {
  return { hall, day, appointments: [] };
}

export function evolveHallDay(state: HallDay, event: AppointmentEvent): HallDay {
  const change = (id: string, patch: Partial<Appointment>): HallDay => ({
    ...state,
    appointments: state.appointments.map((a) => (a.appointmentId === id ? { ...a, ...patch } : a)),
  });
  switch (event.type) {
    case 'appointment.Booked': {
      const d = event.data;
      return {
        ...state,
        appointments: [
          ...state.appointments,
          {
            appointmentId: d.appointmentId,
            hall: state.hall,
            day: state.day,
            slot: d.slot,
            itemCode: d.itemCode,
            itemName: d.itemName,
            applicant: d.applicant,
            code: d.code,
            status: 'booked',
            caseId: null,
          },
        ],
      };
    }
    case 'appointment.Rescheduled':
      return change(event.data.appointmentId, { slot: event.data.slot });
    case 'appointment.Cancelled':
      return change(event.data.appointmentId, { status: 'cancelled' });
    case 'appointment.Kept':
      return change(event.data.appointmentId, { status: 'kept', caseId: event.data.caseId });
    case 'appointment.NoShow':
      return change(event.data.appointmentId, { status: 'no-show' });
    default: {
      const unknown: never = event;
      throw new Error(`unknown appointment event ${JSON.stringify(unknown)}`);
    }
  }
}

export function foldHallDay(hall: string, day: string, events: readonly AppointmentEvent[]): HallDay {
  return events.reduce(evolveHallDay, emptyHallDay(hall, day));
}

/** Seats taken in a slot: booked and kept appointments (a cancelled seat is free again). */
export function seatsTaken(state: HallDay, slot: string, except?: string): number {
  return state.appointments.filter(
    (a) => a.slot === slot && a.appointmentId !== except && (a.status === 'booked' || a.status === 'kept'),
  ).length;
}
