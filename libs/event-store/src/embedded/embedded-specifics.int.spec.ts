import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  EventStoreLockedError,
  EventStoreUnavailableError,
  InvalidEventStoreInputError,
} from '../port/errors.js';
import { MAX_APPEND_BYTES } from '../port/limits.js';
import type { SubscriptionMessage } from '../port/types.js';
import { StoreProcess } from '../testing/store-process/store-process.js';
import { EmbeddedEventStore } from './embedded-event-store.js';
import type { CommitFeedMessage } from './writer-protocol.js';

/** Opens a store, runs `use` on it, and closes it whatever happens. */
async function withStore(
  options: Parameters<typeof EmbeddedEventStore.open>[0],
  use: (store: EmbeddedEventStore) => Promise<void>,
): Promise<void> {
  const store = await EmbeddedEventStore.open(options);
  try {
    await use(store);
  } finally {
    await store.close();
  }
}

describe('embedded store: file, lock, durability and limits', () => {
  let dataDir: string;
  let file: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'one-window-embedded-'));
    file = join(dataDir, 'events.sqlite');
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data/events.sqlite under the working directory by default', async () => {
    const cwd = process.cwd();
    process.chdir(dataDir);
    try {
      const store = await EmbeddedEventStore.open();
      expect(store.file).toBe(join(dataDir, 'data', 'events.sqlite'));
      await store.close();
    } finally {
      process.chdir(cwd);
    }
  });

  it('uses WAL with synchronous=FULL by default, NORMAL when asked', async () => {
    const full = await EmbeddedEventStore.open({ dataDir });
    expect(full.durability()).toEqual({
      journalMode: 'wal',
      synchronous: 'FULL',
      lockingMode: 'normal',
      writer: 'worker thread, group commit',
    });
    await full.close();
    const normal = await EmbeddedEventStore.open({ dataDir, synchronous: 'NORMAL' });
    expect(normal.durability().synchronous).toBe('NORMAL');
    await normal.close();
  });

  it('refuses a second open of the same file in this process until the first closes', async () => {
    const first = await EmbeddedEventStore.open({ dataDir });
    await expect(EmbeddedEventStore.open({ dataDir })).rejects.toBeInstanceOf(EventStoreLockedError);
    await first.appendToStream('s', [{ type: 't', data: 1 }]);
    await first.close();
    const second = await EmbeddedEventStore.open({ dataDir });
    expect(await second.readStream('s')).toHaveLength(1);
    await second.close();
  });

  it('makes another process fail clearly while this one holds the file', async () => {
    const store = await EmbeddedEventStore.open({ file });
    await store.appendToStream('s', [{ type: 't', data: 1 }]);
    const other = StoreProcess.start('hold', file);
    const answer = await other.waitFor((l) => 'opened' in l);
    expect(answer).toMatchObject({ opened: false, name: 'EventStoreLockedError', type: 'locked' });
    expect(answer.message).toContain('in use by another process');
    expect(await other.exited).toBe(0);
    await store.appendToStream('s', [{ type: 't', data: 2 }], { expectedRevision: 0 });
    expect(await store.readStream('s')).toHaveLength(2);
    await store.close();
  });

  it('fails clearly while another process holds the file, and opens once it lets go', async () => {
    const other = StoreProcess.start('hold', file);
    expect(await other.waitFor((l) => 'opened' in l)).toEqual({ opened: true });
    const attempt = EmbeddedEventStore.open({ file });
    await expect(attempt).rejects.toBeInstanceOf(EventStoreLockedError);
    await expect(attempt).rejects.toThrow(/in use by another process/);
    other.release();
    await other.waitFor((l) => 'closed' in l);
    await other.exited;
    const store = await EmbeddedEventStore.open({ file });
    await store.close();
  });

  it.each([
    ['one append at a time', 'append', 600],
    ['16 writers, a group always in flight', 'groups', 3000],
  ] as const)(
    'loses no acknowledged append and keeps no partial one when the writing process is killed (%s)',
    async (_, mode, upTo) => {
      const writer = StoreProcess.start(mode, file);
      await writer.waitFor((l) => 'acked' in l && (l.acked as { position: number }).position >= upTo);
      writer.kill();
      await writer.exited;
      const said = writer.all();
      const acked = said.flatMap((l) =>
        'acked' in l ? [l.acked as { stream: string; nextExpectedRevision: number }] : [],
      );
      if (mode === 'groups') {
        // Groups held several appends: fewer commits than acknowledged appends.
        const groups = Math.max(...said.map((l) => (l.groups as number | undefined) ?? 0));
        expect(groups).toBeLessThan(acked.length);
      }

      await withStore({ file }, async (store) => {
        for (const { stream, nextExpectedRevision } of acked) {
          const events = await store.readStream(stream, { fromRevision: nextExpectedRevision, maxCount: 1 });
          expect(events).toHaveLength(1);
        }
        const all = await store.readAll();
        expect(all.length).toBeGreaterThanOrEqual(acked.length * 3);
        expect(all.length % 3).toBe(0);
        for (let i = 0; i < all.length; i += 3) {
          const batch = all.slice(i, i + 3);
          expect(batch.map((e) => (e.data as { part: number }).part)).toEqual([0, 1, 2]);
          expect(new Set(batch.map((e) => e.streamName)).size).toBe(1);
        }
      });
    },
  );

  it('feeds every commit after commitFeed() resolves to its port from the writer thread, in commit order; earlier ones are in the file', async () => {
    await withStore({ dataDir }, async (store) => {
      const before = await store.appendToStream('f-0', [{ type: 't', data: { n: 0 } }]);
      const port = await store.commitFeed();
      const fed: CommitFeedMessage[] = [];
      const ended = new Promise<void>((resolve) =>
        port.on('message', (message: CommitFeedMessage) => {
          fed.push(message);
          if (message.rows.some((row) => row[4] === 'end')) resolve();
        }),
      );
      await Promise.all(
        Array.from({ length: 20 }, (_, n) =>
          store.appendToStream(`f-${n + 1}`, [
            { type: 't', data: { n: n + 1 } },
            { type: 'u', data: null },
          ]),
        ),
      );
      // A refused append (wrong revision) writes nothing and feeds nothing.
      await expect(
        store.appendToStream('f-1', [{ type: 't', data: {} }], { expectedRevision: 7 }),
      ).rejects.toThrow();
      await store.appendToStream('f-last', [{ type: 'end', data: { last: true } }]);
      await ended;
      port.close();
      const rows = fed.flatMap((m) => m.rows);
      const log = await store.readAll({ fromPosition: before.position + 1 });
      expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[4], JSON.parse(r[5]) as unknown])).toEqual(
        log.map((e) => [e.position, e.streamName, e.streamRevision, e.id, e.type, e.data]),
      );
      expect(rows.every((r) => r[8]?.length === 32)).toBe(true);
      expect(rows).toHaveLength(41);
    });
  });

  it('commits appends that arrive together in one group, answering each on its own', async () => {
    await withStore({ dataDir }, async (store) => {
      const before = store.commitStats();
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, s) => store.appendToStream(`g-${s}`, [{ type: 't', data: s }])),
      );
      const after = store.commitStats();
      expect(after.appends - before.appends).toBe(50);
      // They go over in messages of EAGER_SEND_APPENDS (13 here); the writer may start on the first
      // before the rest arrive, then drains all that arrived before each commit: a few groups, never
      // one per message. (Two when the machine is idle; three seen under load.)
      expect(after.groups - before.groups).toBeLessThanOrEqual(4);
      expect(new Set(results.map((r) => r.position)).size).toBe(50);
    });
  });

  it('answers every maxCount alike, past the few that get a statement of their own', async () => {
    await withStore({ dataDir }, async (store) => {
      await store.appendToStream(
        's-1',
        Array.from({ length: 120 }, (_, i) => ({ type: 't', data: i })),
      );
      const all = await store.readStream('s-1');
      for (let maxCount = 1; maxCount <= 110; maxCount++) {
        const forwards = await store.readStream('s-1', { fromRevision: 3, maxCount });
        expect(forwards.map((e) => e.data)).toEqual(all.slice(3, 3 + maxCount).map((e) => e.data));
        const backwards = await store.readStream('s-1', { direction: 'backwards', maxCount });
        expect(backwards.map((e) => e.data)).toEqual(
          [...all]
            .reverse()
            .slice(0, maxCount)
            .map((e) => e.data),
        );
        expect((await store.readAll({ maxCount })).length).toBe(maxCount);
      }
    });
  });

  it('lets the event loop in between the pages of a catch-up (a long log does not hold it)', async () => {
    await withStore({ dataDir, synchronous: 'NORMAL', catchUpBatchSize: 50 }, async (store) => {
      await store.appendToStream(
        's-1',
        Array.from({ length: 500 }, (_, i) => ({ type: 't', data: i })),
      );
      let timerRanAt = -1;
      let seen = 0;
      setImmediate(() => (timerRanAt = seen));
      for await (const message of store.subscribeToAll()) {
        if (message.kind === 'caught-up') break;
        seen++;
      }
      expect(seen).toBe(500);
      // The callback ran while the subscriber was still catching up, not after it.
      expect(timerRanAt).toBeGreaterThanOrEqual(0);
      expect(timerRanAt).toBeLessThan(500);
    });
  });

  it('keeps serving reads on the main thread while the writer commits', async () => {
    await withStore({ dataDir }, async (store) => {
      await store.appendToStream('r', [{ type: 't', data: 0 }]);
      const appends = Array.from({ length: 20 }, (_, n) =>
        store.appendToStream('w', [{ type: 't', data: n }]),
      );
      // Answered from this thread's connection before any of the appends above has been acknowledged.
      expect(await store.readStream('r')).toHaveLength(1);
      await Promise.all(appends);
      expect(await store.readStream('w')).toHaveLength(20);
    });
  });

  it('accepts an append of exactly 1 MiB (counted in UTF-8 bytes) and refuses one byte more', async () => {
    await withStore({ dataDir }, async (store) => {
      const type = 'test.Big';
      // JSON of a string of k three-byte characters: 3k + 2 bytes.
      const k = (MAX_APPEND_BYTES - Buffer.byteLength(type) - 2) / 3;
      expect(Number.isInteger(k)).toBe(true);
      const exact = '张'.repeat(k);
      await store.appendToStream('big', [{ type, data: exact }]);
      const over = store.appendToStream('big', [{ type: `${type}X`, data: exact }]);
      await expect(over).rejects.toBeInstanceOf(InvalidEventStoreInputError);
      await expect(over).rejects.toThrow(`limit is ${MAX_APPEND_BYTES} bytes`);
      expect(await store.readStream('big')).toHaveLength(1);
    });
  });

  it('sends a subscriber that falls behind its live buffer back to the file, losing nothing', async () => {
    await withStore({ dataDir, liveBufferSize: 10, catchUpBatchSize: 7 }, async (store) => {
      await store.appendToStream('s', [{ type: 't', data: -1 }]);
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      const first: SubscriptionMessage[] = [(await iterator.next()).value, (await iterator.next()).value];
      expect(first.map((m) => m.kind)).toEqual(['event', 'caught-up']);
      for (let n = 0; n < 100; n++) await store.appendToStream('s', [{ type: 't', data: n }]);
      const rest: number[] = [];
      while (rest.length < 100) {
        const { value } = await iterator.next();
        if (value.kind === 'event') rest.push(value.event.data as number);
      }
      expect(rest).toEqual(Array.from({ length: 100 }, (_, n) => n));
      await subscription.unsubscribe();
    });
  });

  it('ends its subscriptions on close and refuses further calls', async () => {
    const store = await EmbeddedEventStore.open({ dataDir });
    const subscription = store.subscribeToAll();
    const kinds: string[] = [];
    const loop = (async () => {
      for await (const message of subscription) kinds.push(message.kind);
    })();
    await store.appendToStream('s', [{ type: 't', data: 1 }]);
    await new Promise((resolve) => setImmediate(resolve));
    await store.close();
    await loop;
    expect(kinds).toEqual(['caught-up', 'event']);
    await expect(store.appendToStream('s', [{ type: 't', data: 2 }])).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    expect(() => store.subscribeToAll()).toThrow(EventStoreUnavailableError);
    await store.close();
  });

  it('refuses files that are not its own', async () => {
    writeFileSync(file, 'not a database at all, just some text that is long enough to have a header');
    await expect(EmbeddedEventStore.open({ file })).rejects.toBeInstanceOf(EventStoreLockedError);

    const other = join(dataDir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    db.close();
    await expect(EmbeddedEventStore.open({ file: other })).rejects.toThrow(/not a One Window event store/);

    const newer = join(dataDir, 'newer.sqlite');
    await (await EmbeddedEventStore.open({ file: newer })).close();
    const raw = new Database(newer);
    raw.pragma('user_version = 99');
    raw.close();
    await expect(EmbeddedEventStore.open({ file: newer })).rejects.toThrow(/newer version/);
  });
});
