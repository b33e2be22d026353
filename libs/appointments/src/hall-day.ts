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
 * An appointment's id names its stream: `<hall>-<YYYYMMDD>-<n>`, n counting the day's bookings
 * from 1 (so the id is also the order of booking), e.g. `hall-150102-20260302-3`.
 */
export function appointmentId(hall: string, day: string, n: number): string {
  return `${hall}-${day.replaceAll('-', '')}-${n}`;
}

export function parseAppointmentId(id: string): { hall: string; day: string; n: number } | undefined {
  const m = /^(hall-[a-z0-9-]{1,80})-(\d{4})(\d{2})(\d{2})-([1-9]\d{0,4})$/.exec(id);
  if (!m) return undefined;
  const day = `${m[2]}-${m[3]}-${m[4]}`;
  if (Number.isNaN(Date.parse(`${day}T00:00:00Z`))) return undefined;
  return { hall: m[1], day, n: Number(m[5]) };
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
