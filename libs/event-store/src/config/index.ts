export { createEventStore, eventStoreConfigFromEnv, type EventStoreConfig } from './create-event-store.js';
export { EVENT_STORE } from './event-store.token.js';
