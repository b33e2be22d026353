import { WrongExpectedRevisionError } from '../port/errors.js';
import { NO_STREAM, type AppendResult, type RecordedEvent, type Subscription } from '../port/types.js';
import {
  collectUntil,
  eventsUntil,
  someEvents,
  uniquePrefix,
  type ContractContext,
} from './contract-support.js';

/**
 * Many appends in flight at once, as a busy hall sends them: a store may commit them together
 * (the embedded store's group commit), but each keeps its own expected-revision check and its
 * own all-or-nothing result, `$all` keeps commit order, and live subscribers see every event once.
 */
export function groupCommitContract(ctx: ContractContext): void {
  describe('appends in flight together', () => {
    const live = async (prefix: string): Promise<Subscription> => {
      const subscription = ctx.store.subscribeToAll({ filter: { streamNamePrefixes: [prefix] } });
      await collectUntil(subscription, (m) => m.some((x) => x.kind === 'caught-up'));
      return subscription;
    };
    const seenBy = async (subscription: Subscription, count: number): Promise<RecordedEvent[]> => {
      try {
        return await eventsUntil(subscription, count);
      } finally {
        await subscription.unsubscribe();
      }
    };

    it('gives each of many appends to many streams its own result, in $all and live in commit order, once', async () => {
      const prefix = uniquePrefix();
      const subscribers = [await live(prefix), await live(prefix)];
      const streams = Array.from({ length: 40 }, (_, s) => `${prefix}-${s}`);
      const first = await Promise.all(
        streams.map((s) => ctx.store.appendToStream(s, someEvents(2), { expectedRevision: NO_STREAM })),
      );
      const second = await Promise.all(
        streams.map((s) =>
          ctx.store.appendToStream(s, someEvents(1, 'test.Happened', 2), { expectedRevision: 1 }),
        ),
      );
      expect(first.every((r) => r.nextExpectedRevision === 1)).toBe(true);
      expect(second.every((r) => r.nextExpectedRevision === 2)).toBe(true);

      const all = await ctx.store.readAll({ filter: { streamNamePrefixes: [prefix] } });
      expect(all).toHaveLength(120);
      for (let i = 1; i < all.length; i++) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
      // Each append's answer names the position of its own last event, and its events are contiguous.
      const byPosition = new Map(all.map((e, i) => [e.position, i]));
      streams.forEach((stream, s) => {
        const last = byPosition.get(first[s].position)!;
        expect(all.slice(last - 1, last + 1).map((e) => [e.streamName, e.streamRevision])).toEqual([
          [stream, 0],
          [stream, 1],
        ]);
        expect(all[byPosition.get(second[s].position)!]).toMatchObject({
          streamName: stream,
          streamRevision: 2,
        });
      });
      for (const subscriber of subscribers) {
        const seen = await seenBy(subscriber, 120);
        expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
      }
    });

    it('fails a refused append alone: the appends beside it commit, it writes nothing', async () => {
      const prefix = uniquePrefix();
      const [b, d] = [`${prefix}-b`, `${prefix}-d`];
      await ctx.store.appendToStream(b, someEvents(1));
      await ctx.store.appendToStream(d, someEvents(1));
      const subscriber = await live(prefix);
      const outcomes = await Promise.allSettled([
        ctx.store.appendToStream(`${prefix}-a`, someEvents(2), { expectedRevision: NO_STREAM }),
        ctx.store.appendToStream(b, someEvents(3), { expectedRevision: 5 }),
        ctx.store.appendToStream(`${prefix}-c`, someEvents(1)),
        ctx.store.appendToStream(d, someEvents(2), { expectedRevision: NO_STREAM }),
        ctx.store.appendToStream(`${prefix}-e`, someEvents(1), { expectedRevision: NO_STREAM }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual([
        'fulfilled',
        'rejected',
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      const [, refusedB, , refusedD] = outcomes as PromiseRejectedResult[];
      expect(refusedB.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(refusedB.reason).toMatchObject({ expected: 5, actual: 0 });
      expect(refusedD.reason).toMatchObject({ expected: NO_STREAM, actual: 0 });
      expect(await ctx.store.readStream(b)).toHaveLength(1);
      expect(await ctx.store.readStream(d)).toHaveLength(1);
      const seen = await seenBy(subscriber, 4);
      expect(seen.map((e) => e.streamName).sort()).toEqual([
        `${prefix}-a`,
        `${prefix}-a`,
        `${prefix}-c`,
        `${prefix}-e`,
      ]);
    });

    it('lets exactly one racer per expected revision win on a hot stream while appends to other streams all commit', async () => {
      const prefix = uniquePrefix();
      const hot = `${prefix}-hot`;
      await ctx.store.appendToStream(hot, someEvents(1));
      for (let round = 0; round < 5; round++) {
        const racers = Array.from({ length: 8 }, (_, writer) =>
          ctx.store.appendToStream(hot, [{ type: 'test.Raced', data: { round, writer } }], {
            expectedRevision: round,
          }),
        );
        const others = Array.from({ length: 8 }, (_, k) =>
          ctx.store.appendToStream(`${prefix}-own-${round}-${k}`, someEvents(1), {
            expectedRevision: NO_STREAM,
          }),
        );
        const raced = await Promise.allSettled(racers);
        const won = raced.filter((o): o is PromiseFulfilledResult<AppendResult> => o.status === 'fulfilled');
        expect(won).toHaveLength(1);
        expect(won[0].value.nextExpectedRevision).toBe(round + 1);
        for (const o of raced)
          if (o.status === 'rejected') expect(o.reason).toMatchObject({ expected: round, actual: round + 1 });
        expect((await Promise.all(others)).every((r) => r.nextExpectedRevision === 0)).toBe(true);
      }
      expect((await ctx.store.readStream(hot)).map((e) => e.streamRevision)).toEqual([0, 1, 2, 3, 4, 5]);
    });
  });
}
