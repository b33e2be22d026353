export { EsdbEventStore, type EsdbEventStoreOptions } from './esdb-event-store.js';
export { EsdbProtocolError } from './esdb-protocol.error.js';
export { EsdbRequestError } from './esdb-request.error.js';
export type { ReconnectPolicy } from './esdb-subscription.js';
