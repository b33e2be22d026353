/** The events of one hall-day's `appointments-<hall>-<day>` stream (ADR 17). */
export interface BookedApplicant {
  readonly name: string;
  readonly phone: string;
  /** The applicant's ID number (resident ID or unified social credit code): one booking per day. */
  readonly idNumber: string;
}

export interface AppointmentBooked {
  readonly type: 'appointment.Booked';
  readonly data: {
    readonly appointmentId: string;
    readonly slot: string;
    readonly itemCode: string;
    readonly itemName: string;
    readonly applicant: BookedApplicant;
    /** Six characters the applicant changes or cancels with (drawn by the server, like the query code). */
    readonly code: string;
    readonly bookedAt: string;
  };
}

export interface AppointmentRescheduled {
  readonly type: 'appointment.Rescheduled';
  readonly data: {
    readonly appointmentId: string;
    readonly from: string;
    readonly slot: string;
    readonly at: string;
  };
}

export interface AppointmentCancelled {
  readonly type: 'appointment.Cancelled';
  readonly data: { readonly appointmentId: string; readonly at: string; readonly by: string };
}

export interface AppointmentKept {
  readonly type: 'appointment.Kept';
  readonly data: {
    readonly appointmentId: string;
    readonly caseId: string;
    readonly by: string;
    readonly at: string;
  };
}

export interface AppointmentNoShow {
  readonly type: 'appointment.NoShow';
  /** `by`: the clerk's user id, or `timer` when the scheduler marked it after the slot. */
  readonly data: { readonly appointmentId: string; readonly by: string; readonly at: string };
}

export type AppointmentEvent =
  AppointmentBooked | AppointmentRescheduled | AppointmentCancelled | AppointmentKept | AppointmentNoShow;

export const APPOINTMENT_EVENT_TYPES: readonly AppointmentEvent['type'][] = [
  'appointment.Booked',
  'appointment.Rescheduled',
  'appointment.Cancelled',
  'appointment.Kept',
  'appointment.NoShow',
];
