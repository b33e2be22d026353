import { randomUUID } from 'node:crypto';
import { EsdbFixtureServer } from '../../../../test/esdb-fixture/index.js';
import {
  EventStoreUnavailableError,
  InvalidEventStoreInputError,
  WrongExpectedRevisionError,
} from '../port/errors.js';
import type { EventStore, Subscription, SubscriptionMessage } from '../port/types.js';
import { EsdbEventStore } from './esdb-event-store.js';

/**
 * What only the EventStoreDB adapter has to get right, over the wire to the fixture server:
 * the server going away and coming back, deadlines, both append paths, system events the
 * server writes between client events, and connection strings.
 */

const FAST_RECONNECT = { reconnect: { initialDelayMs: 20, maxDelayMs: 200 } };
const prefix = () => `w${randomUUID().replaceAll('-', '')}`;
const events = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ type: 'test.Wire', data: { n: from + i } }));

/** Pulls messages until `count` events arrived (and, if asked, that many caught-up markers). */
async function take(subscription: Subscription, count: number, markers = 0): Promise<SubscriptionMessage[]> {
  const messages: SubscriptionMessage[] = [];
  const iterator = subscription[Symbol.asyncIterator]();
  const deadline = Date.now() + 10_000;
  const kinds = (kind: SubscriptionMessage['kind']) => messages.filter((m) => m.kind === kind).length;
  while (kinds('event') < count || kinds('caught-up') < markers) {
    if (Date.now() > deadline) throw new Error(`only ${JSON.stringify(messages.map((m) => m.kind))}`);
    const next = await iterator.next();
    if (next.done === true) throw new Error('subscription ended');
    messages.push(next.value);
  }
  return messages;
}

const numbers = (messages: readonly SubscriptionMessage[]): (number | 'caught-up')[] =>
  messages.map((m) => (m.kind === 'event' ? (m.event.data as { n: number }).n : 'caught-up'));

describe('EsdbEventStore over the wire', () => {
  let fixture: EsdbFixtureServer;
  let store: EventStore;

  beforeEach(async () => {
    fixture = await EsdbFixtureServer.start();
    store = await EsdbEventStore.connect(fixture.connectionString, FAST_RECONNECT);
  });

  afterEach(async () => {
    await store.close();
    await fixture.stop();
  });

  describe('when the server goes away and comes back on the same port', () => {
    it('resumes a subscription after the last event it delivered, losing and repeating nothing', async () => {
      const stream = `${prefix()}-a`;
      await store.appendToStream(stream, events(3));
      const subscription = store.subscribeToAll({ filter: { streamNamePrefixes: [stream] } });
      try {
        const before = await take(subscription, 3, 1);

        await fixture.stop();
        // Other writers carry on while this client is cut off.
        for (const n of [3, 4]) fixture.writeEvent(stream, 'test.Wire', { n });
        await fixture.restart();
        const after = await take(subscription, 2, 1);
        await store.appendToStream(stream, events(2, 5));
        const live = await take(subscription, 2);

        expect(numbers([...before, ...after, ...live])).toEqual([
          0,
          1,
          2,
          'caught-up',
          3,
          4,
          'caught-up',
          5,
          6,
        ]);
      } finally {
        await subscription.unsubscribe();
      }
    });

    it('keeps retrying while the server stays away', async () => {
      const stream = `${prefix()}-a`;
      const subscription = store.subscribeToAll({ filter: { streamNamePrefixes: [stream] } });
      try {
        await take(subscription, 0, 1);
        await fixture.stop();
        await new Promise((resolve) => setTimeout(resolve, 400));
        fixture.writeEvent(stream, 'test.Wire', { n: 0 });
        await fixture.restart();
        expect(numbers(await take(subscription, 1))).toEqual([0]);
      } finally {
        await subscription.unsubscribe();
      }
    });

    it('fails appends and reads with EventStoreUnavailableError meanwhile, and serves them again after', async () => {
      const stream = `${prefix()}-a`;
      await store.appendToStream(stream, events(1));
      await fixture.stop();

      await expect(store.appendToStream(stream, events(1))).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      await expect(store.readStream(stream)).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);

      await fixture.restart();
      await store.appendToStream(stream, events(1, 1), { expectedRevision: 0 });
      expect((await store.readStream(stream)).map((e) => e.data)).toEqual([{ n: 0 }, { n: 1 }]);
    });
  });

  it('maps a deadline the server does not meet to EventStoreUnavailableError', async () => {
    const impatient = await EsdbEventStore.connect(`${fixture.connectionString}&defaultDeadline=150`);
    try {
      fixture.setLatency(1_000);
      const attempt = impatient.appendToStream(`${prefix()}-a`, events(1));
      await expect(attempt).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(attempt).rejects.toThrow(/deadline|timeout/i);
    } finally {
      fixture.setLatency(0);
      await impatient.close();
    }
  });

  it('leaves out system events the server writes between client events, in reads, head and subscriptions', async () => {
    const stream = `${prefix()}-a`;
    await store.appendToStream(stream, events(1));
    fixture.writeEvent('$stats-127.0.0.1:2113', '$statsCollected', { cpu: 1 });
    const { position } = await store.appendToStream(stream, events(1, 1));
    for (let i = 0; i < 40; i++) fixture.writeEvent('$stats-127.0.0.1:2113', '$statsCollected', { cpu: i });

    const all = await store.readAll({ fromPosition: 0 });
    expect(all.filter((e) => e.streamName === stream).map((e) => e.data)).toEqual([{ n: 0 }, { n: 1 }]);
    expect(all.some((e) => e.type.startsWith('$'))).toBe(false);
    // The head lies behind more system events than one backwards page holds.
    expect(await store.headPosition()).toBe(position);

    const subscription = store.subscribeToAll();
    try {
      const messages = await take(subscription, 2, 1);
      expect(messages.filter((m) => m.kind === 'event').length).toBe(2);
      expect(messages.at(-1)).toEqual({ kind: 'caught-up', position });
    } finally {
      await subscription.unsubscribe();
    }
  });

  it('reads past the end of one $all page without skipping or repeating', async () => {
    const stream = `${prefix()}-a`;
    for (let i = 0; i < 3; i++) await store.appendToStream(stream, events(1000, i * 1000));
    const all = await store.readAll({ filter: { streamNamePrefixes: [stream] } });
    expect(all.map((e) => (e.data as { n: number }).n)).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    const some = await store.readAll({ fromPosition: all[999].position, maxCount: 1002 });
    expect(some.map((e) => (e.data as { n: number }).n)).toEqual(
      Array.from({ length: 1002 }, (_, i) => 999 + i),
    );
  });

  it('turns the server refusing an oversized append into InvalidEventStoreInputError', async () => {
    const small = await EsdbFixtureServer.start({ maxAppendSize: 1_000 });
    const client = await EsdbEventStore.connect(small.connectionString);
    try {
      const attempt = client.appendToStream(`${prefix()}-a`, [{ type: 'test.Big', data: 'x'.repeat(2_000) }]);
      await expect(attempt).rejects.toBeInstanceOf(InvalidEventStoreInputError);
      await expect(attempt).rejects.toMatchObject({ field: 'events' });
    } finally {
      await client.close();
      await small.stop();
    }
  });

  describe('against a server without BatchAppend (EventStoreDB before 21.10)', () => {
    it('appends through Streams.Append with the same results and errors', async () => {
      const classic = await EsdbFixtureServer.start({ advertiseBatchAppend: false });
      const client = await EsdbEventStore.connect(classic.connectionString);
      try {
        const stream = `${prefix()}-a`;
        const first = await client.appendToStream(stream, events(2), { expectedRevision: 'no_stream' });
        expect(first.nextExpectedRevision).toBe(1);
        const attempt = client.appendToStream(stream, events(1), { expectedRevision: 5 });
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(attempt).rejects.toMatchObject({ expected: 5, actual: 1 });
        const read = await client.readStream(stream);
        expect(first.position).toBe(read[1].position);
      } finally {
        await client.close();
        await classic.stop();
      }
    });
  });

  describe('connecting', () => {
    it('refuses a connection string that is not esdb://', async () => {
      for (const bad of ['', 'http://localhost:2113', 'esdb://']) {
        await expect(EsdbEventStore.connect(bad)).rejects.toMatchObject({
          type: 'invalid-input',
          field: 'connectionString',
        });
      }
    });

    it('fails with EventStoreUnavailableError when nothing listens', async () => {
      const port = fixture.port;
      await fixture.stop();
      await expect(EsdbEventStore.connect(`esdb://127.0.0.1:${port}?tls=false`)).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      await fixture.restart();
    });
  });
});
