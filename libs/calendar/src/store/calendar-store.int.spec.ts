import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore, StreamNotFoundError } from '@one-window/event-store';
import { type Actor, ManualClock } from '@one-window/shared';
import { CalendarCoverageError, CalendarPermissionError, InvalidYearScheduleError } from '../errors.js';
import type { YearSchedule } from '../year-schedule.js';
import { CALENDAR_STREAM } from './calendar-events.js';
import { CalendarStore } from './calendar-store.js';
import { withStatutoryHolidays } from '../testing/statutory-schedule.js';

const admin: Actor = { userId: 'admin-1', name: 'Calendar Admin', role: 'admin' };
const clerk: Actor = { userId: 'clerk-1', name: 'Window Clerk', role: 'clerk', hall: '150102' };
/** A made-up 2027 for tests: not the State Council's schedule. */
const first2027: YearSchedule = withStatutoryHolidays({
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  workingWeekends: [],
  source: 'test fixture one',
});
const second2027: YearSchedule = withStatutoryHolidays({
  ...first2027,
  holidays: ['2027-01-01', '2027-01-04'],
  source: 'test fixture two',
});

describe('CalendarStore on the embedded event store (loading a year is an auditable event)', () => {
  let dir: string;
  let store: EmbeddedEventStore;
  const clock = new ManualClock('2026-11-20T02:00:00Z');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'calendar-store-'));
    store = await EmbeddedEventStore.open({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with nothing loaded, the calendar is chinese-days alone and 2027 is uncovered', async () => {
    const calendars = new CalendarStore(store, clock);
    expect(await calendars.history()).toEqual([]);
    const calendar = await calendars.calendar();
    expect(calendar.coverage().years.at(-1)).toBe(2026);
    expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(CalendarCoverageError);
  });

  it('appends calendar.YearLoaded with the schedule, the actor and the time to calendar-years', async () => {
    const load = await new CalendarStore(store, clock).loadYear(first2027, admin);
    expect(load).toMatchObject({
      schedule: first2027,
      actor: admin,
      at: '2026-11-20T02:00:00.000Z',
      streamRevision: 0,
    });
    const [event] = await store.readStream(CALENDAR_STREAM);
    expect(event).toMatchObject({
      type: 'calendar.YearLoaded',
      data: first2027,
      metadata: { actor: admin, at: '2026-11-20T02:00:00.000Z' },
    });
  });

  it('a loaded year survives a restart and covers the deadline computation', async () => {
    await new CalendarStore(store, clock).loadYear(first2027, admin);
    await store.close();
    store = await EmbeddedEventStore.open({ dataDir: dir });
    const calendar = await new CalendarStore(store).calendar();
    expect(calendar.covers(2027)).toBe(true);
    expect(calendar.addWorkingDays('2026-12-30', 2)).toBe('2027-01-04');
    expect(calendar.coverage().byYear.at(-1)).toEqual({
      year: 2027,
      kind: 'loaded',
      source: 'test fixture one',
    });
  });

  it('the latest load of a year wins, and the history keeps both loads', async () => {
    const calendars = new CalendarStore(store, clock);
    await calendars.loadYear(first2027, admin);
    clock.advance(3_600_000);
    await calendars.loadYear(second2027, admin);
    const calendar = await calendars.calendar();
    expect(calendar.isWorkingDay('2027-01-04')).toBe(false);
    expect(calendar.addWorkingDays('2026-12-30', 2)).toBe('2027-01-05');
    expect((await calendars.history()).map((load) => [load.schedule.source, load.at])).toEqual([
      ['test fixture one', '2026-11-20T02:00:00.000Z'],
      ['test fixture two', '2026-11-20T03:00:00.000Z'],
    ]);
  });

  it('a loaded 2026 replaces chinese-days for 2026', async () => {
    const calendars = new CalendarStore(store, clock);
    await calendars.loadYear(
      withStatutoryHolidays({ year: 2026, holidays: ['2026-03-02'], workingWeekends: [], source: 'test' }),
      admin,
    );
    const calendar = await calendars.calendar();
    expect(calendar.isWorkingDay('2026-03-02')).toBe(false);
    expect(calendar.coverage().byYear.find((c) => c.year === 2026)?.kind).toBe('loaded');
  });

  it('an invalid schedule or a non-administrator stores nothing', async () => {
    const calendars = new CalendarStore(store, clock);
    // 《全国年节及纪念日放假办法》 Art. 2: a year holding only New Year's Day is no official schedule.
    await expect(
      calendars.loadYear(
        { year: 2027, holidays: ['2027-01-01'], workingWeekends: [], source: 'test' },
        admin,
      ),
    ).rejects.toThrow(/2027-02-05, Spring Festival/);
    await expect(
      calendars.loadYear({ ...first2027, workingWeekends: ['2027-01-05'] }, admin),
    ).rejects.toThrow(InvalidYearScheduleError);
    await expect(calendars.loadYear(first2027, clerk)).rejects.toThrow(CalendarPermissionError);
    await expect(store.readStream(CALENDAR_STREAM)).rejects.toThrow(StreamNotFoundError);
  });
});
