import { EsdbFixtureServer } from '../../../../test/esdb-fixture/index.js';
import { eventStoreContract } from '../testing/event-store.contract.js';
import { EsdbEventStore } from './esdb-event-store.js';

/**
 * The contract every adapter passes, run unchanged against the EventStoreDB adapter over real
 * gRPC: the client library talks to the wire fixture (test/esdb-fixture), one server for the
 * whole file, so the log holds other tests' events as a long-lived EventStoreDB would.
 */
let server: EsdbFixtureServer | undefined;

afterAll(async () => {
  await server?.stop();
});

eventStoreContract('EventStoreDB adapter over the wire fixture', async () => {
  server ??= await EsdbFixtureServer.start();
  const connectionString = server.connectionString;
  let store = await EsdbEventStore.connect(connectionString);
  return {
    store,
    reopen: async () => {
      await store.close();
      store = await EsdbEventStore.connect(connectionString);
      return store;
    },
    dispose: () => store.close(),
  };
});
