import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore, type EventStore, type Subscription } from '@one-window/event-store';
import { openForTests } from '../../../../test/support/open-for-tests.js';
import { openTempEventStore } from '../../../event-store/src/testing/temp-store.js';
import { seedGeneratedCases } from '../../../read-models/src/testing/index.js';
import { Anchorer } from './anchorer.js';
import { ChainHeads } from './chain-heads.js';

/** The store as the anchorer sees it, counting the events its subscriptions deliver. */
function counting(store: EmbeddedEventStore): { store: EventStore; delivered: () => number } {
  let delivered = 0;
  const wrapped = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'subscribeToAll') return Reflect.get(target, prop, receiver) as unknown;
      return (options?: Parameters<EventStore['subscribeToAll']>[0]): Subscription => {
        const inner = target.subscribeToAll(options);
        return {
          unsubscribe: () => inner.unsubscribe(),
          async *[Symbol.asyncIterator]() {
            for await (const message of inner) {
              if (message.kind === 'event') delivered++;
              yield message;
            }
          },
        };
      };
    },
  });
  return { store: wrapped, delivered: () => delivered };
}

/** The root every stream's last event up to `position` gives, replaying the whole log. */
async function referenceRoot(store: EventStore, position: number): Promise<string> {
  const heads = new ChainHeads();
  for (const event of await store.readAll()) if (event.position <= position) heads.apply(event);
  return (await heads.root()).toString('hex');
}

describe('the anchorer starts from the stream heads on the embedded store (ADR 13)', () => {
  const temp = openForTests('all', () => openTempEventStore({ synchronous: 'NORMAL' }));
  let store: EmbeddedEventStore;
  beforeAll(async () => {
    store = temp.current();
    await seedGeneratedCases(store, 60);
    // An earlier server's anchor, then more history after it.
    const earlier = new Anchorer(store);
    await earlier.start();
    await earlier.anchor();
    await earlier.stop();
    await seedGeneratedCases(store, 10, { skip: 60 });
  }, 60_000);

  it('reads the heads instead of the log, follows only what came after, and anchors the same root', async () => {
    const events = (await store.readAll()).length;
    const seen = counting(store);
    const anchorer = new Anchorer(seen.store, { heads: store, everyEvents: 50 });
    const started = anchorer.start();
    // Written while it reads the heads: delivered again by the subscription, in order.
    await store.appendToStream('case-written-during-start', [{ type: 'test.One', data: {} }]);
    await store.appendToStream('case-written-during-start', [{ type: 'test.Two', data: {} }], {
      expectedRevision: 0,
    });
    await started;
    expect(seen.delivered()).toBeLessThan(10);
    // The history since the earlier anchor (10 cases) is due at 50 events: the schedule survived.
    const anchor = await anchorer.tick();
    expect(anchor).not.toBeNull();
    expect(anchor!.root).toBe(await referenceRoot(store, anchor!.position));
    expect(anchor!.streams).toBe(new Set((await store.readAll()).map((e) => e.streamName)).size);
    await anchorer.stop();

    // Without the heads source, the same log is replayed from its start.
    const replay = counting(store);
    const replaying = new Anchorer(replay.store);
    await replaying.start();
    expect(replay.delivered()).toBeGreaterThan(events);
    await replaying.stop();
  });

  it('a log never anchored is anchored M minutes after the anchorer starts, not at its first tick', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'one-window-anchorer-fresh-'));
    const own = await EmbeddedEventStore.open({ dataDir: fresh, synchronous: 'NORMAL' });
    try {
      await own.appendToStream('case-one', [{ type: 'test.One', data: {} }]);
      let now = Date.parse('2026-03-02T01:00:00Z');
      const anchorer = new Anchorer(own, { heads: own, everyMs: 10 * 60_000, now: () => now });
      await anchorer.start();
      expect(await anchorer.tick()).toBeNull();
      now += 10 * 60_000 - 1;
      expect(await anchorer.tick()).toBeNull();
      now += 1;
      expect(await anchorer.tick()).toMatchObject({ streams: 1 });
      await anchorer.stop();
    } finally {
      await own.close();
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
