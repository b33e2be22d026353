import { WorkingCalendar } from '@one-window/calendar';
import { openReadModelDatabase } from '../database/read-model-database.js';
import { readModelProjections } from '../projections/read-model-projections.js';
import { ProjectionRunner } from '../runner/projection-runner.js';
import { openTempReadModels, seedGeneratedCases, tableDump, type TempReadModels } from '../testing/index.js';
import { ThreadedProjectionRunner } from './threaded-projection-runner.js';

const TABLES = ['case_keys', 'cases', 'case_materials', 'case_ratings', 'tasks', 'obligations'];

/** The same log projected by a runner on this thread into a fresh folder: what the thread must equal. */
async function referenceDump(t: TempReadModels): Promise<Record<string, unknown[]>> {
  const other = await openTempReadModels('one-window-threaded-reference-');
  try {
    const db = openReadModelDatabase({ dataDir: other.dataDir });
    const runner = new ProjectionRunner({
      store: t.store,
      db,
      projections: readModelProjections(WorkingCalendar.create()),
    });
    await runner.catchUp();
    const dump = tableDump(db, TABLES);
    db.close();
    return dump;
  } finally {
    await other.dispose();
  }
}

/** A projection thread on the temporary store and read-model folder. */
const threadOn = (t: TempReadModels) =>
  ThreadedProjectionRunner.start({ store: t.store, readModelsDir: t.dataDir });

/** Waits until the thread has applied everything in the log now; the log's head. */
async function caughtUp(t: TempReadModels, runner: ThreadedProjectionRunner): Promise<number> {
  const head = (await t.store.headPosition())!;
  await runner.waitForPosition(head, 20_000);
  return head;
}

describe('the projection thread', () => {
  let t: TempReadModels;
  let runner: ThreadedProjectionRunner;
  beforeEach(async () => {
    t = await openTempReadModels('one-window-threaded-');
  });
  afterEach(async () => {
    await runner?.close();
    await t.dispose();
  });

  it('catches up on the log at start, then follows live commits; read-your-writes waits for them', async () => {
    await seedGeneratedCases(t.store, 40, { seed: 7 });
    runner = await threadOn(t);
    expect(runner.projectionNames).toEqual(['cases', 'tasks', 'obligations']);
    runner.start();
    const head = await caughtUp(t, runner);

    // Written after the thread went live: these arrive as rows from the store's commits.
    await seedGeneratedCases(t.store, 20, { seed: 8 });
    const newHead = await caughtUp(t, runner);
    expect(newHead).toBeGreaterThan(head);
    expect(runner.position).toBe(newHead);
    expect(runner.status).toBe('live');
    expect(tableDump(t.db, TABLES)).toEqual(await referenceDump(t));

    const lag = await runner.lag();
    expect(lag.head).toBe(newHead);
    expect(lag.projections.every((p) => p.checkpoint === newHead && p.eventsBehind === 0)).toBe(true);
  });

  it('rebuilds in the thread with progress, and answers the same tables', async () => {
    await seedGeneratedCases(t.store, 30, { seed: 9 });
    runner = await threadOn(t);
    runner.start();
    const head = await caughtUp(t, runner);
    const before = tableDump(t.db, TABLES);
    const progress: number[] = [];
    const result = await runner.rebuild({ onProgress: (p) => progress.push(p.processed) });
    // Positions count from 1: the log's head is its number of events.
    expect(result.events).toBe(head);
    expect(progress.at(-1)).toBe(head);
    await runner.waitForPosition(head, 20_000);
    expect(tableDump(t.db, TABLES)).toEqual(before);
    await expect(runner.rebuild({ projections: ['nonsense'] })).rejects.toThrow(
      /Unknown projection "nonsense"/,
    );
  });

  it('stops at a checkpoint and a new thread resumes from it', async () => {
    await seedGeneratedCases(t.store, 10, { seed: 10 });
    runner = await threadOn(t);
    runner.start();
    const head = await caughtUp(t, runner);
    await runner.stop();
    await runner.close();
    await seedGeneratedCases(t.store, 10, { seed: 11 });
    runner = await threadOn(t);
    expect(runner.position).toBe(head);
    runner.start();
    await caughtUp(t, runner);
    expect(tableDump(t.db, TABLES)).toEqual(await referenceDump(t));
  });

  it('applies the log while this thread writes to the same file (the timer scheduler records its attempts there)', async () => {
    await seedGeneratedCases(t.store, 150, { seed: 12 });
    const errors: Error[] = [];
    runner = await ThreadedProjectionRunner.start({
      store: t.store,
      readModelsDir: t.dataDir,
      pageSize: 50,
      sliceMs: 1,
      onError: (error) => errors.push(error),
    });
    t.db.exec('CREATE TABLE IF NOT EXISTS scratch (n INTEGER)');
    const insert = t.db.prepare('INSERT INTO scratch (n) VALUES (?)');
    let writes = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        insert.run(writes++);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    runner.start();
    await runner.waitForPosition((await t.store.headPosition())!, 60_000);
    writing = false;
    await writer;
    expect(writes).toBeGreaterThan(50);
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('a wait that outlives the thread fails instead of hanging', async () => {
    runner = await threadOn(t);
    const failed = expect(runner.waitForPosition(1_000_000, 60_000)).rejects.toThrow(/shutting down/);
    await runner.close();
    await failed;
  });
});
