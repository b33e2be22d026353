import { EventStoreError } from '../port/errors.js';

/** EventStoreDB answered with something the port cannot represent (e.g. a server older than 22.6). */
export class EsdbProtocolError extends EventStoreError {
  readonly type = 'esdb-protocol' as const;
  constructor(message: string) {
    super(message);
    this.name = 'EsdbProtocolError';
  }
}
