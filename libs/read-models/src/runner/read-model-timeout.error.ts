/** The read models did not reach a position in time; the server answers 503 with Retry-After. */
export class ReadModelTimeoutError extends Error {
  readonly type = 'read-model-timeout' as const;
  constructor(
    readonly position: number,
    readonly reached: number | null,
    readonly timeoutMs: number,
    /** A suggestion for the Retry-After header. */
    readonly retryAfterSeconds = 1,
  ) {
    super(
      `Read models did not reach position ${position} within ${timeoutMs} ms (at ${reached ?? 'nothing yet'})`,
    );
    this.name = 'ReadModelTimeoutError';
  }
}
