import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { slotInstant } from '@one-window/appointments';
import { addNaturalDays } from '@one-window/calendar';
import { Directory } from '@one-window/catalog';
import type { ServerConfig } from '../config/server-config.js';
import { ProblemError } from '../problem/problem-details.js';
import { SERVER_CONFIG } from '../tokens.js';
import { AppointmentsService } from './appointments.service.js';

/** How many days back a sweep looks for bookings left open (a server down longer leaves them to a clerk). */
export const NO_SHOW_LOOK_BACK_DAYS = 7;

/**
 * Marks no-shows (ADR 17): a booking still open after its slot's end. The deadline is data — the
 * slot in the hall-day's stream — and `sweep(now)` finds every one passed, so nothing is missed
 * while the server was down; the poll (TIMER_POLL_MS, as the case timers) only says how soon.
 */
@Injectable()
export class NoShowSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NoShowSweeper.name);
  private interval: NodeJS.Timeout | undefined;
  private running: Promise<string[]> | undefined;

  constructor(
    private readonly appointments: AppointmentsService,
    private readonly directory: Directory,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.interval = setInterval(
      () => void this.sweep().catch((error: unknown) => this.logger.error(error)),
      this.config.timerPollMs,
    );
    this.interval.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.interval);
    await this.running?.catch(() => undefined);
  }

  /** Marks every booking whose slot is over; the ids marked. A sweep already running is joined. */
  sweep(): Promise<string[]> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<string[]> {
    const marked: string[] = [];
    const today = this.appointments.today();
    for (const hall of this.directory.halls()) {
      for (let back = NO_SHOW_LOOK_BACK_DAYS; back >= 0; back--) {
        const day = addNaturalDays(today, -back);
        const { state } = await this.appointments.hallDay(hall.id, day);
        for (const a of state.appointments) {
          if (a.status !== 'booked') continue;
          const slot = this.appointments
            .slotsOf(hall.id, day, this.appointments.guideOrUndefined(a.itemCode))
            .find((s) => s.start === a.slot);
          if (slotInstant(day, slot?.end ?? '23:59') > this.appointments.now()) continue;
          try {
            await this.appointments.execute(
              hall.id,
              day,
              { type: 'MarkNoShow', appointmentId: a.appointmentId },
              'timer',
            );
            marked.push(a.appointmentId);
          } catch (error) {
            // Kept or cancelled a moment ago: the decider refused, and that is the answer.
            if (!(error instanceof ProblemError)) throw error;
          }
        }
      }
    }
    return marked;
  }
}
