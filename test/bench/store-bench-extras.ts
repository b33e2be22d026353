import { EsdbEventStore } from '../../libs/event-store/src/esdb/index.js';
import { EsdbFixtureServer } from '../esdb-fixture/index.js';
import { eventStoreTarget, type BenchSubject } from './store-workload.js';

/**
 * More stores for `npm run bench:store` to run alongside the three it always runs (for example the
 * EventStoreDB adapter over its wire fixture, through `eventStoreSubject`). They get a column in the
 * table and an entry in the JSON figures; the ratios stay embedded vs raw and vs emmett.
 */
export const extraStoreSubjects: readonly BenchSubject[] = [
  {
    name: 'esdb_wire_fixture',
    open: async () => {
      const fixture = await EsdbFixtureServer.start();
      const store = await EsdbEventStore.connect(fixture.connectionString);
      return {
        target: eventStoreTarget(store),
        settings: () =>
          'EventStoreDB adapter → @eventstore/db-client 6.2.1 → gRPC → in-memory test server, same process ' +
          "(wire fixture: shows client-path overhead, not EventStoreDB's speed)",
        close: async () => {
          await store.close();
          await fixture.stop();
        },
      };
    },
  },
];
