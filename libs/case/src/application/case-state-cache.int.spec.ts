/**
 * The executor's cache of folded cases, on real embedded stores: whatever the cache holds, every
 * command gets the answer a full fold would give. Random command sequences go to two long-lived
 * executors sharing one store (two server instances, each with its own cache, each writing behind
 * the other's back) and, command for command, to a fresh executor (an empty cache: a full read)
 * on a second store; every answer, refusal and repeat must match.
 */
import fc from 'fast-check';
import { Catalog, demoCatalogDir, loadCatalog } from '@one-window/catalog';
import type { EmbeddedEventStore, EventStore, ReadStreamOptions } from '@one-window/event-store';
import { openTempEventStore } from '../../../event-store/src/testing/temp-store.js';
import { ManualClock } from '@one-window/shared';
import { GUIDE, ONE_STEP_GUIDE, calendar } from '../testing/fixtures.js';
import { nextSends, type Send } from '../testing/sends.js';
import type { CaseCommandResult } from './case-command-result.js';
import { engineOn } from '../testing/engine.js';
import { CaseStateCache } from './case-state-cache.js';
import { loadCase } from './case-stream.js';

const START = Date.parse('2026-03-02T09:00:00+08:00');
const HOUR = 3_600_000;

async function openStore(): Promise<{ store: EmbeddedEventStore; dispose(): Promise<void> }> {
  const temp = await openTempEventStore({ synchronous: 'NORMAL' });
  return { store: temp.current(), dispose: temp.dispose };
}

/** A fresh store on which one receipt per command id has made a case, for `test` to read. */
async function withReceipts(
  commandIds: readonly string[],
  test: (store: EmbeddedEventStore, received: readonly CaseCommandResult[]) => Promise<void>,
): Promise<void> {
  const { store, dispose } = await openStore();
  try {
    const engine = executor(store, new ManualClock('2026-03-02T02:00:00Z'));
    const [{ command, actor }] = nextSends(null, '2026-03-02T10:00:00+08:00');
    const received: CaseCommandResult[] = [];
    for (const commandId of commandIds) received.push(await engine.execute(command, { actor, commandId }));
    await test(store, received);
  } finally {
    await dispose();
  }
}

const outcome = async (run: () => Promise<unknown>): Promise<unknown> => {
  try {
    return { ok: await run() };
  } catch (error) {
    return { refused: (error as { code?: string }).code ?? String(error) };
  }
};

let catalog: Catalog;
beforeAll(async () => {
  const demo = await loadCatalog(demoCatalogDir());
  catalog = new Catalog([GUIDE, ONE_STEP_GUIDE], demo.directory);
});

// The same query code in both stores: the comparison is of the cache, not of the random source.
const executor = (store: EventStore, clock: ManualClock) =>
  engineOn(store, clock, catalog, { calendar: () => calendar }, (n) => 7 % n);

describe('CaseCommandExecutor with its cache of folded cases', () => {
  it('answers every command, refusal and repeat as a full fold does, with another writer behind its back', async () => {
    const step = fc.record({ pick: fc.nat(), hours: fc.integer({ min: 0, max: 24 * 6 }), by: fc.nat(3) });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const [shared, reference] = [await openStore(), await openStore()];
        try {
          const clock = new ManualClock(new Date(START));
          const instances = [executor(shared.store, clock), executor(shared.store, clock)];
          const sent: { send: Send; commandId: string }[] = [];
          let caseId: string | null = null;
          let now = START;
          for (const [i, { pick, hours, by }] of steps.entries()) {
            now += hours * HOUR;
            const state = caseId === null ? null : (await loadCase(reference.store, caseId)).state;
            const sends = nextSends(state, new Date(now).toISOString(), false);
            // Now and then a repeat of an earlier command id (a client's retry).
            const repeat = by === 3 && sent.length > 0 ? sent[pick % sent.length] : undefined;
            const { send, commandId } = repeat ?? { send: sends[pick % sends.length], commandId: `cmd-${i}` };
            if (!repeat) now = Math.max(now, Date.parse(send.at));
            clock.set(new Date(now));
            const meta = { actor: send.actor, commandId };
            const cached = await outcome(() => instances[by % 2].execute(send.command, meta));
            const full = await outcome(() => executor(reference.store, clock).execute(send.command, meta));
            expect(cached).toEqual(full);
            if (!repeat) sent.push({ send, commandId });
            const ok = (full as { ok?: { caseId: string } }).ok;
            if (ok && caseId === null) caseId = ok.caseId;
          }
          if (caseId !== null) {
            const [a, b] = [await loadCase(shared.store, caseId), await loadCase(reference.store, caseId)];
            expect(a.events.map((e) => [e.type, e.data])).toEqual(b.events.map((e) => [e.type, e.data]));
          }
        } finally {
          await shared.dispose();
          await reference.dispose();
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});

describe('CaseStateCache', () => {
  /** Records the revision every stream read starts from. */
  class Watched {
    reads: (ReadStreamOptions | undefined)[] = [];
    constructor(readonly inner: EventStore) {}
    readStream: EventStore['readStream'] = (stream, options) => {
      this.reads.push(options);
      return this.inner.readStream(stream, options);
    };
  }

  it('reads only the events after the revision it holds, and the whole stream when it holds none', () =>
    withReceipts(['r1'], async (store, [received]) => {
      const watched = new Watched(store);
      const cache = new CaseStateCache(watched as unknown as EventStore, 10);
      const first = await cache.load(received.caseId);
      const again = await cache.load(received.caseId);
      expect(watched.reads.map((o) => o?.fromRevision)).toEqual([0, 1]);
      expect(again).toBe(first);
      expect(first.answers.get('r1')).toEqual({ ...received, written: false }); // a replay keeps the event list
      cache.forget(received.caseId);
      await cache.load(received.caseId);
      expect(watched.reads.map((o) => o?.fromRevision)).toEqual([0, 1, 0]);
    }));

  it('keeps at most its capacity, dropping the least recently used', () =>
    withReceipts(['r0', 'r1', 'r2'], async (store, received) => {
      const ids = received.map((r) => r.caseId);
      const watched = new Watched(store);
      const cache = new CaseStateCache(watched as unknown as EventStore, 2);
      for (const id of ids) await cache.load(id);
      expect(cache.size).toBe(2);
      watched.reads = [];
      await cache.load(ids[2]); // held: reads after revision 0
      await cache.load(ids[0]); // dropped: reads the whole stream
      expect(watched.reads.map((o) => o?.fromRevision)).toEqual([1, 0]);
    }));
});
