export { ReadOnlyEventStore, type ReadOnlyEventStoreOptions } from './read-only-event-store.js';
export { readOnlyView } from './read-only-view.js';
