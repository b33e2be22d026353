import {
  DEFAULT_SLOT_POLICY,
  type AppointmentCommand,
  type AppointmentContext,
  type AppointmentEvent,
  decideAppointment,
  foldHallDay,
  parseAppointmentId,
  publishedSlots,
} from './index.js';

const HOURS = '工作日 9:00–12:00、13:30–17:30（法定节假日除外；演示值）';
const hall = 'hall-150102';
const day = '2026-03-03';
const slots = publishedSlots(HOURS, true);
const ctx = (now: string, code = 'K7M2QX'): AppointmentContext => ({
  now: new Date(now),
  by: 'applicant',
  slots,
  code,
  today: now.slice(0, 10),
  lastBookableDay: '2026-03-16',
});
const applicant = (idNumber: string) => ({ name: '王小明', phone: '13800000000', idNumber });
const book = (slot: string, idNumber: string): AppointmentCommand => ({
  type: 'Book',
  slot,
  itemCode: 'ITEM',
  itemName: '食品经营许可',
  applicant: applicant(idNumber),
});

/** Given the day's events, when a command, then events or a refusal. */
function when(given: readonly AppointmentEvent[], command: AppointmentCommand, context: AppointmentContext) {
  return decideAppointment(foldHallDay(hall, day, given), command, context);
}
function events(
  given: readonly AppointmentEvent[],
  command: AppointmentCommand,
  context: AppointmentContext,
) {
  const decision = when(given, command, context);
  if (!decision.ok) throw new Error(`refused: ${decision.refusal.code}`);
  return [...given, ...decision.events];
}

describe('published slots', () => {
  it('cut the guide’s hours into hour slots, with 早晚弹性办 an hour before and after on a working day', () => {
    expect(slots.map((s) => `${s.start}-${s.end} ${s.kind} ${s.capacity}`)).toEqual([
      '08:00-09:00 flex 2',
      '09:00-10:00 regular 4',
      '10:00-11:00 regular 4',
      '11:00-12:00 regular 4',
      '13:30-14:30 regular 4',
      '14:30-15:30 regular 4',
      '15:30-16:30 regular 4',
      '16:30-17:30 regular 4',
      '17:30-18:30 flex 2',
    ]);
  });

  it('publish the same hours as 预约服务 on a rest day, one seat each, and nothing for hours without times', () => {
    const rest = publishedSlots(HOURS, false);
    expect(rest.map((s) => s.start)).toEqual(['09:00', '10:00', '11:00', '13:30', '14:30', '15:30', '16:30']);
    expect(new Set(rest.map((s) => `${s.kind} ${s.capacity}`))).toEqual(new Set(['rest-day 1']));
    expect(publishedSlots('工作日上午', true)).toEqual([]);
    // A hall that offers no rest-day service publishes nothing on a rest day.
    expect(publishedSlots(HOURS, false, { ...DEFAULT_SLOT_POLICY, restDayCapacity: 0 })).toEqual([]);
  });
});

describe('the hall-day decider', () => {
  const early = '2026-03-02T01:00:00Z';

  it('books a seat until the slot is full; a cancelled seat is free again', () => {
    let log: AppointmentEvent[] = [];
    for (const id of ['1', '2']) log = events(log, book('08:00', id), ctx(early));
    expect(log.map((e) => e.type === 'appointment.Booked' && e.data.appointmentId)).toEqual([
      '150102-20260303-1',
      '150102-20260303-2',
    ]);
    expect(when(log, book('08:00', '3'), ctx(early))).toEqual({
      ok: false,
      refusal: { code: 'appointment.slot-full', status: 409, params: { slot: '08:00' } },
    });
    log = events(log, { type: 'Cancel', appointmentId: '150102-20260303-1', code: 'k7m2qx' }, ctx(early));
    expect(when(log, book('08:00', '3'), ctx(early)).ok).toBe(true);
  });

  it('refuses a second booking of the same ID number, a slot not published, begun, or too far ahead', () => {
    const log = events([], book('09:00', '15010219900101001x'), ctx(early));
    const refusal = (c: AppointmentCommand, context = ctx(early)) => {
      const d = when(log, c, context);
      return d.ok ? 'ok' : d.refusal.code;
    };
    expect(refusal(book('10:00', '15010219900101001X'))).toBe('appointment.already-booked');
    expect(refusal(book('12:00', '9'))).toBe('appointment.no-such-slot');
    expect(refusal(book('09:00', '9'), ctx('2026-03-03T01:00:00Z'))).toBe('appointment.slot-passed');
    expect(refusal(book('10:00', '9'), { ...ctx(early), lastBookableDay: '2026-03-02' })).toBe(
      'appointment.too-far-ahead',
    );
  });

  it('changes and cancels only with the booking’s code, before the slot begins', () => {
    const log = events([], book('09:00', '1'), ctx(early));
    const id = '150102-20260303-1';
    const wrong = when(log, { type: 'Cancel', appointmentId: id, code: 'AAAAAA' }, ctx(early));
    const unknown = when(log, { type: 'Cancel', appointmentId: `${id}0`, code: 'K7M2QX' }, ctx(early));
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, refusal: { code: 'appointment.not-found', status: 404 } });
    const moved = events(
      log,
      { type: 'Reschedule', appointmentId: id, code: 'K7M2QX', slot: '14:30' },
      ctx(early),
    );
    expect(foldHallDay(hall, day, moved).appointments[0].slot).toBe('14:30');
    const late = when(
      moved,
      { type: 'Cancel', appointmentId: id, code: 'K7M2QX' },
      ctx('2026-03-03T06:31:00Z'),
    );
    expect(late).toMatchObject({ ok: false, refusal: { code: 'appointment.slot-passed' } });
  });

  it('keeps a booking on its day with the case received, and marks a no-show only after the slot', () => {
    const log = events([], book('09:00', '1'), ctx(early));
    const id = '150102-20260303-1';
    const onTheDay = { ...ctx('2026-03-03T01:30:00Z'), by: 'clerk1' };
    expect(when(log, { type: 'MarkNoShow', appointmentId: id }, onTheDay)).toMatchObject({
      refusal: { code: 'appointment.not-over' },
    });
    expect(when(log, { type: 'Keep', appointmentId: id, caseId: 'c1' }, ctx(early))).toMatchObject({
      refusal: { code: 'appointment.not-today' },
    });
    const kept = events(log, { type: 'Keep', appointmentId: id, caseId: 'c1' }, onTheDay);
    expect(foldHallDay(hall, day, kept).appointments[0]).toMatchObject({ status: 'kept', caseId: 'c1' });
    const after = { ...ctx('2026-03-03T02:00:00Z'), by: 'timer' };
    expect(when(kept, { type: 'MarkNoShow', appointmentId: id }, after)).toMatchObject({
      refusal: { code: 'appointment.not-open.kept' },
    });
    const missed = events(log, { type: 'MarkNoShow', appointmentId: id }, after);
    expect(missed.at(-1)).toMatchObject({ type: 'appointment.NoShow', data: { by: 'timer' } });
    // A late applicant received after all: the no-show gives way to the case.
    expect(when(missed, { type: 'Keep', appointmentId: id, caseId: 'c1' }, onTheDay).ok).toBe(true);
  });

  it('reads its ids back, and nothing else', () => {
    expect(parseAppointmentId('150102-baoheshao-20260303-12')).toEqual({
      hall: 'hall-150102-baoheshao',
      day: '2026-03-03',
      n: 12,
    });
    for (const bad of [
      '150102-2026033-1',
      '-20260303-1',
      '150102-20260303-0',
      '150102-20261340-1',
      '150102-20260230-1',
    ])
      expect(parseAppointmentId(bad)).toBeUndefined();
  });
});
