import type { EventFilter, RecordedEvent, SubscriptionMessage } from '../port/types.js';
import {
  collectUntil,
  countEvents,
  eventsOf,
  eventsUntil,
  someEvents,
  uniquePrefix,
  type ContractContext,
  withSubscription,
} from './contract-support.js';

const ids = (events: readonly RecordedEvent[]): string[] => events.map((e) => e.id);

function expectStrictlyIncreasing(events: readonly RecordedEvent[]): void {
  for (let i = 1; i < events.length; i++) expect(events[i].position).toBeGreaterThan(events[i - 1].position);
}

export function subscriptionContract(ctx: ContractContext): void {
  describe('subscribing to $all', () => {
    const byPrefix = (prefix: string): EventFilter => ({ streamNamePrefixes: [prefix] });
    const caughtUp = (messages: readonly SubscriptionMessage[]): boolean =>
      messages.some((m) => m.kind === 'caught-up');

    it('catches up on the past, says so, then delivers new events live', async () => {
      const prefix = uniquePrefix();
      await ctx.store.appendToStream(`${prefix}-a`, someEvents(3));
      await withSubscription(ctx.store, { filter: byPrefix(prefix) }, async (subscription) => {
        const past = await collectUntil(subscription, caughtUp);
        expect(past.map((m) => m.kind)).toEqual(['event', 'event', 'event', 'caught-up']);

        await ctx.store.appendToStream(`${prefix}-b`, someEvents(2));
        const live = await collectUntil(subscription, (m) => countEvents(m) === 2);
        const all = await ctx.store.readAll({ filter: byPrefix(prefix) });
        expect(ids(eventsOf([...past, ...live]))).toEqual(ids(all));
      });
    });

    it('starts after an exclusive checkpoint', async () => {
      const prefix = uniquePrefix();
      await ctx.store.appendToStream(`${prefix}-a`, someEvents(4));
      const all = await ctx.store.readAll({ filter: byPrefix(prefix) });
      await withSubscription(
        ctx.store,
        { fromPosition: all[1].position, filter: byPrefix(prefix) },
        async (subscription) => {
          const messages = await collectUntil(subscription, caughtUp);
          expect(ids(eventsOf(messages))).toEqual(ids(all.slice(2)));
        },
      );
    });

    it('reports the head position when caught up', async () => {
      const prefix = uniquePrefix();
      const { position } = await ctx.store.appendToStream(`${prefix}-a`, someEvents(2));
      await withSubscription(
        ctx.store,
        { fromPosition: position, filter: byPrefix(prefix) },
        async (subscription) => {
          const [message] = await collectUntil(subscription, caughtUp);
          expect(message).toEqual({ kind: 'caught-up', position: await ctx.store.headPosition() });
        },
      );
    });

    it('never skips or repeats an event while appends race the switch from catch-up to live', async () => {
      const prefix = uniquePrefix();
      for (let b = 0; b < 12; b++) await ctx.store.appendToStream(`${prefix}-${b % 3}`, someEvents(100));
      const sentinel = `${prefix}-sentinel`;
      const subscription = ctx.store.subscribeToAll({ filter: byPrefix(prefix) });
      // One writer runs on its own; the consumer adds appends of its own while it reads the past.
      const writer = (async () => {
        for (let k = 0; k < 40; k++) await ctx.store.appendToStream(`${prefix}-w`, someEvents(1));
      })();
      const writes: Promise<unknown>[] = [];
      let received = 0;
      let caughtUps = 0;
      let writesBeforeCaughtUp = 0;
      let finish: Promise<unknown> | undefined;
      try {
        const messages = await collectUntil(
          subscription,
          (m) => m.some((x) => x.kind === 'event' && x.event.streamName === sentinel),
          {
            timeoutMs: 30_000,
            onMessage: (m) => {
              if (m.kind === 'caught-up') {
                caughtUps++;
                writesBeforeCaughtUp = writes.length;
                // Once live, let every write land, then mark the end of the log.
                finish = Promise.all([writer, ...writes]).then(() =>
                  ctx.store.appendToStream(sentinel, someEvents(1)),
                );
              } else if (++received % 20 === 0 && finish === undefined) {
                writes.push(ctx.store.appendToStream(`${prefix}-c${received % 3}`, someEvents(1)));
              }
            },
          },
        );
        await finish;
        const all = await ctx.store.readAll({ filter: byPrefix(prefix) });
        const delivered = eventsOf(messages);
        expect(delivered).toHaveLength(1200 + 40 + writes.length + 1);
        expect(ids(delivered)).toEqual(ids(all));
        expectStrictlyIncreasing(delivered);
        expect(caughtUps).toBe(1);
        expect(writesBeforeCaughtUp).toBeGreaterThan(0);
      } finally {
        await subscription.unsubscribe();
        await Promise.allSettled([writer, ...writes, finish]);
      }
    });

    it('stops on unsubscribe and resumes from its last checkpoint with nothing lost or repeated', async () => {
      const prefix = uniquePrefix();
      await ctx.store.appendToStream(`${prefix}-a`, someEvents(5));
      const first = ctx.store.subscribeToAll({ filter: byPrefix(prefix) });
      const firstPart = await eventsUntil(first, 3);
      await first.unsubscribe();
      await first.unsubscribe();

      await ctx.store.appendToStream(`${prefix}-b`, someEvents(4));
      const checkpoint = firstPart[firstPart.length - 1].position;
      await withSubscription(
        ctx.store,
        { fromPosition: checkpoint, filter: byPrefix(prefix) },
        async (second) => {
          const secondPart = await eventsUntil(second, 6);
          const all = await ctx.store.readAll({ filter: byPrefix(prefix) });
          expect(ids([...firstPart, ...secondPart])).toEqual(ids(all));
        },
      );
    });

    it('ends the iteration when unsubscribed while waiting for live events', async () => {
      const prefix = uniquePrefix();
      await ctx.store.appendToStream(`${prefix}-a`, someEvents(1));
      const subscription = ctx.store.subscribeToAll({ filter: byPrefix(prefix) });
      const seen: SubscriptionMessage[] = [];
      const loop = (async () => {
        for await (const message of subscription) {
          seen.push(message);
          if (message.kind === 'caught-up') setImmediate(() => void subscription.unsubscribe());
        }
      })();
      await loop;
      expect(seen.map((m) => m.kind)).toEqual(['event', 'caught-up']);
      await ctx.store.appendToStream(`${prefix}-a`, someEvents(1));
      expect(seen).toHaveLength(2);
    });

    it('ends the iteration when the consumer breaks out of its loop', async () => {
      const prefix = uniquePrefix();
      await ctx.store.appendToStream(`${prefix}-a`, someEvents(3));
      const subscription = ctx.store.subscribeToAll({ filter: byPrefix(prefix) });
      let count = 0;
      for await (const message of subscription) {
        if (message.kind === 'event') count++;
        if (count === 2) break;
      }
      expect(count).toBe(2);
      await subscription.unsubscribe();
    });

    it('filters by event-type prefix, leaving out system events', async () => {
      const prefix = uniquePrefix();
      await ctx.store.appendToStream(`${prefix}-a`, [
        { type: `${prefix}.case.Received`, data: {} },
        { type: `${prefix}.rating.Given`, data: {} },
        { type: '$system', data: {} },
      ]);
      await withSubscription(
        ctx.store,
        { filter: { eventTypePrefixes: [`${prefix}.case.`] } },
        async (subscription) => {
          const past = await collectUntil(subscription, caughtUp);
          await ctx.store.appendToStream(`${prefix}-b`, [
            { type: `${prefix}.rating.Given`, data: {} },
            { type: `${prefix}.case.Accepted`, data: {} },
          ]);
          const live = await collectUntil(subscription, (m) => countEvents(m) === 1);
          expect(eventsOf([...past, ...live]).map((e) => e.type)).toEqual([
            `${prefix}.case.Received`,
            `${prefix}.case.Accepted`,
          ]);
        },
      );
    });

    it('filters by stream-name prefix, and leaves out system events unfiltered', async () => {
      const prefix = uniquePrefix();
      await withSubscription(
        ctx.store,
        {
          fromPosition: (await ctx.store.headPosition()) ?? 'start',
        },
        async (subscription) => {
          await collectUntil(subscription, caughtUp);
          await ctx.store.appendToStream(`${prefix}-a`, [
            { type: '$system', data: {} },
            { type: 'test.Visible', data: {} },
          ]);
          const live = eventsOf(
            await collectUntil(subscription, (m) => eventsOf(m).some((e) => e.streamName.startsWith(prefix))),
          );
          expect(live.filter((e) => e.streamName.startsWith(prefix)).map((e) => e.type)).toEqual([
            'test.Visible',
          ]);
        },
      );
    });

    it('serves several subscribers independently', async () => {
      const prefix = uniquePrefix();
      await ctx.store.appendToStream(`${prefix}-a`, someEvents(2));
      const one = ctx.store.subscribeToAll({ filter: byPrefix(prefix) });
      const two = ctx.store.subscribeToAll({ filter: byPrefix(`${prefix}-b`) });
      try {
        await collectUntil(one, caughtUp);
        await collectUntil(two, caughtUp);
        await ctx.store.appendToStream(`${prefix}-b`, someEvents(2));
        const a = await eventsUntil(one, 2);
        const b = await eventsUntil(two, 2);
        expect(ids(a)).toEqual(ids(b));
        expectStrictlyIncreasing(a);
      } finally {
        await one.unsubscribe();
        await two.unsubscribe();
      }
    });
  });
}
