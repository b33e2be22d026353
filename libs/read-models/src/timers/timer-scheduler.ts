import { dirname, join } from 'node:path';
import { type Clock, nameUuid, systemClock } from '@one-window/shared';
import type Database from 'better-sqlite3';
import { openReadModelDatabase, type ReadModelDb } from '../database/read-model-database.js';
import type { CalendarSource } from '../queries/deadline-evaluator.js';
import { DEFAULT_READ_MODEL_SETTINGS } from '../settings/read-model-settings.js';
import { DueDeadlines } from './due-deadlines.js';
import type { CommandSender, DueTimer, ScheduledCommand, TickResult } from './timer-types.js';

export interface TimerSchedulerOptions {
  readonly db: ReadModelDb;
  readonly sender: CommandSender;
  readonly calendar: CalendarSource;
  readonly clock?: Clock;
  /** Yellow this many working days before a decision due date; must match the case engine's policy. */
  readonly warningWorkingDays?: number;
  /** Most timers fired per tick; the rest wait for the next tick (oldest first). */
  readonly maxPerTick?: number;
  /** First back-off after a refused send; doubles up to an hour. */
  readonly retryAfterMs?: number;
  /**
   * Whether the read models are current (the runner live): the polling skips its tick otherwise.
   * While they catch up or rebuild, what they hold is behind the log — a case already accepted
   * still reads as received — so a tick would send commands the engine refuses, on the event loop.
   * Default: always (an explicit tick() never asks).
   */
  readonly current?: () => boolean;
}

interface Attempt {
  attempts: number;
  sent: number;
  next_attempt_ms: number;
}

/**
 * Fires the deadlines the read models hold. Deadlines are data: `tick(now)` sends every timer
 * due at or before `now`, so nothing is missed while the process was down, and each timer's
 * command id is derived from the timer, so two instances (or a retry after a crash) send the
 * same command and the case handler's idempotency lets one write.
 *
 * `timer_attempts` is the scheduler's own bookkeeping (kept across rebuilds): a timer whose
 * command was stored is not sent again while the projection catches up, and a refused one
 * backs off instead of being hammered every tick. It lives in its own file beside the read models
 * (`timer-attempts.sqlite`, ADR 9): it is written on the event loop, and in the read models' file
 * each write waited for the projection thread's write lock — up to a whole catch-up or rebuild
 * transaction, every request held meanwhile (a stall of 130–200 ms at 30k cases, growing with them).
 */
export class TimerScheduler {
  private readonly sender: CommandSender;
  private readonly clock: Clock;
  private readonly maxPerTick: number;
  private readonly retryAfterMs: number;
  private readonly current: () => boolean;
  private readonly deadlines: DueDeadlines;
  private readonly selectAttempt;
  private readonly recordSent;
  private readonly recordFailure;
  private running: Promise<TickResult> | undefined;
  private interval: NodeJS.Timeout | undefined;
  /** The bookkeeping's own database, when it is not the read models' (closed by close()). */
  private readonly own: Database.Database | undefined;

  constructor(options: TimerSchedulerOptions) {
    this.sender = options.sender;
    this.clock = options.clock ?? systemClock;
    this.maxPerTick = options.maxPerTick ?? 500;
    this.retryAfterMs = options.retryAfterMs ?? 60_000;
    this.current = options.current ?? (() => true);
    this.deadlines = new DueDeadlines(
      options.db,
      options.calendar,
      options.warningWorkingDays ?? DEFAULT_READ_MODEL_SETTINGS.warningWorkingDays,
    );
    this.own = openAttempts(options.db);
    const db = this.own ?? options.db;
    db.exec(`CREATE TABLE IF NOT EXISTS timer_attempts (
      timer_id TEXT PRIMARY KEY,
      attempts INTEGER NOT NULL,
      sent INTEGER NOT NULL,
      next_attempt_ms INTEGER NOT NULL,
      last_error TEXT
    ) WITHOUT ROWID`);
    this.selectAttempt = db.prepare<[string], Attempt>(
      'SELECT attempts, sent, next_attempt_ms FROM timer_attempts WHERE timer_id = ?',
    );
    this.recordSent = db.prepare<[string]>(
      `INSERT INTO timer_attempts (timer_id, attempts, sent, next_attempt_ms, last_error) VALUES (?, 1, 1, 0, NULL)
       ON CONFLICT DO UPDATE SET attempts = attempts + 1, sent = 1, last_error = NULL`,
    );
    this.recordFailure = db.prepare<{ id: string; next: number; error: string }>(
      `INSERT INTO timer_attempts (timer_id, attempts, sent, next_attempt_ms, last_error) VALUES (@id, 1, 0, @next, @error)
       ON CONFLICT DO UPDATE SET attempts = attempts + 1, next_attempt_ms = @next, last_error = @error`,
    );
    if (this.own !== undefined) moveEarlierAttempts(options.db, this.own);
  }

  /** Timers due at `now` and neither sent already nor backing off, oldest first. */
  due(now: Date = this.clock.now()): DueTimer[] {
    const ms = now.getTime();
    return this.deadlines
      .find(now, this.maxPerTick)
      .filter((timer) => {
        const attempt = this.selectAttempt.get(timer.timerId);
        return !attempt || (attempt.sent === 0 && attempt.next_attempt_ms <= ms);
      })
      .slice(0, this.maxPerTick);
  }

  /** Sends every due timer's command; a tick already running is joined, not doubled. */
  tick(now: Date = this.clock.now()): Promise<TickResult> {
    this.running ??= this.fire(now).finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * Production driver: polls every `everyMs`, while the read models are current. The interval
   * only decides how soon after a deadline the command goes out; the deadline itself is data in
   * the read models, so a tick skipped during a rebuild is made up by the first one after it.
   */
  startPolling(everyMs: number, onError: (error: unknown) => void = (e) => console.error(e)): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = setInterval(() => {
      if (this.current()) void this.tick().catch(onError);
    }, everyMs);
    this.interval.unref();
  }

  async stopPolling(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    this.interval = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Stops polling and closes the bookkeeping's file. */
  async close(): Promise<void> {
    await this.stopPolling();
    if (this.own?.open) this.own.close();
  }

  private async fire(now: Date): Promise<TickResult> {
    const sent: string[] = [];
    const failed: { timerId: string; error: string }[] = [];
    for (const timer of this.due(now)) {
      const attempts = this.selectAttempt.get(timer.timerId)?.attempts ?? 0;
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

export const TIMER_ATTEMPTS_FILE = 'timer-attempts.sqlite';

/**
 * The bookkeeping's file beside a read-model database on disk (none for one in memory), opened
 * as the read models are (WAL, NORMAL: a lost attempt only sends a timer's command again, which
 * its command id makes idempotent).
 */
function openAttempts(readModels: ReadModelDb): Database.Database | undefined {
  if (readModels.memory) return undefined;
  return openReadModelDatabase({ file: join(dirname(readModels.name), TIMER_ATTEMPTS_FILE) });
}

/**
 * Bookkeeping kept in the read models' file before it had its own (a server upgraded in place):
 * copied once — a timer already sent stays sent — and the old table dropped. A drop that finds
 * the file busy is tried again at the next start; the copy ignores rows it already has.
 */
function moveEarlierAttempts(readModels: ReadModelDb, own: Database.Database): void {
  const earlier = readModels
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'timer_attempts'")
    .get();
  if (earlier === undefined) return;
  const rows = readModels
    .prepare('SELECT timer_id, attempts, sent, next_attempt_ms, last_error FROM timer_attempts')
    .all();
  const insert = own.prepare(
    `INSERT OR IGNORE INTO timer_attempts (timer_id, attempts, sent, next_attempt_ms, last_error)
     VALUES (@timer_id, @attempts, @sent, @next_attempt_ms, @last_error)`,
  );
  own.transaction(() => {
    for (const row of rows) insert.run(row);
  })();
  // Not waiting for the projection thread's write lock on the event loop: busy, the next start drops it.
  const busyMs = readModels.pragma('busy_timeout', { simple: true }) as number;
  readModels.pragma('busy_timeout = 0');
  try {
    readModels.exec('DROP TABLE timer_attempts');
  } catch {
    // SQLITE_BUSY: left for the next start (the copy above ignores rows it already has).
  } finally {
    readModels.pragma(`busy_timeout = ${busyMs}`);
  }
}

export function timerCommandId(timer: Pick<DueTimer, 'timerId'>): string {
  return nameUuid('timer', timer.timerId);
}

function toCommand(timer: DueTimer, firedAt: Date): ScheduledCommand {
  return { ...timer, commandId: timerCommandId(timer), firedAt };
}
