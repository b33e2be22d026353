import type { EventStore } from '@one-window/event-store';
import { type Clock, systemClock } from '@one-window/shared';
import { CaseQueries } from './cases/case-queries.js';
import type { ReadModelDb } from './database/read-model-database.js';
import { GaugeQueries } from './gauges/gauge-queries.js';
import { ObligationQueries } from './obligations/obligation-queries.js';
import { readModelProjections } from './projections/read-model-projections.js';
import { type CalendarSource, DeadlineEvaluator } from './queries/deadline-evaluator.js';
import { ProjectionRunner } from './runner/projection-runner.js';
import type { ProjectionRunnerPort } from './runner/runner-port.js';
import { DEFAULT_READ_MODEL_SETTINGS, type ReadModelSettings } from './settings/read-model-settings.js';
import { StatisticsQueries } from './statistics/statistics-queries.js';
import { TaskQueries } from './tasks/task-queries.js';
import { TimelineQueries } from './timeline/timeline-queries.js';
import { TimerScheduler, type TimerSchedulerOptions } from './timers/timer-scheduler.js';
import type { CommandSender } from './timers/timer-types.js';

export interface ReadModelsOptions {
  readonly store: EventStore;
  readonly db: ReadModelDb;
  readonly calendar: CalendarSource;
  readonly clock?: Clock;
  readonly settings?: ReadModelSettings;
  /** Events per transaction (and per catch-up page). */
  readonly batchSize?: number;
  readonly onError?: (error: Error) => void;
  /** A department's name for the timeline (the catalog directory's); ids are shown without it. */
  readonly departmentName?: (id: string) => string | undefined;
  /**
   * Who keeps the read models: by default a ProjectionRunner on this thread over `store` and `db`;
   * the server gives a ThreadedProjectionRunner (the same runner in the projection thread).
   */
  readonly runner?: ProjectionRunnerPort;
}

/** How long a read with `minPosition` waits by default before ReadModelTimeoutError (503). */
export const DEFAULT_READ_WAIT_MS = 5_000;

/**
 * The read side in one object: the runner that keeps the read models, and the queries the
 * server's controllers call. Queries take the caller's scope (see `scopeForActor`).
 */
export class ReadModels {
  readonly runner: ProjectionRunnerPort;
  readonly deadlines: DeadlineEvaluator;
  readonly cases: CaseQueries;
  readonly timeline: TimelineQueries;
  readonly tasks: TaskQueries;
  readonly obligations: ObligationQueries;
  readonly statistics: StatisticsQueries;
  /** The counts `/metrics` reads at scrape time. */
  readonly gauges: GaugeQueries;
  private readonly clock: Clock;

  constructor(private readonly options: ReadModelsOptions) {
    this.clock = options.clock ?? systemClock;
    const settings = options.settings ?? DEFAULT_READ_MODEL_SETTINGS;
    this.runner =
      options.runner ??
      new ProjectionRunner({
        store: options.store,
        db: options.db,
        projections: readModelProjections(options.calendar),
        clock: this.clock,
        batchSize: options.batchSize,
        onError: options.onError,
      });
    this.deadlines = new DeadlineEvaluator(options.calendar, settings);
    this.cases = new CaseQueries(options.db, this.deadlines, this.clock);
    this.timeline = new TimelineQueries(options.store, options.departmentName);
    this.tasks = new TaskQueries(options.db, this.deadlines, this.clock);
    this.obligations = new ObligationQueries(options.db, this.clock);
    this.statistics = new StatisticsQueries(options.db);
    this.gauges = new GaugeQueries(options.db, this.deadlines, this.clock);
  }

  /** The event-store position every read model has applied (null before the first catch-up). */
  get position(): number | null {
    return this.runner.position;
  }

  /** Read-your-writes: resolves once every read model has applied `minPosition` (no-op without one). */
  async ready(minPosition: number | undefined, timeoutMs: number = DEFAULT_READ_WAIT_MS): Promise<void> {
    if (minPosition === undefined) return;
    await this.runner.waitForPosition(minPosition, timeoutMs);
  }

  /** The durable-timer scheduler over these read models, sending through `sender`; it polls while the runner is live. */
  scheduler(
    sender: CommandSender,
    options: Omit<TimerSchedulerOptions, 'db' | 'sender' | 'calendar'> = {},
  ): TimerScheduler {
    return new TimerScheduler({
      clock: this.clock,
      warningWorkingDays: this.deadlines.warningWorkingDays,
      current: () => this.runner.status === 'live',
      ...options,
      db: this.options.db,
      calendar: this.options.calendar,
      sender,
    });
  }
}
