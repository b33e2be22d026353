import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  EVENT_STORE,
  type EventStore,
  STORAGE_FAULT_WORDS,
  type StorageFault,
  storageFault,
} from '@one-window/event-store';
import { ReadModels, type RunnerStatus } from '@one-window/read-models';
import type { FastifyReply } from 'fastify';
import { chinaDate, nextYearWarning } from '@one-window/calendar';
import { CalendarService } from '@one-window/calendar/nest';
import type { Clock } from '@one-window/shared';
import { Public } from '../auth/auth.decorators.js';
import type { ServerConfig } from '../config/server-config.js';
import { CLOCK, SERVER_CONFIG } from '../tokens.js';

/** Behind this many events the read models count as not caught up (a busy hall is never at zero). */
const READY_LAG_EVENTS = 100;
/** A failed append this recent makes the server not ready: the store cannot take commands. */
const WRITE_FAILURE_WINDOW_MS = 30_000;

interface WriteHealth {
  writeFailure(): { readonly at: number; readonly message: string } | null;
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly calendar: CalendarService,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready when the event store answers and the projections follow the log closely. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    let head: number | null = null;
    let storeError: string | undefined;
    let fault: StorageFault | undefined;
    try {
      head = await this.store.headPosition();
      // A read probe: the log's first and newest pages, parsed (a damaged file fails here, not only at append).
      if (head !== null) {
        await this.store.readAll({ fromPosition: 0, maxCount: 16 });
        await this.store.readAll({ fromPosition: Math.max(0, head - 63), maxCount: 64 });
      }
    } catch (error) {
      fault = storageFault(error);
      storeError = fault
        ? `${STORAGE_FAULT_WORDS[fault].en} (${STORAGE_FAULT_WORDS[fault].sqlite})`
        : error instanceof Error
          ? error.message
          : String(error);
    }
    const writes = this.store as EventStore & Partial<WriteHealth>;
    const failure = typeof writes.writeFailure === 'function' ? writes.writeFailure() : null;
    if (storeError === undefined && failure !== null && Date.now() - failure.at < WRITE_FAILURE_WINDOW_MS) {
      storeError = `the last append failed ${new Date(failure.at).toISOString()}: ${failure.message}`;
      fault = storageFault(failure.message);
    }
    const runner = this.readModels.runner;
    const behind = head === null ? 0 : head - (runner.position ?? -1);
    const projectionsOk = runner.status === 'live' && behind <= READY_LAG_EVENTS;
    const ok = storeError === undefined && projectionsOk;
    if (!ok) void reply.status(503).header('retry-after', '5');
    // A warning, never a failure: deadlines into that year are provisional, not refused (ADR 12).
    const calendarWarning = nextYearWarning(
      this.calendar.calendar(),
      chinaDate(this.clock.now()),
      this.config.calendarWarningFrom,
    );
    return {
      status: ok ? 'ok' : 'unavailable',
      ...(ok ? {} : { reason: notReadyReason(storeError, runner.status) }),
      warnings: calendarWarning ? [{ code: 'calendar-next-year-not-loaded', ...calendarWarning }] : [],
      checks: {
        eventStore: {
          ok: storeError === undefined,
          head,
          ...(storeError ? { error: storeError } : {}),
          ...(fault ? { fault, errorZh: STORAGE_FAULT_WORDS[fault].zh } : {}),
        },
        projections: { ok: projectionsOk, status: runner.status, position: runner.position, behind },
      },
    };
  }
}

/** Why the server is not ready, in a few words (the checks below say more). */
function notReadyReason(storeError: string | undefined, status: RunnerStatus): string {
  if (storeError !== undefined) return 'event store unavailable';
  if (status === 'failed') return 'projections failed';
  if (status === 'stopped') return 'projections stopped';
  return 'catching up';
}
