import { type EventStore, readStreamOrNone } from '@one-window/event-store';
import { type Actor, type Clock, systemClock } from '@one-window/shared';
import { CalendarPermissionError, InvalidYearScheduleError } from '../errors.js';
import { missingStatutoryHolidays } from '../statutory-holidays.js';
import { type CreateCalendarOptions, WorkingCalendar } from '../working-calendar.js';
import { parseYearSchedule, type YearSchedule } from '../year-schedule.js';
import {
  CALENDAR_STREAM,
  YEAR_LOADED,
  type YearLoad,
  type YearLoadedEvent,
  type YearLoadedMetadata,
} from './calendar-events.js';

/** Who may change the calendar every deadline is counted on (DOMAIN §2: the administrator). */
const MAY_LOAD: ReadonlySet<Actor['role']> = new Set(['admin']);

/**
 * Loaded years live as `calendar.YearLoaded` events in one stream, so every schedule ever used
 * stays on record with who loaded it and when. The calendar is a fold: the latest load per year wins.
 */
export class CalendarStore {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Validates and appends; the schedule is stored normalised. */
  async loadYear(input: unknown, actor: Actor): Promise<YearLoad> {
    if (!MAY_LOAD.has(actor.role)) throw new CalendarPermissionError(actor);
    const schedule = parseYearSchedule(input);
    // A schedule that lacks a statutory day off is not the State Council's (ADR 12): refused whole.
    const missing = missingStatutoryHolidays(schedule);
    if (missing.length > 0) throw new InvalidYearScheduleError(schedule.year, missing);
    const metadata: YearLoadedMetadata = { actor, at: this.clock.now().toISOString() };
    const event: YearLoadedEvent = { type: YEAR_LOADED, data: schedule, metadata };
    const { nextExpectedRevision, position } = await this.store.appendToStream(CALENDAR_STREAM, [event]);
    return { schedule, actor, at: metadata.at, streamRevision: nextExpectedRevision, position };
  }

  /** Every load, oldest first. */
  async history(): Promise<YearLoad[]> {
    const events = await readStreamOrNone(this.store, CALENDAR_STREAM);
    return events
      .filter((event) => event.type === YEAR_LOADED)
      .map((event) => {
        const metadata = event.metadata as YearLoadedMetadata;
        return {
          schedule: event.data as YearSchedule,
          actor: metadata.actor,
          at: metadata.at,
          streamRevision: event.streamRevision,
          position: event.position,
        };
      });
  }

  /** The calendar as of the latest load of each year (re-validated: a bad stored schedule fails loudly). */
  async calendar(options?: CreateCalendarOptions): Promise<WorkingCalendar> {
    return WorkingCalendar.create(
      (await this.history()).map((load) => load.schedule),
      options,
    );
  }
}
