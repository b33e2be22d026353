export {
  eventStoreContract,
  type EventStoreFactory,
  type EventStoreFixture,
} from './event-store.contract.js';
