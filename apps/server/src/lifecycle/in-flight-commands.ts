/**
 * Counts commands being decided and appended, so shutdown can wait for them: a command that
 * started is finished (all its events or none), never cut off between decide and append.
 */
export class InFlightCommands {
  private running = 0;
  private idle: (() => void)[] = [];

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      if (this.running === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  get count(): number {
    return this.running;
  }

  /** Resolves when nothing is running, or after `timeoutMs` (then reports how many were left). */
  drain(timeoutMs: number): Promise<number> {
    if (this.running === 0) return Promise.resolve(0);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(this.running), timeoutMs);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve(0);
      });
    });
  }
}
