import { EsdbFixtureServer } from '../../../../test/esdb-fixture/index.js';
import { chainOf } from '../chain/event-chain.js';
import { EventStoreUnavailableError, StreamNotFoundError } from '../port/errors.js';
import { reopeningFixture } from '../testing/contract-support.js';
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
  const { connectionString } = server;
  return reopeningFixture(() => EsdbEventStore.connect(connectionString));
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

describe('EsdbEventStore during a leader election (issue 10, defect 7)', () => {
  it.each(['not-ready', 'too-busy', 'not-leader-without-info'] as const)(
    'a batch append refused %s is EventStoreUnavailableError (retryable), nothing written; the retry writes once',
    async (refusal) => {
      const fixture = await EsdbFixtureServer.start();
      const store = await EsdbEventStore.connect(fixture.connectionString);
      try {
        fixture.refuseAppends(refusal);
        const append = () =>
          store.appendToStream('e', [{ id: '8d3c1c5e-7d1a-4c52-9a43-0c4f1d8a0b11', type: 't.A', data: {} }], {
            expectedRevision: 'no_stream',
          });
        await expect(append()).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await expect(store.readStream('e')).rejects.toBeInstanceOf(StreamNotFoundError);
        await expect(append()).resolves.toMatchObject({ nextExpectedRevision: 0 });
        await expect(append()).resolves.toMatchObject({ nextExpectedRevision: 0 });
        expect(await store.readStream('e')).toHaveLength(1);
      } finally {
        await store.close();
        await fixture.stop();
      }
    },
  );

  it('a server timeout that still committed: retryable, and the retry with the exact revision writes it once (ADR 3)', async () => {
    const fixture = await EsdbFixtureServer.start();
    const store = await EsdbEventStore.connect(`${fixture.connectionString}&defaultDeadline=150`);
    try {
      const append = () =>
        store.appendToStream('e', [{ id: '5b0e7a4c-3f8d-4d2e-9c61-7a2b9e0d4f13', type: 't.A', data: {} }], {
          expectedRevision: 'no_stream',
        });
      fixture.setLatency(600);
      await expect(append()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      fixture.setLatency(0);
      // The write the client gave up on commits on the server after all, as EventStoreDB's may.
      let committed = false;
      for (let i = 0; i < 100 && !committed; i++) {
        committed = await store.readStream('e').then(
          () => true,
          () => false,
        );
        if (!committed) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(committed).toBe(true);
      await expect(append()).resolves.toMatchObject({ nextExpectedRevision: 0 });
      expect(await store.readStream('e')).toHaveLength(1);
    } finally {
      await store.close();
      await fixture.stop();
    }
  });
});
