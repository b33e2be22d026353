import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WorkingCalendar } from '@one-window/calendar';
import { EmbeddedEventStore } from '@one-window/event-store';
import { openReadModelDatabase } from '../database/read-model-database.js';
import { readModelProjections } from '../projections/read-model-projections.js';
import { openTempReadModels, seedGeneratedCases, tableDump, type TempReadModels } from '../testing/index.js';
import { ProjectionRunner } from './projection-runner.js';

const REGISTER = fileURLToPath(new URL('../../../../test/support/ts-register.mjs', import.meta.url));
const CHILD = fileURLToPath(new URL('../testing/child/projection-child.ts', import.meta.url));
const TABLES = ['case_keys', 'cases', 'case_materials', 'case_ratings', 'tasks', 'obligations'];

function runChild(dataDir: string, killAfter: number) {
  return spawnSync(process.execPath, ['--import', REGISTER, CHILD, dataDir, String(killAfter)], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
    timeout: 60_000,
  });
}

describe('a projection process killed in the middle of a batch', () => {
  let t: TempReadModels;
  let total: number;
  beforeAll(async () => {
    t = await openTempReadModels();
    total = await seedGeneratedCases(t.store, 300, { seed: 3 });
    expect(total).toBeGreaterThan(3_000);
    await t.store.close();
  });
  afterAll(async () => t.dispose());

  it('loses and repeats nothing: after restarts its read models equal a clean rebuild', async () => {
    // Batches hold 500 events: each kill lands inside an open transaction, part-way through.
    for (const killAfter of [1_234, 777, 640]) {
      const crashed = runChild(t.dataDir, killAfter);
      expect({ signal: crashed.signal, stderr: crashed.stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
    }
    const finished = runChild(t.dataDir, Number.MAX_SAFE_INTEGER);
    expect(finished.stderr).toBe('');
    expect(finished.status).toBe(0);
    expect(JSON.parse(finished.stdout)).toMatchObject({ done: true });

    const db = t.openDb();
    // Every event exactly once (the probe's key would have refused a repeat).
    expect(db.prepare('SELECT COUNT(*) FROM crash_probe').pluck().get()).toBe(total);
    const afterCrashes = tableDump(db, TABLES);

    const store = await EmbeddedEventStore.open({ dataDir: t.dataDir });
    const clean = openReadModelDatabase({ file: `${t.dataDir}/clean.sqlite` });
    await new ProjectionRunner({
      store,
      db: clean,
      projections: readModelProjections(WorkingCalendar.create()),
    }).catchUp();
    const rebuilt = tableDump(clean, TABLES);
    clean.close();
    await store.close();
    expect(afterCrashes.cases).toHaveLength(300);
    expect(afterCrashes).toEqual(rebuilt);
  }, 180_000); // four child processes each build read models from 2,000 events: slow on a loaded 2-core machine
});
