import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from '../port/errors.js';
import {
  ANY,
  type AppendOptions,
  type AppendResult,
  NO_STREAM,
  STREAM_EXISTS,
  type EventData,
  type EventStore,
} from '../port/types.js';
import { eventsWithIds, someEvents, uniquePrefix, type ContractContext } from './contract-support.js';

async function snapshot(store: EventStore, prefix: string): Promise<string[]> {
  const all = await store.readAll({ filter: { streamNamePrefixes: [prefix] } });
  return all.map((e) => `${e.streamName}@${e.streamRevision}:${e.id}:${e.position}`);
}

/** Each retry of `batch` to `stream` (with the options given, in turn) answers `first` and writes nothing under `prefix`. */
async function expectRetriesAnswer(
  store: EventStore,
  prefix: string,
  stream: string,
  batch: readonly EventData[],
  first: AppendResult,
  retries: readonly (AppendOptions | undefined)[],
): Promise<void> {
  const before = await snapshot(store, prefix);
  for (const options of retries) expect(await store.appendToStream(stream, batch, options)).toEqual(first);
  expect(await snapshot(store, prefix)).toEqual(before);
}

export function idempotencyContract(ctx: ContractContext): void {
  describe('idempotent appends (same event ids again)', () => {
    it('at the same exact revision: same result, nothing written', async () => {
      const prefix = uniquePrefix();
      const stream = `${prefix}-a`;
      await ctx.store.appendToStream(stream, someEvents(2));
      const batch = eventsWithIds(3);
      const first = await ctx.store.appendToStream(stream, batch, { expectedRevision: 1 });
      await expectRetriesAnswer(ctx.store, prefix, stream, batch, first, [{ expectedRevision: 1 }]);
    });

    it('with no_stream: same result, nothing written', async () => {
      const prefix = uniquePrefix();
      const stream = `${prefix}-a`;
      const batch = eventsWithIds(2);
      const first = await ctx.store.appendToStream(stream, batch, { expectedRevision: NO_STREAM });
      await expectRetriesAnswer(ctx.store, prefix, stream, batch, first, [{ expectedRevision: NO_STREAM }]);
    });

    it('with any and stream_exists: same result when the ids are already in the stream', async () => {
      const prefix = uniquePrefix();
      const stream = `${prefix}-a`;
      await ctx.store.appendToStream(stream, someEvents(1));
      const batch = eventsWithIds(2);
      const first = await ctx.store.appendToStream(stream, batch, { expectedRevision: ANY });
      await expectRetriesAnswer(ctx.store, prefix, stream, batch, first, [
        { expectedRevision: ANY },
        { expectedRevision: STREAM_EXISTS },
        undefined,
      ]);
    });

    it('still recognises a retry after the stream has moved on', async () => {
      const prefix = uniquePrefix();
      const stream = `${prefix}-a`;
      const batch = eventsWithIds(2);
      const first = await ctx.store.appendToStream(stream, batch, { expectedRevision: NO_STREAM });
      await ctx.store.appendToStream(stream, someEvents(1), { expectedRevision: 1 });
      await expectRetriesAnswer(ctx.store, prefix, stream, batch, first, [{ expectedRevision: NO_STREAM }]);
    });

    it('refuses ids that only partly match what was written, writing nothing', async () => {
      const prefix = uniquePrefix();
      const stream = `${prefix}-a`;
      const batch = eventsWithIds(2);
      await ctx.store.appendToStream(stream, batch, { expectedRevision: NO_STREAM });
      const before = await snapshot(ctx.store, prefix);
      const changed: EventData[] = [batch[0], { id: randomUUID(), type: 'test.Happened', data: {} }];
      const longer: EventData[] = [...batch, { id: randomUUID(), type: 'test.Happened', data: {} }];

      for (const [events, expectedRevision] of [
        [changed, NO_STREAM],
        [longer, NO_STREAM],
        [changed, ANY],
      ] as const) {
        const attempt = ctx.store.appendToStream(stream, events, { expectedRevision });
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(attempt).rejects.toMatchObject({ expected: expectedRevision, actual: 1 });
      }
      expect(await snapshot(ctx.store, prefix)).toEqual(before);
    });

    it('refuses the same ids at a revision where other events stand', async () => {
      const stream = `${uniquePrefix()}-a`;
      await ctx.store.appendToStream(stream, someEvents(1));
      const batch = eventsWithIds(1);
      await ctx.store.appendToStream(stream, batch, { expectedRevision: 0 });
      await expect(
        ctx.store.appendToStream(stream, batch, { expectedRevision: NO_STREAM }),
      ).rejects.toMatchObject({
        type: 'wrong-expected-revision',
        actual: 1,
      });
    });

    it('treats the same ids in another stream as new events', async () => {
      const prefix = uniquePrefix();
      const batch = eventsWithIds(2);
      await ctx.store.appendToStream(`${prefix}-a`, batch);
      const other = await ctx.store.appendToStream(`${prefix}-b`, batch);
      expect(other.nextExpectedRevision).toBe(1);
      expect((await ctx.store.readStream(`${prefix}-b`)).map((e) => e.id)).toEqual(batch.map((e) => e.id));
    });
  });
}
