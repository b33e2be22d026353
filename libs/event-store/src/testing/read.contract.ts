import { StreamNotFoundError } from '../port/errors.js';
import type { RecordedEvent } from '../port/types.js';
import { someEvents, uniquePrefix, type ContractContext } from './contract-support.js';

const revisions = (events: readonly RecordedEvent[]): number[] => events.map((e) => e.streamRevision);

export function readContract(ctx: ContractContext): void {
  describe('reading a stream', () => {
    async function streamOf(count: number): Promise<string> {
      const stream = `${uniquePrefix()}-a`;
      await ctx.store.appendToStream(stream, someEvents(count));
      return stream;
    }

    it('reads forwards from the start by default', async () => {
      const stream = await streamOf(5);
      const events = await ctx.store.readStream(stream);
      expect(revisions(events)).toEqual([0, 1, 2, 3, 4]);
      expect(events.map((e) => e.data)).toEqual([0, 1, 2, 3, 4].map((n) => ({ n })));
    });

    it('reads forwards from a revision, inclusive, with a count', async () => {
      const stream = await streamOf(6);
      expect(revisions(await ctx.store.readStream(stream, { fromRevision: 2 }))).toEqual([2, 3, 4, 5]);
      expect(revisions(await ctx.store.readStream(stream, { fromRevision: 2, maxCount: 3 }))).toEqual([
        2, 3, 4,
      ]);
      expect(revisions(await ctx.store.readStream(stream, { maxCount: 2 }))).toEqual([0, 1]);
    });

    it('reads backwards from the end or from a revision, with a count', async () => {
      const stream = await streamOf(5);
      expect(revisions(await ctx.store.readStream(stream, { direction: 'backwards' }))).toEqual([
        4, 3, 2, 1, 0,
      ]);
      expect(revisions(await ctx.store.readStream(stream, { direction: 'backwards', maxCount: 1 }))).toEqual([
        4,
      ]);
      expect(
        revisions(
          await ctx.store.readStream(stream, { direction: 'backwards', fromRevision: 2, maxCount: 2 }),
        ),
      ).toEqual([2, 1]);
      expect(
        revisions(
          await ctx.store.readStream(stream, { direction: 'backwards', fromRevision: 'end', maxCount: 2 }),
        ),
      ).toEqual([4, 3]);
    });

    it('gives nothing past the end of an existing stream', async () => {
      const stream = await streamOf(3);
      expect(await ctx.store.readStream(stream, { fromRevision: 3 })).toEqual([]);
      expect(await ctx.store.readStream(stream, { fromRevision: 100, maxCount: 5 })).toEqual([]);
    });

    it('raises StreamNotFoundError for a stream with no events, in either direction', async () => {
      const stream = `${uniquePrefix()}-missing`;
      for (const direction of ['forwards', 'backwards'] as const) {
        const attempt = ctx.store.readStream(stream, { direction });
        await expect(attempt).rejects.toBeInstanceOf(StreamNotFoundError);
        await expect(attempt).rejects.toMatchObject({ type: 'stream-not-found', streamName: stream });
      }
    });

    it('round-trips JSON exactly', async () => {
      const stream = `${uniquePrefix()}-json`;
      const data = {
        text: '申请人: 巴特尔 — "quotes" \\ and\nnewlines 🐎',
        numbers: [0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER],
        flags: [true, false, null],
        nested: { empty: {}, list: [] as unknown[], deep: { deeper: { deepest: 'x' } } },
      };
      await ctx.store.appendToStream(stream, [
        { type: 'test.Json', data, metadata: { correlationId: 'c-1', list: [1, 2] } },
        { type: 'test.Scalar', data: 'just a string' },
        { type: 'test.Null', data: null, metadata: null },
      ]);
      const [a, b, c] = await ctx.store.readStream(stream);
      expect(a.data).toEqual(data);
      expect(a.metadata).toEqual({ correlationId: 'c-1', list: [1, 2] });
      expect(b.data).toBe('just a string');
      expect(c.data).toBeNull();
      expect(c.metadata).toBeNull();
    });
  });

  describe('reading $all', () => {
    it('gives every event in commit order, across streams', async () => {
      const prefix = uniquePrefix();
      await ctx.store.appendToStream(`${prefix}-a`, someEvents(2));
      await ctx.store.appendToStream(`${prefix}-b`, someEvents(1));
      await ctx.store.appendToStream(`${prefix}-a`, someEvents(1, 'test.Happened', 2));
      const all = await ctx.store.readAll({ filter: { streamNamePrefixes: [prefix] } });
      expect(all.map((e) => `${e.streamName.slice(prefix.length)}@${e.streamRevision}`)).toEqual([
        '-a@0',
        '-a@1',
        '-b@0',
        '-a@2',
      ]);
      for (let i = 1; i < all.length; i++) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
    });

    it('starts at fromPosition inclusively', async () => {
      const prefix = uniquePrefix();
      await ctx.store.appendToStream(`${prefix}-a`, someEvents(5));
      const all = await ctx.store.readAll({ filter: { streamNamePrefixes: [prefix] } });
      const from = await ctx.store.readAll({
        fromPosition: all[2].position,
        filter: { streamNamePrefixes: [prefix] },
      });
      expect(from.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id));
      const unfiltered = await ctx.store.readAll({ fromPosition: all[2].position, maxCount: 1 });
      expect(unfiltered.map((e) => e.id)).toEqual([all[2].id]);
    });

    it('honours maxCount, counting only events that pass the filter', async () => {
      const prefix = uniquePrefix();
      await ctx.store.appendToStream(`${prefix}-a`, someEvents(3));
      await ctx.store.appendToStream(`${prefix}-b`, someEvents(3));
      const two = await ctx.store.readAll({ maxCount: 2, filter: { streamNamePrefixes: [`${prefix}-b`] } });
      expect(two.map((e) => `${e.streamName}@${e.streamRevision}`)).toEqual([
        `${prefix}-b@0`,
        `${prefix}-b@1`,
      ]);
    });

    it('filters by stream-name prefixes or by event-type prefixes', async () => {
      const prefix = uniquePrefix();
      await ctx.store.appendToStream(`${prefix}-case-1`, someEvents(1, `${prefix}.case.Received`));
      await ctx.store.appendToStream(`${prefix}-rating-1`, someEvents(1, `${prefix}.rating.Given`));
      await ctx.store.appendToStream(`${prefix}-case-2`, someEvents(1, `${prefix}.case.Accepted`));
      await ctx.store.appendToStream(`${prefix}-other`, someEvents(1, `${prefix}.other.Thing`));

      const byStream = await ctx.store.readAll({
        filter: { streamNamePrefixes: [`${prefix}-case-`, `${prefix}-rating-`] },
      });
      expect(byStream.map((e) => e.streamName)).toEqual([
        `${prefix}-case-1`,
        `${prefix}-rating-1`,
        `${prefix}-case-2`,
      ]);

      const byType = await ctx.store.readAll({ filter: { eventTypePrefixes: [`${prefix}.case.`] } });
      expect(byType.map((e) => e.type)).toEqual([`${prefix}.case.Received`, `${prefix}.case.Accepted`]);
    });

    it('matches prefixes case-sensitively', async () => {
      const prefix = uniquePrefix();
      await ctx.store.appendToStream(`${prefix}-Case-1`, someEvents(1));
      await ctx.store.appendToStream(`${prefix}-case-1`, someEvents(1));
      const lower = await ctx.store.readAll({ filter: { streamNamePrefixes: [`${prefix}-case`] } });
      expect(lower.map((e) => e.streamName)).toEqual([`${prefix}-case-1`]);
    });

    it('leaves out system events ($-prefixed types), which stay readable in their stream', async () => {
      const prefix = uniquePrefix();
      const stream = `${prefix}-a`;
      await ctx.store.appendToStream(stream, [
        { type: 'test.Visible', data: {} },
        { type: '$test.system', data: {} },
        { type: 'test.Visible', data: {} },
      ]);
      const all = await ctx.store.readAll({ filter: { streamNamePrefixes: [prefix] } });
      expect(all.map((e) => e.streamRevision)).toEqual([0, 2]);
      expect((await ctx.store.readStream(stream)).map((e) => e.type)).toEqual([
        'test.Visible',
        '$test.system',
        'test.Visible',
      ]);
    });

    it('reports the head position: the last event written', async () => {
      const stream = `${uniquePrefix()}-a`;
      const result = await ctx.store.appendToStream(stream, someEvents(3));
      expect(await ctx.store.headPosition()).toBe(result.position);
    });

    it('reports the head position of the last non-system event, as $all shows it', async () => {
      const stream = `${uniquePrefix()}-a`;
      const visible = await ctx.store.appendToStream(stream, someEvents(1));
      await ctx.store.appendToStream(stream, [{ type: '$test.system', data: {} }]);
      expect(await ctx.store.headPosition()).toBe(visible.position);
    });
  });
}
