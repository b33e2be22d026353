/** A projection threw on an event; its batch was rolled back and nothing of it was written. */
export class ProjectionFailedError extends Error {
  readonly type = 'projection-failed' as const;
  constructor(
    readonly projection: string,
    readonly position: number,
    readonly eventType: string,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`Projection "${projection}" failed on ${eventType} at position ${position}: ${reason}`, options);
    this.name = 'ProjectionFailedError';
  }
}
