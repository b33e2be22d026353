import type { Clock } from '@one-window/shared';
import type { Logger } from 'pino';

/** What every background run shows: whether it runs, when it started and ended, why it failed. */
export interface RunState {
  readonly running: boolean;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: string | null;
}

/**
 * One run of a long administrator's job at a time (a verify of the log, a rebuild of the read
 * models), in the background while commands go on; its state is what the admin route reads.
 */
export abstract class BackgroundRun<S extends RunState> {
  private current: S;
  private run?: Promise<void>;

  protected constructor(
    private readonly idle: S,
    private readonly clock: Clock,
    protected readonly logger: Logger,
  ) {
    this.current = idle;
  }

  get state(): S {
    return this.current;
  }

  /**
   * Starts `job`, or throws `busy(state)` while one runs. The job reports progress through
   * `update` and resolves with what its end adds to the state; a failure is logged as `failure`.
   */
  protected begin(
    busy: (running: S) => Error,
    starting: string,
    failure: string,
    job: (update: (progress: Partial<S>) => void) => Promise<Partial<S>>,
  ): S {
    if (this.current.running) throw busy(this.current);
    this.current = { ...this.idle, running: true, startedAt: this.clock.now().toISOString() };
    this.logger.info(starting);
    this.run = job((progress) => (this.current = { ...this.current, ...progress }))
      .then((end) => {
        this.current = {
          ...this.current,
          running: false,
          finishedAt: this.clock.now().toISOString(),
          ...end,
        };
      })
      .catch((error: unknown) => {
        this.current = {
          ...this.current,
          running: false,
          finishedAt: this.clock.now().toISOString(),
          error: error instanceof Error ? error.message : String(error),
        };
        this.logger.error({ err: error }, failure);
      });
    return this.current;
  }

  /** Resolves when the running job (if any) has ended. */
  async settled(): Promise<void> {
    await this.run;
  }
}
