import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
  Optional,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore, type Subscription } from '@one-window/event-store';
import { type Actor, type Clock, systemClock } from '@one-window/shared';
import { CALENDAR_STREAM, type YearLoad } from '../store/calendar-events.js';
import { CalendarStore } from '../store/calendar-store.js';
import { WorkingCalendar } from '../working-calendar.js';
import { CALENDAR_CLOCK } from './calendar.tokens.js';

/**
 * Holds the current WorkingCalendar for synchronous use by handlers and projections, and keeps
 * it current: after a load here, and after a load by another server instance (it follows the
 * calendar-years stream on the global log).
 */
@Injectable()
export class CalendarService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CalendarService.name);
  private readonly store: CalendarStore;
  private current?: WorkingCalendar;
  private currentPosition = -1;
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Optional() @Inject(CALENDAR_CLOCK) clock?: Clock,
  ) {
    this.store = new CalendarStore(events, clock ?? systemClock);
  }

  async onModuleInit(): Promise<void> {
    const head = await this.events.headPosition();
    await this.refresh();
    this.subscription = this.events.subscribeToAll({
      fromPosition: head ?? 'start',
      filter: { streamNamePrefixes: [CALENDAR_STREAM] },
    });
    void this.follow(this.subscription);
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.unsubscribe();
  }

  /** The calendar as of the latest loads. Before start-up has read the store: chinese-days alone. */
  calendar(): WorkingCalendar {
    return (this.current ??= WorkingCalendar.create());
  }

  /** Validates, appends a calendar.YearLoaded event, and switches to the new calendar. */
  async loadYear(schedule: unknown, actor: Actor): Promise<YearLoad> {
    const load = await this.store.loadYear(schedule, actor);
    await this.refresh();
    return load;
  }

  /** Every load, oldest first: the audit trail. */
  history(): Promise<YearLoad[]> {
    return this.store.history();
  }

  async refresh(): Promise<WorkingCalendar> {
    const loads = await this.store.history();
    const position = loads.at(-1)?.position ?? -1;
    // Two refreshes can finish out of order; never go back to an older calendar.
    if (!this.current || position >= this.currentPosition) {
      this.current = WorkingCalendar.create(loads.map((load) => load.schedule));
      this.currentPosition = position;
    }
    return this.current;
  }

  private async follow(subscription: Subscription): Promise<void> {
    try {
      for await (const message of subscription) {
        if (message.kind === 'event' && message.event.position > this.currentPosition) await this.refresh();
      }
    } catch (error) {
      this.logger.error(`stopped following ${CALENDAR_STREAM}: ${(error as Error).message}`);
    }
  }
}
