/* eslint-disable @typescript-eslint/no-explicit-any -- health answers are inspected field by field */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  EmbeddedEventStore,
  EventStoreStorageError,
  ReadOnlyEventStore,
  storageFault,
} from '@one-window/event-store';
import { damageFirstEventsPage } from '../../../../libs/event-store/src/testing/damage-file.js';
import { ApiWorld, foodLicenceReceipt } from '../../test/support/api-world.js';
import { startTestServer } from '../../test/support/test-server.js';
import { eventStoreProblem } from '../problem/event-store-problems.js';

interface World {
  readonly app: NestFastifyApplication;
  readonly base: string;
  readonly store: EmbeddedEventStore;
  close(): Promise<void>;
}

/** The test server on a store of at most `maxPageCount` pages (a disk that fills up), its DATA_DIR kept. */
async function serve(dataDir: string, maxPageCount?: number): Promise<World> {
  const store = await EmbeddedEventStore.open({ dataDir, synchronous: 'NORMAL', maxPageCount });
  const server = await startTestServer({ readWaitMs: 200 }, { dataDir, store });
  return {
    app: server.app,
    base: server.base,
    store,
    close: async () => {
      await server.close({ keepData: true });
      await store.close();
    },
  };
}

function pageCount(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('page_count', { simple: true }) as number;
  } finally {
    db.close();
  }
}

async function ready(base: string): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`${base}/health/ready`);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('disk faults are worded 503s, never 500s (issue 10, defect 5)', () => {
  const dirs: string[] = [];
  const dir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'one-window-faults-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('a full disk (SQLITE_FULL, max_page_count): the command is a 503 disk-full problem in zh and en, readiness says why', async () => {
    const dataDir = dir();
    const first = await serve(dataDir);
    await first.close();
    const file = join(dataDir, 'events.sqlite');
    const world = await serve(dataDir, pageCount(file) + 2);
    try {
      const api = await ApiWorld.signIn(world.base);
      // Fill what room is left; then the disk is full.
      let full: unknown;
      for (let i = 0; i < 200 && full === undefined; i++) {
        await world.store
          .appendToStream(`filler-${i}`, [{ type: 't.Filler', data: { text: 'x'.repeat(4000) } }])
          .catch((error: unknown) => (full = error));
      }
      expect(full).toBeInstanceOf(EventStoreStorageError);
      expect((full as EventStoreStorageError).fault).toBe('disk-full');
      expect((full as Error).message).toMatch(/SQLITE_FULL/);
      const head = await world.store.headPosition();

      const res = await api.as('clerk1', 'POST', '/api/cases', foodLicenceReceipt());
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.headers.get('retry-after')).toBe('30');
      expect(res.body).toMatchObject({
        type: '/problems/disk-full',
        status: 503,
        titleZh: '事件存储磁盘已满',
        detail: expect.stringMatching(/disk of the event store is full/),
        detailZh: expect.stringMatching(/磁盘已满/),
      });
      expect(res.body.detailZh).not.toMatch(/SQLITE|[A-Za-z]{4,}/);
      expect(await world.store.headPosition()).toBe(head);

      const health = await ready(world.base);
      expect(health.status).toBe(503);
      expect(health.body.checks.eventStore).toMatchObject({
        ok: false,
        fault: 'disk-full',
        errorZh: expect.stringMatching(/磁盘已满/),
      });
    } finally {
      await world.close();
    }
  });

  it('startup on a full disk names SQLITE_FULL, not "cannot rollback - no transaction is active"', async () => {
    const opening = EmbeddedEventStore.open({ dataDir: dir(), maxPageCount: 1 });
    await expect(opening).rejects.toBeInstanceOf(EventStoreStorageError);
    await expect(opening).rejects.toThrow(/disk of the event store is full.*SQLITE_FULL/);
    await expect(opening).rejects.not.toThrow(/cannot rollback/);
  });

  it('a read-only file (SQLITE_READONLY, as EROFS gives it) is the read-only fault', () => {
    const dataDir = dir();
    const file = join(dataDir, 'events.sqlite');
    new Database(file).exec('CREATE TABLE t (x)');
    const db = new Database(file, { readonly: true });
    let error: unknown;
    try {
      db.exec('INSERT INTO t VALUES (1)');
    } catch (e) {
      error = e;
    }
    db.close();
    expect((error as { code: string }).code).toMatch(/^SQLITE_READONLY/);
    expect(storageFault(error)).toBe('read-only');
    // The writer thread sends only the message across: it is recognised too.
    expect(storageFault((error as Error).message)).toBe('read-only');
    expect(
      storageFault(Object.assign(new Error('EROFS: read-only file system, open'), { code: 'EROFS' })),
    ).toBe('read-only');
    expect(storageFault(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }))).toBe(
      'io-error',
    );
  });

  it('a damaged file (SQLITE_CORRUPT): readiness is 503 naming it', async () => {
    const dataDir = dir();
    const world = await serve(dataDir);
    const file = join(dataDir, 'events.sqlite');
    try {
      const api = await ApiWorld.signIn(world.base);
      await api.ok('clerk1', '/api/cases', foodLicenceReceipt());
      for (let i = 0; i < 40; i++)
        await world.store.appendToStream(`filler-${i}`, [
          { type: 't.Filler', data: { text: 'x'.repeat(2000) } },
        ]);
      expect((await ready(world.base)).status).toBe(200);
      damageFirstEventsPage(file);
      // The next commit makes the server's reader drop its page cache, as any write does.
      await world.store.appendToStream('filler-last', [{ type: 't.Filler', data: {} }]);

      const health = await ready(world.base);
      expect(health.status).toBe(503);
      expect(health.body.checks.eventStore).toMatchObject({
        ok: false,
        fault: 'corrupt',
        error: expect.stringMatching(/damaged.*SQLITE_CORRUPT/),
        errorZh: expect.stringMatching(/已损坏/),
      });
    } finally {
      await world.close();
    }
  });

  it('a read error from a damaged file is answered as a 503 store-corrupt problem in zh and en, not a 500', async () => {
    const dataDir = dir();
    const file = join(dataDir, 'events.sqlite');
    const store = await EmbeddedEventStore.open({ dataDir, synchronous: 'NORMAL' });
    for (let i = 0; i < 30; i++)
      await store.appendToStream(`s-${i}`, [{ type: 't.E', data: { x: 'y'.repeat(2000) } }]);
    await store.close();
    damageFirstEventsPage(file);
    const offline = ReadOnlyEventStore.open({ file });
    try {
      const error = await offline.readAll({ fromPosition: 0, maxCount: 10 }).catch((e: unknown) => e);
      expect((error as { code?: string }).code).toMatch(/^SQLITE_CORRUPT/);
      expect(storageFault(error)).toBe('corrupt');
      expect(eventStoreProblem(error)?.problem).toMatchObject({
        type: '/problems/store-corrupt',
        status: 503,
        detailZh: expect.stringMatching(/已损坏/),
      });
    } finally {
      await offline.close();
    }
  });
});
