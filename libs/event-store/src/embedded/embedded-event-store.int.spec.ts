import { eventStoreContract } from '../testing/event-store.contract.js';
import { openTempEventStore } from './temp-store.js';

eventStoreContract('embedded SQLite store', () => openTempEventStore());
