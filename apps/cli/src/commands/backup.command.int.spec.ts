import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkingCalendar } from '@one-window/calendar';
import { EmbeddedEventStore, ReadOnlyEventStore } from '@one-window/event-store';
import { openReadModelDatabase, READ_MODELS_FILE, TIMER_ATTEMPTS_FILE } from '@one-window/read-models';
import { seedGeneratedCases } from '../../../../libs/read-models/src/testing/index.js';
import { CliConfigError, loadCliConfig } from '../config.js';
import { backupCommand, backupDeps, restoreCommand, type BackupDeps } from './backup.command.js';
import type { ReadSideCliDeps } from './read-side-deps.js';
import { rebuildReadModels } from './rebuild.command.js';

/** The read models as rows: what "the same read models" means after a restore. */
function readModelRows(dataDir: string): string {
  const db = openReadModelDatabase({ dataDir });
  try {
    return JSON.stringify(db.prepare('SELECT * FROM cases ORDER BY case_id').all());
  } finally {
    db.close();
  }
}

describe('one-window backup and restore (real files)', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'one-window-backup-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('backs up while the store is being written, verifies; wipe, restore, verify, same read models', async () => {
    const dataDir = join(root, 'data');
    const out: string[] = [];
    const err: string[] = [];
    const deps: BackupDeps = { dataDir, out: (l) => out.push(l), err: (l) => err.push(l) };
    const cli: ReadSideCliDeps = {
      openStore: () => EmbeddedEventStore.open({ dataDir }),
      openReadModels: () => openReadModelDatabase({ dataDir }),
      calendar: async () => WorkingCalendar.create(),
      out: () => undefined,
      err: (l) => err.push(l),
      progress: () => undefined,
    };
    const store = await EmbeddedEventStore.open({ dataDir });
    await seedGeneratedCases(store, 60);
    // Writes go on during the backup: the copy is one consistent snapshot.
    const writing = seedGeneratedCases(store, 30);
    expect(await backupCommand(join(root, 'backup'), deps)).toBe(0);
    await writing;
    expect(out).toContain('the backup verifies');
    expect(await backupCommand(join(root, 'backup'), deps).catch((e: Error) => e.message)).toMatch(
      /exists already/,
    );

    expect(await restoreCommand(join(root, 'backup'), {}, deps)).toBe(1);
    expect(err.at(-1)).toMatch(/in use by a running server/);
    await store.close();
    const backedUp = await (async () => {
      const s = ReadOnlyEventStore.open({ dataDir: join(root, 'backup') });
      try {
        return (await s.readAll()).map((e) => [e.position, e.id, e.chain, e.streamName]);
      } finally {
        await s.close();
      }
    })();
    expect(await restoreCommand(join(root, 'backup'), {}, deps)).toBe(1);
    expect(err.at(-1)).toMatch(/--force/);

    rmSync(dataDir, { recursive: true, force: true });
    expect(await restoreCommand(join(root, 'backup'), {}, deps)).toBe(0);
    const restored = await EmbeddedEventStore.open({ dataDir });
    expect((await restored.readAll()).map((e) => [e.position, e.id, e.chain, e.streamName])).toEqual(
      backedUp,
    );
    await restored.close();
    expect(await rebuildReadModels({}, cli)).toBe(0);
    const first = readModelRows(dataDir);
    expect(await rebuildReadModels({}, cli)).toBe(0);
    expect(readModelRows(dataDir)).toBe(first);
    // Every case of the backup, and only those, is in the rebuilt read models.
    const cases = new Set(backedUp.map((e) => String(e[3])).filter((s) => s.startsWith('case-')));
    expect(cases.size).toBeGreaterThanOrEqual(60);
    expect(JSON.parse(first)).toHaveLength(cases.size);
  });

  it("a restore over a data dir clears the read models and the timers' bookkeeping of the log it replaces", async () => {
    const dataDir = join(root, 'data');
    const err: string[] = [];
    const deps: BackupDeps = { dataDir, out: () => undefined, err: (l) => err.push(l) };
    const store = await EmbeddedEventStore.open({ dataDir });
    await seedGeneratedCases(store, 5);
    expect(await backupCommand(join(root, 'backup'), deps)).toBe(0);
    await store.close();
    // A timer marked sent in the replaced history would never fire for the restored one.
    for (const file of [READ_MODELS_FILE, TIMER_ATTEMPTS_FILE])
      writeFileSync(join(dataDir, file), 'of the old log');
    expect(await restoreCommand(join(root, 'backup'), { force: true }, deps)).toBe(0);
    expect(err).toEqual([]);
    expect(existsSync(join(dataDir, READ_MODELS_FILE))).toBe(false);
    expect(existsSync(join(dataDir, TIMER_ATTEMPTS_FILE))).toBe(false);
  });

  it("takes its folders from the CLI's one configuration, checked like every other command's", () => {
    const deps = backupDeps(loadCliConfig({ DATA_DIR: '/srv/ow', BLOB_STORE_URL: 's3://bucket/files' }));
    expect([deps.dataDir, deps.blobStoreUrl]).toEqual(['/srv/ow', 's3://bucket/files']);
    // An empty DATA_DIR is the server's ./data, not the current folder; a blank URL is DATA_DIR/blobs.
    const blank = backupDeps(loadCliConfig({ DATA_DIR: '', BLOB_STORE_URL: ' ' }));
    expect([blank.dataDir, blank.blobStoreUrl]).toEqual(['./data', undefined]);
    expect(() => loadCliConfig({ BLOB_STORE_URL: 'ftp://files' })).toThrow(CliConfigError);
    expect(() => loadCliConfig({ BLOB_STORE_URL: 'ftp://files' })).toThrow(
      /BLOB_STORE_URL must be file:\/\/\/dir or s3:\/\/bucket\/prefix, got "ftp:\/\/files"/,
    );
  });
});
