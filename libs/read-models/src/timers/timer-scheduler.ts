import { type Clock, systemClock } from '@one-window/shared';
import type { ReadModelDb } from '../database/read-model-database.js';
import { deterministicUuid } from './deterministic-id.js';
import type {
  CommandSender,
  DueTimer,
  ScheduledCommand,
  TickResult,
  TimerCaseCommand,
  TimerKind,
} from './timer-types.js';

export interface TimerSchedulerOptions {
  readonly db: ReadModelDb;
  readonly sender: CommandSender;
  readonly clock?: Clock;
  /** Most timers fired per tick; the rest wait for the next tick (oldest first). */
  readonly maxPerTick?: number;
  /** First back-off after a refused send; doubles up to an hour. */
  readonly retryAfterMs?: number;
}

interface DueRow {
  timer_id: string;
  kind: TimerKind;
  case_id: string;
  due_ms: number;
  command: string;
}

/**
 * Fires the deadlines the `timers` read model holds. Deadlines are data: `tick(now)` sends every
 * timer due at or before `now`, so nothing is missed while the process was down, and each
 * timer's command id is derived from the timer, so two instances (or a retry after a crash)
 * send the same command and the case handler's idempotency lets one write.
 *
 * `timer_attempts` is the scheduler's own bookkeeping (kept across rebuilds): a timer whose
 * command was stored is not sent again while the projection catches up, and a refused one
 * backs off instead of being hammered every tick.
 */
export class TimerScheduler {
  private readonly db: ReadModelDb;
  private readonly sender: CommandSender;
  private readonly clock: Clock;
  private readonly maxPerTick: number;
  private readonly retryAfterMs: number;
  private readonly selectDue;
  private readonly recordSent;
  private readonly recordFailure;
  private readonly selectAttempts;
  private running: Promise<TickResult> | undefined;
  private interval: NodeJS.Timeout | undefined;

  constructor(options: TimerSchedulerOptions) {
    this.db = options.db;
    this.sender = options.sender;
    this.clock = options.clock ?? systemClock;
    this.maxPerTick = options.maxPerTick ?? 500;
    this.retryAfterMs = options.retryAfterMs ?? 60_000;
    this.db.exec(`CREATE TABLE IF NOT EXISTS timer_attempts (
      timer_id TEXT PRIMARY KEY,
      attempts INTEGER NOT NULL,
      sent INTEGER NOT NULL,
      next_attempt_ms INTEGER NOT NULL,
      last_error TEXT
    )`);
    this.selectDue = this.db.prepare<[number, number, number], DueRow>(
      `SELECT t.timer_id, t.kind, t.case_id, t.due_ms, t.command
       FROM timers t LEFT JOIN timer_attempts a ON a.timer_id = t.timer_id
       WHERE t.status = 'pending' AND t.due_ms <= ?
         AND (a.timer_id IS NULL OR (a.sent = 0 AND a.next_attempt_ms <= ?))
       ORDER BY t.due_ms, t.timer_id LIMIT ?`,
    );
    this.recordSent = this.db.prepare<[string]>(
      `INSERT INTO timer_attempts (timer_id, attempts, sent, next_attempt_ms, last_error) VALUES (?, 1, 1, 0, NULL)
       ON CONFLICT(timer_id) DO UPDATE SET attempts = attempts + 1, sent = 1, last_error = NULL`,
    );
    this.recordFailure = this.db.prepare<{ id: string; next: number; error: string }>(
      `INSERT INTO timer_attempts (timer_id, attempts, sent, next_attempt_ms, last_error) VALUES (@id, 1, 0, @next, @error)
       ON CONFLICT(timer_id) DO UPDATE SET attempts = attempts + 1, next_attempt_ms = @next, last_error = @error`,
    );
    this.selectAttempts = this.db
      .prepare<[string], number>('SELECT attempts FROM timer_attempts WHERE timer_id = ?')
      .pluck();
  }

  /** Timers due at `now` and not yet sent, oldest first. */
  due(now: Date = this.clock.now()): DueTimer[] {
    const ms = now.getTime();
    return this.selectDue.all(ms, ms, this.maxPerTick).map(toDueTimer);
  }

  /** Sends every due timer's command; a tick already running is joined, not doubled. */
  tick(now: Date = this.clock.now()): Promise<TickResult> {
    this.running ??= this.fire(now).finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * Production driver: polls every `everyMs`. The interval only decides how soon after a
   * deadline the command goes out; the deadline itself is the timer's `due_ms`.
   */
  startPolling(everyMs: number, onError: (error: unknown) => void = (e) => console.error(e)): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = setInterval(() => void this.tick().catch(onError), everyMs);
    this.interval.unref();
  }

  async stopPolling(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    this.interval = undefined;
    await this.running?.catch(() => undefined);
  }

  private async fire(now: Date): Promise<TickResult> {
    const sent: string[] = [];
    const failed: { timerId: string; error: string }[] = [];
    for (const timer of this.due(now)) {
      const attempts = this.selectAttempts.get(timer.timerId) ?? 0;
      try {
        await this.sender.send(toCommand(timer, now));
        this.recordSent.run(timer.timerId);
        sent.push(timer.timerId);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const backoff = Math.min(this.retryAfterMs * 2 ** attempts, 3_600_000);
        this.recordFailure.run({ id: timer.timerId, next: now.getTime() + backoff, error: message });
        failed.push({ timerId: timer.timerId, error: message });
      }
    }
    return { sent, failed };
  }
}

export function timerCommandId(timer: Pick<DueTimer, 'timerId'>): string {
  return deterministicUuid('timer', timer.timerId);
}

function toCommand(timer: DueTimer, firedAt: Date): ScheduledCommand {
  return { ...timer, commandId: timerCommandId(timer), firedAt };
}

function toDueTimer(row: DueRow): DueTimer {
  return {
    timerId: row.timer_id,
    kind: row.kind,
    caseId: row.case_id,
    dueAt: new Date(row.due_ms),
    command: JSON.parse(row.command) as TimerCaseCommand,
  };
}
