export {
  EmbeddedEventStore,
  EVENTS_FILE_NAME,
  type EmbeddedEventStoreOptions,
} from './embedded-event-store.js';
export { AUDIT_STREAM, CHAIN_STARTED, lockHeld, type Synchronous } from './open-database.js';
export {
  decideAppend,
  type AppendDecision,
  type StoredEventRef,
  type StreamView,
} from './append-decision.js';
export { backupEventStoreFile } from './backup.js';
export type { StoredEvent } from './stored-event.js';
export type { CommitFeedMessage } from './writer-protocol.js';
export { STREAM_HEADS_PAGE, type StreamHeadRow } from './event-table.js';
export * from './errors.js';
