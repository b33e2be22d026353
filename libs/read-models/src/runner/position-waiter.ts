import { ReadModelTimeoutError } from './read-model-timeout.error.js';

interface Waiter {
  readonly position: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Read-your-writes: promises that resolve once every projection has passed a position. The
 * timeout bounds an HTTP request's wait; it carries no legal deadline.
 */
export class PositionWaiter {
  private reached: number | null = null;
  private waiters: Waiter[] = [];

  get position(): number | null {
    return this.reached;
  }

  /** Sets the lowest checkpoint of all projections (it may move back on rebuild). */
  update(position: number | null): void {
    this.reached = position;
    if (position === null || this.waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (waiter.position <= position) {
        clearTimeout(waiter.timer);
        waiter.resolve();
      } else still.push(waiter);
    }
    this.waiters = still;
  }

  wait(position: number, timeoutMs: number): Promise<void> {
    if (this.reached !== null && this.reached >= position) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(
          new ReadModelTimeoutError(
            position,
            this.reached,
            timeoutMs,
            Math.max(1, Math.ceil(timeoutMs / 1000)),
          ),
        );
      }, timeoutMs);
      this.waiters.push({ position, resolve, reject, timer });
    });
  }

  /** Rejects every pending wait (shutdown). */
  cancelAll(reason: Error): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(reason);
    }
    this.waiters = [];
  }
}
