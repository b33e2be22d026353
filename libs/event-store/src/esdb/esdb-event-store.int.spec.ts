import { EsdbFixtureServer } from '../../../../test/esdb-fixture/index.js';
import { chainOf } from '../chain/event-chain.js';
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

describe('EsdbEventStore: hash chain in the metadata (ADR 13)', () => {
  it('chains each event to the previous one of its stream and gives the metadata back as written', async () => {
    const fixture = await EsdbFixtureServer.start();
    const store = await EsdbEventStore.connect(fixture.connectionString);
    try {
      await store.appendToStream(
        's',
        [
          { type: 't.A', data: { a: 1 } },
          { type: 't.A', data: { a: 2 }, metadata: { actor: 'x' } },
        ],
        {
          expectedRevision: 'no_stream',
        },
      );
      await store.appendToStream('s', [{ type: 't.A', data: { a: 3 }, metadata: [1] }], {
        expectedRevision: 1,
      });
      const events = await store.readStream('s');
      expect(events.map((e) => e.metadata)).toEqual([null, { actor: 'x' }, [1]]);
      let previous: Buffer | null = null;
      for (const e of events) {
        const fields = { ...e, id: e.id, created: null, position: null };
        expect(chainOf(previous, fields).toString('hex')).toBe(e.chain);
        previous = Buffer.from(e.chain!, 'hex');
      }
    } finally {
      await store.close();
      await fixture.stop();
    }
  });
});
