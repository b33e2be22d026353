import { WrongExpectedRevisionError } from '../port/errors.js';
import { ANY, NO_STREAM, STREAM_EXISTS, type AppendResult } from '../port/types.js';
import { someEvents, uniquePrefix, type ContractContext } from './contract-support.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function appendContract(ctx: ContractContext): void {
  describe('appending', () => {
    it('returns the last revision and position, and stores every field', async () => {
      const stream = `${uniquePrefix()}-a`;
      const before = Date.now();
      const result = await ctx.store.appendToStream(
        stream,
        [
          { type: 'test.Opened', data: { who: '张三', n: 1 }, metadata: { actor: 'clerk-1' } },
          { type: 'test.Noted', data: ['a', 2, null, { deep: true }] },
        ],
        { expectedRevision: NO_STREAM },
      );
      const read = await ctx.store.readStream(stream);

      expect(result.nextExpectedRevision).toBe(1);
      expect(read.map((e) => [e.type, e.streamRevision, e.streamName])).toEqual([
        ['test.Opened', 0, stream],
        ['test.Noted', 1, stream],
      ]);
      expect(read[0].data).toEqual({ who: '张三', n: 1 });
      expect(read[0].metadata).toEqual({ actor: 'clerk-1' });
      expect(read[1].data).toEqual(['a', 2, null, { deep: true }]);
      expect(read[1].metadata).toBeNull();
      expect(read[0].id).toMatch(UUID);
      expect(read[1].id).not.toBe(read[0].id);
      expect(read[1].position).toBeGreaterThan(read[0].position);
      expect(result.position).toBe(read[1].position);
      expect(read[0].created).toBeInstanceOf(Date);
      expect(Math.abs(read[0].created.getTime() - before)).toBeLessThan(60_000);
    });

    it('keeps the ids it is given', async () => {
      const stream = `${uniquePrefix()}-a`;
      const id = 'E3B0C442-98FC-4C14-9AFB-F4C8996FB924';
      await ctx.store.appendToStream(stream, [{ id, type: 'test.Happened', data: {} }]);
      const [event] = await ctx.store.readStream(stream);
      expect(event.id).toBe(id.toLowerCase());
    });

    it('appends with an exact expected revision that matches', async () => {
      const stream = `${uniquePrefix()}-a`;
      const first = await ctx.store.appendToStream(stream, someEvents(2), { expectedRevision: NO_STREAM });
      const second = await ctx.store.appendToStream(stream, someEvents(3), {
        expectedRevision: first.nextExpectedRevision,
      });
      expect(second.nextExpectedRevision).toBe(4);
      expect(second.position).toBeGreaterThan(first.position);
      expect((await ctx.store.readStream(stream)).map((e) => e.streamRevision)).toEqual([0, 1, 2, 3, 4]);
    });

    it('refuses an exact revision that does not match, carrying expected and actual, writing nothing', async () => {
      const stream = `${uniquePrefix()}-a`;
      await ctx.store.appendToStream(stream, someEvents(3));
      for (const expectedRevision of [0, 1, 3, 10]) {
        const attempt = ctx.store.appendToStream(stream, someEvents(1), { expectedRevision });
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(attempt).rejects.toMatchObject({
          type: 'wrong-expected-revision',
          streamName: stream,
          expected: expectedRevision,
          actual: 2,
        });
      }
      expect(await ctx.store.readStream(stream)).toHaveLength(3);
    });

    it('refuses an exact revision on a missing stream with actual no_stream', async () => {
      const stream = `${uniquePrefix()}-a`;
      await expect(
        ctx.store.appendToStream(stream, someEvents(1), { expectedRevision: 0 }),
      ).rejects.toMatchObject({
        expected: 0,
        actual: NO_STREAM,
      });
      await expect(ctx.store.readStream(stream)).rejects.toMatchObject({ type: 'stream-not-found' });
    });

    it('no_stream: creates a stream, refuses an existing one', async () => {
      const stream = `${uniquePrefix()}-a`;
      await ctx.store.appendToStream(stream, someEvents(2), { expectedRevision: NO_STREAM });
      await expect(
        ctx.store.appendToStream(stream, someEvents(1), { expectedRevision: NO_STREAM }),
      ).rejects.toMatchObject({ type: 'wrong-expected-revision', expected: NO_STREAM, actual: 1 });
      expect(await ctx.store.readStream(stream)).toHaveLength(2);
    });

    it('stream_exists: refuses a missing stream, appends to an existing one', async () => {
      const stream = `${uniquePrefix()}-a`;
      await expect(
        ctx.store.appendToStream(stream, someEvents(1), { expectedRevision: STREAM_EXISTS }),
      ).rejects.toMatchObject({
        type: 'wrong-expected-revision',
        expected: STREAM_EXISTS,
        actual: NO_STREAM,
      });
      await ctx.store.appendToStream(stream, someEvents(1));
      const result = await ctx.store.appendToStream(stream, someEvents(2), {
        expectedRevision: STREAM_EXISTS,
      });
      expect(result.nextExpectedRevision).toBe(2);
    });

    it('any: appends whatever the stream holds, and is the default', async () => {
      const stream = `${uniquePrefix()}-a`;
      const a = await ctx.store.appendToStream(stream, someEvents(1), { expectedRevision: ANY });
      const b = await ctx.store.appendToStream(stream, someEvents(2));
      expect([a.nextExpectedRevision, b.nextExpectedRevision]).toEqual([0, 2]);
    });

    it('lets exactly one of many racing appends with the same expected revision win', async () => {
      const stream = `${uniquePrefix()}-a`;
      await ctx.store.appendToStream(stream, someEvents(1));
      for (let round = 0; round < 5; round++) {
        const expectedRevision = round;
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, (_, writer) =>
            ctx.store.appendToStream(stream, [{ type: 'test.Raced', data: { round, writer } }], {
              expectedRevision,
            }),
          ),
        );
        const won = outcomes.filter(
          (o): o is PromiseFulfilledResult<AppendResult> => o.status === 'fulfilled',
        );
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(won[0].value.nextExpectedRevision).toBe(round + 1);
        for (const o of lost) {
          expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect(o.reason).toMatchObject({ expected: round, actual: round + 1 });
        }
      }
      const events = await ctx.store.readStream(stream);
      expect(events.map((e) => e.streamRevision)).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('keeps many concurrent writers to one stream in order, each batch contiguous', async () => {
      const stream = `${uniquePrefix()}-a`;
      const writers = 10;
      const perWriter = 5;
      await Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          for (let k = 0; k < perWriter; k++) {
            await ctx.store.appendToStream(stream, [
              { type: 'test.Batch', data: { writer, k, part: 0 } },
              { type: 'test.Batch', data: { writer, k, part: 1 } },
            ]);
          }
        }),
      );
      const events = await ctx.store.readStream(stream);
      expect(events.map((e) => e.streamRevision)).toEqual(
        Array.from({ length: writers * perWriter * 2 }, (_, i) => i),
      );
      for (let i = 1; i < events.length; i++)
        expect(events[i].position).toBeGreaterThan(events[i - 1].position);
      for (let i = 0; i < events.length; i += 2) {
        const [a, b] = [events[i].data, events[i + 1].data] as { writer: number; k: number; part: number }[];
        expect([a.part, b.part, b.writer, b.k]).toEqual([0, 1, a.writer, a.k]);
      }
    });

    it('orders concurrent writers to different streams the same way in $all and in each stream', async () => {
      const prefix = uniquePrefix();
      await Promise.all(
        Array.from({ length: 6 }, async (_, s) => {
          for (let k = 0; k < 5; k++)
            await ctx.store.appendToStream(`${prefix}-${s}`, someEvents(2, 'test.Happened', k * 2));
        }),
      );
      const all = await ctx.store.readAll({ filter: { streamNamePrefixes: [prefix] } });
      expect(all).toHaveLength(60);
      const seen = new Map<string, number>();
      for (let i = 0; i < all.length; i++) {
        if (i > 0) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
        const last = seen.get(all[i].streamName) ?? -1;
        expect(all[i].streamRevision).toBe(last + 1);
        expect(all[i].data).toEqual({ n: last + 1 });
        seen.set(all[i].streamName, all[i].streamRevision);
      }
    });
  });
}
