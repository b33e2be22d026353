import { NO_STREAM } from '../port/types.js';
import {
  eventsUntil,
  eventsWithIds,
  someEvents,
  uniquePrefix,
  type ContractContext,
} from './contract-support.js';

/** Needs the fixture's `reopen` (for a server adapter: a fresh client on the same server). */
export function persistenceContract(ctx: ContractContext): void {
  describe('across a reopen', () => {
    it('keeps events, revisions, positions and idempotency', async () => {
      const prefix = uniquePrefix();
      const stream = `${prefix}-a`;
      const batch = eventsWithIds(2);
      const written = await ctx.store.appendToStream(stream, batch, { expectedRevision: NO_STREAM });
      const before = await ctx.store.readStream(stream);

      const store = await ctx.reopen();

      expect(await store.readStream(stream)).toEqual(before);
      expect(await store.appendToStream(stream, batch, { expectedRevision: NO_STREAM })).toEqual(written);
      const next = await store.appendToStream(stream, someEvents(1), { expectedRevision: 1 });
      expect(next.nextExpectedRevision).toBe(2);
      expect(next.position).toBeGreaterThan(written.position);
    });

    it('resumes a subscription from its checkpoint', async () => {
      const prefix = uniquePrefix();
      await ctx.store.appendToStream(`${prefix}-a`, someEvents(3));
      const first = ctx.store.subscribeToAll({ filter: { streamNamePrefixes: [prefix] } });
      const seen = await eventsUntil(first, 2);
      await first.unsubscribe();

      const store = await ctx.reopen();
      await store.appendToStream(`${prefix}-b`, someEvents(2));
      const second = store.subscribeToAll({
        fromPosition: seen[1].position,
        filter: { streamNamePrefixes: [prefix] },
      });
      try {
        const rest = await eventsUntil(second, 3);
        const all = await store.readAll({ filter: { streamNamePrefixes: [prefix] } });
        expect([...seen, ...rest].map((e) => e.id)).toEqual(all.map((e) => e.id));
      } finally {
        await second.unsubscribe();
      }
    });
  });
}
