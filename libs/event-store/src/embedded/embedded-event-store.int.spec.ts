import { eventStoreContract } from '../testing/event-store.contract.js';
import { openTempEventStore } from '../testing/temp-store.js';

eventStoreContract('embedded SQLite store', () => openTempEventStore());
