import { EventStoreError } from '../port/errors.js';

/** EventStoreDB refused a request for a reason the port has no error for (access denied, deleted stream, ...). */
export class EsdbRequestError extends EventStoreError {
  readonly type = 'esdb-request-failed' as const;
  constructor(
    /** The client's error type, e.g. `access-denied` or `stream-deleted`. */
    readonly reason: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EsdbRequestError';
  }
}
