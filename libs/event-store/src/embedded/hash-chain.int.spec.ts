import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chainOf } from '../chain/event-chain.js';
import type { RecordedEvent, SubscriptionMessage } from '../port/types.js';
import { ReadOnlyEventStore } from '../read-only/read-only-event-store.js';
import { EmbeddedEventStore } from './embedded-event-store.js';

/** The chain of `event` recomputed from the previous chain of its stream. */
function recompute(previous: string | undefined, e: RecordedEvent): string {
  return chainOf(previous === undefined ? null : Buffer.from(previous, 'hex'), {
    streamName: e.streamName,
    streamRevision: e.streamRevision,
    id: e.id,
    type: e.type,
    data: e.data,
    metadata: e.metadata,
    created: e.created.getTime(),
    position: e.position,
  }).toString('hex');
}

describe('embedded store: hash chain', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'one-window-chain-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('chains every event to the previous one of its stream, in one group and across groups', async () => {
    const store = await EmbeddedEventStore.open({ dataDir });
    const live: RecordedEvent[] = [];
    const subscription = store.subscribeToAll();
    const seen = (async () => {
      for await (const m of subscription as AsyncIterable<SubscriptionMessage>) {
        if (m.kind === 'event') live.push(m.event);
        if (live.length === 5) break;
      }
    })();
    await Promise.all([
      store.appendToStream('a', [{ type: 't.A', data: { z: 1, a: [1, { y: '张', b: null }] } }]),
      store.appendToStream('b', [{ type: 't.B', data: {}, metadata: { actor: 'x' } }]),
      store.appendToStream(
        'a',
        [
          { type: 't.A', data: { n: 2 } },
          { type: 't.A', data: { n: 3 } },
        ],
        {
          expectedRevision: 0,
        },
      ),
    ]);
    await store.appendToStream('b', [{ type: 't.B', data: { n: 1.5e-7 } }], { expectedRevision: 0 });
    await seen;
    const all = await store.readAll();
    const last = new Map<string, string>();
    for (const e of all) {
      expect(e.chain).toMatch(/^[0-9a-f]{64}$/);
      expect(e.chain).toBe(recompute(last.get(e.streamName), e));
      last.set(e.streamName, e.chain!);
    }
    expect(live.map((e) => e.chain)).toEqual(all.map((e) => e.chain));
    await store.close();
  });

  it('an edited byte breaks the chain of that event', async () => {
    const store = await EmbeddedEventStore.open({ dataDir });
    await store.appendToStream('c', [{ type: 't.Rated', data: { rating: 3 } }]);
    await store.close();
    const db = new Database(join(dataDir, 'events.sqlite'));
    db.prepare(`UPDATE events SET data = '{"rating":5}'`).run();
    db.close();
    const reader = ReadOnlyEventStore.open({ dataDir });
    const [event] = await reader.readAll();
    expect(event.data).toEqual({ rating: 5 });
    expect(recompute(undefined, event)).not.toBe(event.chain);
    await reader.close();
  });

  it('migrates a log written before the chain: one recorded audit.ChainStarted marks where it starts', async () => {
    const file = join(dataDir, 'events.sqlite');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY, stream_name TEXT NOT NULL,
      stream_revision INTEGER NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL,
      metadata TEXT, created INTEGER NOT NULL) STRICT;
      CREATE UNIQUE INDEX events_by_stream ON events (stream_name, stream_revision);`);
    old
      .prepare(
        `INSERT INTO events VALUES (1, 'a', 0, '00000000-0000-4000-8000-000000000001', 't.A', '{}', NULL, 1)`,
      )
      .run();
    old.pragma('application_id = 1331119443');
    old.pragma('user_version = 1');
    old.close();

    const before = ReadOnlyEventStore.open({ file });
    expect((await before.readAll())[0].chain).toBeUndefined();
    await before.close();

    const store = await EmbeddedEventStore.open({ file });
    await store.appendToStream('a', [{ type: 't.A', data: { n: 1 } }], { expectedRevision: 0 });
    const [unchained, started, next] = await store.readAll();
    expect(unchained.chain).toBeUndefined();
    expect([started.streamName, started.type, started.data]).toEqual([
      'audit',
      'audit.ChainStarted',
      { position: 2 },
    ]);
    expect(started.chain).toBe(recompute(undefined, started));
    // The first chained event of an old stream chains to the origin.
    expect(next.chain).toBe(recompute(undefined, next));
    await store.close();
    const again = await EmbeddedEventStore.open({ file });
    expect((await again.readAll()).filter((e) => e.type === 'audit.ChainStarted')).toHaveLength(1);
    await again.close();
  });
});
