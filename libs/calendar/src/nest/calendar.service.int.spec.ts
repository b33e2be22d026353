import { Global, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { EVENT_STORE, type EmbeddedEventStore } from '@one-window/event-store';
import { openTempEventStore } from '../../../event-store/src/testing/temp-store.js';
import { openForTests } from '../../../../test/support/open-for-tests.js';
import { type Actor, ManualClock } from '@one-window/shared';
import { CalendarPermissionError, InvalidYearScheduleError } from '../errors.js';
import { CalendarStore } from '../store/calendar-store.js';
import type { YearSchedule } from '../year-schedule.js';
import { CalendarModule } from './calendar.module.js';
import { CalendarService } from './calendar.service.js';
import { withStatutoryHolidays } from '../testing/statutory-schedule.js';

const admin: Actor = { userId: 'admin-1', name: 'Calendar Admin', role: 'admin' };
/** A made-up 2027 for tests: not the State Council's schedule. */
const test2027: YearSchedule = withStatutoryHolidays({
  year: 2027,
  holidays: ['2027-01-01'],
  workingWeekends: [],
  source: 'test fixture',
});

async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('CalendarService (Nest, real embedded store)', () => {
  const temp = openForTests('each', () => openTempEventStore());
  let store: EmbeddedEventStore;
  let app: TestingModule;
  let service: CalendarService;

  beforeEach(async () => {
    store = temp.current();
    @Global()
    @Module({ providers: [{ provide: EVENT_STORE, useValue: store }], exports: [EVENT_STORE] })
    class StoreModule {}
    app = await Test.createTestingModule({
      imports: [StoreModule, CalendarModule.forRoot({ clock: new ManualClock('2026-11-20T02:00:00Z') })],
    }).compile();
    await app.init();
    service = app.get(CalendarService);
  });
  afterEach(() => app.close());

  it('starts from the store and switches to a newly loaded year at once', async () => {
    expect(service.calendar().covers(2027)).toBe(false);
    const load = await service.loadYear(test2027, admin);
    expect(load.at).toBe('2026-11-20T02:00:00.000Z');
    expect(service.calendar().covers(2027)).toBe(true);
    expect(service.calendar().addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect((await service.history()).map((l) => l.schedule.year)).toEqual([2027]);
  });

  it('picks up a year another instance loads into the same store', async () => {
    await new CalendarStore(store).loadYear(test2027, admin);
    await eventually(() => service.calendar().covers(2027));
  });

  it('refuses an invalid schedule and a non-administrator, keeping the calendar as it was', async () => {
    await expect(service.loadYear({ ...test2027, holidays: [] }, admin)).rejects.toThrow(
      InvalidYearScheduleError,
    );
    await expect(service.loadYear(test2027, { ...admin, role: 'clerk' })).rejects.toThrow(
      CalendarPermissionError,
    );
    expect(service.calendar().covers(2027)).toBe(false);
  });
});
