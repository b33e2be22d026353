export { createEventStore, eventStoreConfigFromEnv, type EventStoreConfig } from './create-event-store.js';
export { EventStoreModule } from './event-store.module.js';
export { EVENT_STORE } from './event-store.token.js';
