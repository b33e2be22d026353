import { hallDayStream, DEFAULT_SLOT_POLICY } from '@one-window/appointments';
import { ManualClock, residentIdCheckDigit } from '@one-window/shared';
import { NoShowSweeper } from '../../src/appointments/no-show-sweeper.js';
import { DEMO_ITEMS, foodLicenceReceipt } from '../support/api-world.js';
import { call } from '../support/http.js';
import { type TestServer, startTestServer } from '../support/test-server.js';
import { serveApi } from '../support/suites.js';

interface SlotRow {
  start: string;
  kind: string;
  left: number;
  capacity: number;
}
interface DeskRow {
  appointmentId: string;
  status: string;
  caseId: string | null;
}

/** 预约办理 over real HTTP (issue 13 item 3): slots on the official calendar, races, the desk, no-shows. */
describe('appointments', () => {
  // Monday 2 March 2026, 09:30 in China.
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const hall = 'hall-150102';
  const item = DEMO_ITEMS.foodBusinessLicence;
  const { server, w } = serveApi({ clock });
  let ids = 0;
  const zh = { 'accept-language': 'zh-CN' };
  const post = (path: string, body: unknown) => call(server.base, 'POST', path, { body, headers: zh });
  const get = (path: string) => call(server.base, 'GET', path, { headers: zh });
  const residentId = (first17: string) => first17 + residentIdCheckDigit(first17);
  const person = () => ({
    name: '赵丽',
    phone: '13900000000',
    idNumber: residentId(`15010219900101${String(++ids).padStart(3, '0')}`),
  });
  const book = (day: string, slot: string, applicant = person()) =>
    post('/api/public/appointments', { hall, itemCode: item, day, slot, applicant });

  it('publish the guide’s hours with 早晚弹性办 on a working day and 预约服务 on a rest day', async () => {
    const options = await get('/api/public/appointments/options');
    expect(options.status).toBe(200);
    expect(options.body).toMatchObject({ today: '2026-03-02', lastDay: '2026-03-16' });
    const ours = options.body.halls.find((h: { id: string }) => h.id === hall);
    expect(ours.items.map((i: { code: string }) => i.code)).toContain(item);
    const tuesday = await get(`/api/public/appointments/slots?hall=${hall}&item=${item}&day=2026-03-03`);
    expect(tuesday.body.slots.map((s: SlotRow) => `${s.start} ${s.kind} ${s.left}`)).toEqual([
      '08:00 flex 2',
      '09:00 regular 4',
      '10:00 regular 4',
      '11:00 regular 4',
      '13:30 regular 4',
      '14:30 regular 4',
      '15:30 regular 4',
      '16:30 regular 4',
      '17:30 flex 2',
    ]);
    const saturday = await get(`/api/public/appointments/slots?hall=${hall}&item=${item}&day=2026-03-07`);
    expect(new Set(saturday.body.slots.map((s: SlotRow) => `${s.kind} ${s.capacity}`))).toEqual(
      new Set(['rest-day 1']),
    );
    // Today's slots that have begun are not offered; beyond the window nothing is.
    const today = await get(`/api/public/appointments/slots?hall=${hall}&item=${item}&day=2026-03-02`);
    expect(today.body.slots[0].start).toBe('10:00');
    const far = await get(`/api/public/appointments/slots?hall=${hall}&item=${item}&day=2026-03-17`);
    expect(far.body.slots).toEqual([]);
    const notBookable = await get(
      `/api/public/appointments/slots?hall=${hall}&item=${DEMO_ITEMS.individualBusinessRegistration}&day=2026-03-03`,
    );
    expect(notBookable.status).toBe(409);
  });

  it('give the last seat to exactly one of several bookings at once; the others are told it is full, in Chinese', async () => {
    expect((await book('2026-03-03', '17:30')).status).toBe(201);
    const lastOfTwo = await Promise.all([book('2026-03-03', '17:30'), book('2026-03-03', '17:30')]);
    expect(lastOfTwo.map((a) => a.status).sort()).toEqual([201, 409]);
    const onlySeat = await Promise.all(Array.from({ length: 5 }, () => book('2026-03-07', '09:00')));
    expect(onlySeat.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(onlySeat.find((a) => a.status === 409)!.body).toMatchObject({
      code: 'appointment.slot-full',
      detail: '09:00 时段已约满，请选择其他时段。',
    });
    const stored = await server.store.readStream(hallDayStream(hall, '2026-03-07'));
    expect(stored.map((e) => e.type)).toEqual(['appointment.Booked']);
    const flex = await get(`/api/public/appointments/slots?hall=${hall}&item=${item}&day=2026-03-03`);
    expect(flex.body.slots.at(-1)).toMatchObject({ start: '17:30', left: 0 });
  });

  it('refuse an ID number with a wrong check digit with a coded 400 in Chinese and English; passports are not checked', async () => {
    const wrongDigit = (idNumber: string, lang = 'zh-CN') =>
      call(server.base, 'POST', '/api/public/appointments', {
        body: {
          hall,
          itemCode: item,
          day: '2026-03-06',
          slot: '10:00',
          applicant: { ...person(), idNumber },
        },
        headers: { 'accept-language': lang },
      });
    // GB 11643's example with its last digit changed; a credit code with its check character changed.
    for (const idNumber of ['110105194912310021', '91150102MA00000018']) {
      const refused = await wrongDigit(idNumber);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({
          pointer: '#/applicant/idNumber',
          code: 'id-check-digit',
          detail: expect.stringContaining('申请人证件号码：校验码不符'),
        }),
      ]);
      expect(refused.body.detail).not.toMatch(/[A-Za-z]{4,}/);
    }
    const inEnglish = await wrongDigit('110105194912310021', 'en');
    expect(inEnglish.body.errors[0]).toMatchObject({
      code: 'id-check-digit',
      detail: expect.stringContaining('check digit'),
    });
    // A lower-case x is the same check digit; a credit code and a passport number book.
    for (const idNumber of ['11010519491231002x', '91150102MA00000017', 'E12345678'])
      expect((await wrongDigit(idNumber)).status).toBe(201);
    const stored = await server.store.readStream(hallDayStream(hall, '2026-03-06'));
    expect(stored.map((e) => e.type)).toEqual([
      'appointment.Booked',
      'appointment.Booked',
      'appointment.Booked',
    ]);
  });

  it('let the applicant change and cancel with the booking’s code only; a wrong code answers like no booking', async () => {
    const booked = await book('2026-03-04', '09:00');
    expect(booked.body).toMatchObject({
      appointmentId: '150102-20260304-1',
      code: expect.stringMatching(/^[2-9A-HJKMNP-Z]{6}$/),
      hallName: '呼和浩特市新城区政务服务大厅',
      status: 'booked',
    });
    const { appointmentId, code } = booked.body;
    const wrong = await post('/api/public/appointments/check', { appointmentId, code: 'AAAAAA' });
    const unknown = await post('/api/public/appointments/check', {
      appointmentId: `${appointmentId}9`,
      code,
    });
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    const moved = await post('/api/public/appointments/change', { appointmentId, code, slot: '14:30' });
    expect(moved.body).toMatchObject({ appointmentId, slot: '14:30', code });
    const otherDay = await post('/api/public/appointments/change', {
      appointmentId,
      code,
      day: '2026-03-05',
      slot: '10:00',
    });
    expect(otherDay.status).toBe(200);
    expect(otherDay.body).toMatchObject({
      appointmentId: '150102-20260305-1',
      day: '2026-03-05',
      slot: '10:00',
    });
    expect((await post('/api/public/appointments/check', { appointmentId, code })).body.status).toBe(
      'cancelled',
    );
    const ref = { appointmentId: otherDay.body.appointmentId, code: otherDay.body.code };
    const cancelled = await post('/api/public/appointments/cancel', ref);
    expect(cancelled.body.status).toBe('cancelled');
    const again = await post('/api/public/appointments/cancel', ref);
    expect(again.body).toMatchObject({ code: 'appointment.not-open.cancelled', detail: '该预约已取消。' });
  });

  it('show the clerk today’s bookings; a receipt with one keeps it, and a second receipt with it writes nothing', async () => {
    const booked = (
      await book('2026-03-02', '10:00', {
        name: '钱伟',
        phone: '13700000000',
        idNumber: '91150102MA00000017',
      })
    ).body;
    const today = await w.read('clerk1', '/api/appointments');
    expect(today).toMatchObject({ hall, day: '2026-03-02' });
    expect(today.items).toContainEqual(
      expect.objectContaining({
        appointmentId: booked.appointmentId,
        slot: '10:00',
        end: '11:00',
        status: 'booked',
        itemName: booked.itemName,
      }),
    );
    expect((await w.read('clerk2', '/api/appointments')).items).toEqual([]);
    const otherHall = await w.as('clerk2', 'POST', '/api/cases', {
      ...foodLicenceReceipt(),
      appointmentId: booked.appointmentId,
    });
    expect(otherHall.status).toBe(404);
    const withIt = { ...foodLicenceReceipt(), appointmentId: booked.appointmentId };
    const received = (await w.as('clerk1', 'POST', '/api/cases', withIt, 'desk-key-1')).body;
    // The same request again (its Idempotency-Key) answers the first receipt and keeps nothing new.
    const repeated = await w.as('clerk1', 'POST', '/api/cases', withIt, 'desk-key-1');
    expect(repeated.body).toMatchObject({ caseId: received.caseId, written: false });
    const kept = (await w.read('clerk1', '/api/appointments')).items.find(
      (a: DeskRow) => a.appointmentId === booked.appointmentId,
    );
    expect(kept).toMatchObject({ status: 'kept', caseId: received.caseId });
    expect((await w.read('clerk1', `/api/cases/${received.caseId}`)).appointmentId).toBe(
      booked.appointmentId,
    );
    const head = await server.store.headPosition();
    const twice = await w.as('clerk1', 'POST', '/api/cases', {
      ...foodLicenceReceipt(),
      appointmentId: booked.appointmentId,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('appointment.not-open.kept');
    expect(await server.store.headPosition()).toBe(head);
    const tomorrow = (await book('2026-03-03', '09:00')).body;
    const early = await w.as('clerk1', 'POST', '/api/cases', {
      ...foodLicenceReceipt(),
      appointmentId: tomorrow.appointmentId,
    });
    expect(early.body).toMatchObject({ code: 'appointment.not-today', params: { day: '2026-03-03' } });
  });

  it('mark no-shows: the scheduler’s sweep after the slot, a clerk not before the slot is over', async () => {
    const late = (await book('2026-03-02', '11:00')).body;
    const byClerk = await w.as('clerk1', 'POST', `/api/appointments/${late.appointmentId}/no-show`);
    expect(byClerk.body).toMatchObject({ code: 'appointment.not-over', params: { slot: '11:00' } });
    const sweeper = server.app.get(NoShowSweeper);
    expect(await sweeper.sweep()).toEqual([]);
    clock.advance(2.5 * 3_600_000); // 12:00 China time: the 11:00 slot is over
    try {
      expect(await sweeper.sweep()).toEqual([late.appointmentId]);
      expect(await sweeper.sweep()).toEqual([]);
      const list = (await w.read('clerk1', '/api/appointments')).items;
      expect(list.find((a: DeskRow) => a.appointmentId === late.appointmentId).status).toBe('no-show');
      expect(list.filter((a: DeskRow) => a.status === 'kept')).toHaveLength(1);
      const stored = await server.store.readStream(hallDayStream(hall, '2026-03-02'));
      expect(stored.at(-1)).toMatchObject({ type: 'appointment.NoShow', data: { by: 'timer' } });
    } finally {
      clock.advance(-2.5 * 3_600_000);
    }
  });

  it('are in the OpenAPI document with the other public routes', async () => {
    const doc = await call(server.base, 'GET', '/api/docs-json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/public/progress',
        '/api/public/rating/check',
        '/api/public/rating',
        '/api/cases/{caseId}/rating-link',
        '/api/public/appointments/options',
        '/api/public/appointments/slots',
        '/api/public/appointments',
        '/api/public/appointments/check',
        '/api/public/appointments/change',
        '/api/public/appointments/cancel',
        '/api/appointments',
        '/api/appointments/{appointmentId}/no-show',
      ]),
    );
    expect(doc.body.components.schemas.BookDto.required).toEqual(
      expect.arrayContaining(['hall', 'itemCode', 'day', 'slot', 'applicant']),
    );
  });

  it('count every public request against the address’s limit: 429 with Retry-After', async () => {
    let answer: Awaited<ReturnType<typeof get>> | undefined;
    for (let i = 0; i < 61; i++) {
      answer = await get('/api/public/appointments/options');
      if (answer.status === 429) break;
    }
    expect(answer?.status).toBe(429);
    expect(answer?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(answer?.body.code).toBe('too-many-attempts.public');
  });
});

describe('appointment seats per hall (APPOINTMENT_HALL_SEATS)', () => {
  let server: TestServer;
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  beforeAll(async () => {
    server = await startTestServer(
      {
        appointments: {
          ...DEFAULT_SLOT_POLICY,
          halls: { 'hall-150102': { capacity: 1, flexCapacity: 0 } },
        },
      },
      { clock },
    );
  });
  afterAll(async () => server?.close());

  it('publish a hall’s own seats and hold it to them; the other halls keep the server’s', async () => {
    const item = DEMO_ITEMS.foodBusinessLicence;
    const slots = async (hall: string) =>
      (
        await call(
          server.base,
          'GET',
          `/api/public/appointments/slots?hall=${hall}&item=${item}&day=2026-03-03`,
        )
      ).body.slots as SlotRow[];
    const ours = await slots('hall-150102');
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((s) => s.kind === 'regular' && s.capacity === 1 && s.left === 1)).toBe(true);
    const options = await call(server.base, 'GET', '/api/public/appointments/options');
    const other = (options.body.halls as { id: string; items: { code: string }[] }[]).find(
      (h) => h.id !== 'hall-150102' && h.items.length > 0,
    );
    if (other) {
      const theirs = (
        await call(
          server.base,
          'GET',
          `/api/public/appointments/slots?hall=${other.id}&item=${other.items[0].code}&day=2026-03-03`,
        )
      ).body.slots as SlotRow[];
      expect(theirs.filter((s) => s.kind === 'regular').every((s) => s.capacity === 4)).toBe(true);
    }
    const book = (n: string) =>
      call(server.base, 'POST', '/api/public/appointments', {
        body: {
          hall: 'hall-150102',
          itemCode: item,
          day: '2026-03-03',
          slot: '09:00',
          applicant: {
            name: '李雷',
            phone: '13800000000',
            idNumber: `1501021990010100${n}` + residentIdCheckDigit(`1501021990010100${n}`),
          },
        },
        headers: { 'accept-language': 'zh-CN' },
      });
    const answers = await Promise.all([book('1'), book('2')]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)!.body.code).toBe('appointment.slot-full');
  });
});
