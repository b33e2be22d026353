import { WorkingCalendar } from '@one-window/calendar';
import type { RecordedEvent } from '@one-window/event-store';
import { readModelProjections } from '../projections/read-model-projections.js';
import { openTempReadModels, seedGeneratedCases, tableDump, type TempReadModels } from '../testing/index.js';
import { openForTests } from '../../../../test/support/open-for-tests.js';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner.js';
import type { Projection } from './projection.js';
import { ReadModelTimeoutError } from './read-model-timeout.error.js';
import { CaseQueries } from '../cases/case-queries.js';
import { DeadlineEvaluator } from '../queries/deadline-evaluator.js';
import { ALL_SCOPE } from '../scope/read-scope.js';
import { DEFAULT_READ_MODEL_SETTINGS } from '../settings/read-model-settings.js';
import { DueDeadlines } from '../timers/due-deadlines.js';
import type { ReadModelDb } from '../database/read-model-database.js';

const calendar = WorkingCalendar.create();
const TABLES = ['case_keys', 'cases', 'case_materials', 'case_ratings', 'tasks', 'obligations'];

/** A projection that counts what it sees, and throws on the event type it is told to. */
function probe(name = 'probe', version = 1, failOn?: string): Projection & { readonly seen: number[] } {
  const seen: number[] = [];
  return {
    name,
    version,
    tables: [`${name}_rows`],
    seen,
    migrate: (db) =>
      db.exec(`CREATE TABLE IF NOT EXISTS ${name}_rows (position INTEGER PRIMARY KEY, type TEXT)`),
    bind: (db) => {
      const insert = db.prepare(`INSERT OR IGNORE INTO ${name}_rows VALUES (?, ?)`);
      return (event: RecordedEvent) => {
        if (event.type === failOn) throw new Error('boom');
        seen.push(event.position);
        insert.run(event.position, event.type);
      };
    },
  };
}

/** The indexes of the read-model database (not the automatic ones of primary keys). */
const indexesOf = (db: ReadModelDb): Set<string> =>
  new Set(
    db
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
      .pluck()
      .all(),
  );

const runnerFor = (
  t: TempReadModels,
  extra: Projection[] = [],
  db = t.db,
  options: Partial<ProjectionRunnerOptions> = {},
) =>
  new ProjectionRunner({
    store: t.store,
    db,
    projections: [...readModelProjections(calendar), ...extra],
    batchSize: 50,
    retryDelayMs: 10,
    onError: () => undefined,
    ...options,
  });

/** Waits until `runner`, following live, has applied everything in the log now. */
async function reachesHead(t: TempReadModels, runner: ProjectionRunner): Promise<void> {
  await runner.waitForPosition((await t.store.headPosition())!, 5_000);
}

/** A runner on the server's own connection, started and caught up with the log. */
async function servingRunner(t: TempReadModels): Promise<ProjectionRunner> {
  const serving = runnerFor(t);
  serving.start();
  await reachesHead(t, serving);
  return serving;
}

describe('ProjectionRunner', () => {
  const t = openForTests('each', () => openTempReadModels());

  it('catches up from an empty checkpoint in pages, then follows live appends', async () => {
    await seedGeneratedCases(t.store, 30);
    const counter = probe();
    const runner = runnerFor(t, [counter]);
    runner.start();
    const head = (await t.store.headPosition())!;
    await runner.waitForPosition(head, 5_000);
    const more = await seedGeneratedCases(t.store, 5, { skip: 30 });
    const newHead = (await t.store.headPosition())!;
    await runner.waitForPosition(newHead, 5_000);
    await runner.stop();
    expect(more).toBeGreaterThan(0);
    expect(runner.checkpoints().every((c) => c.checkpoint === newHead)).toBe(true);
    expect(t.db.prepare('SELECT COUNT(*) FROM cases').pluck().get()).toBe(35);
    expect(counter.seen).toEqual((await t.store.readAll()).map((e) => e.position));
  });

  it('resumes after a restart from its checkpoint, applying only what is new', async () => {
    await seedGeneratedCases(t.store, 20);
    const counter = probe();
    await runnerFor(t, [counter]).catchUp();
    const firstRun = counter.seen.length;
    await seedGeneratedCases(t.store, 10, { skip: 20 });
    const again = probe();
    await runnerFor(t, [again]).catchUp();
    expect(again.seen.length).toBe((await t.store.readAll()).length - firstRun);
    expect(Math.min(...again.seen)).toBeGreaterThan(Math.max(...counter.seen));

    const incremental = tableDump(t.db, TABLES);
    const fresh = runnerFor(t);
    await fresh.rebuild();
    expect(tableDump(t.db, TABLES)).toEqual(incremental);
  });

  it('commits nothing of a batch in which a projection throws: rows and checkpoints roll back together', async () => {
    await seedGeneratedCases(t.store, 10);
    const counter = probe('counter');
    const failing = probe('failing', 1, 'case.Delivered');
    const runner = runnerFor(t, [counter, failing]);
    await expect(runner.catchUp()).rejects.toThrow(/Projection "failing" failed on case.Delivered/);
    const checkpoint = runner.checkpoints().find((c) => c.name === 'counter')!.checkpoint;
    const committed = t.db
      .prepare('SELECT position FROM counter_rows ORDER BY position')
      .pluck()
      .all() as number[];
    // Whatever was committed is exactly the log up to the checkpoint: the failing batch left nothing.
    const log = (await t.store.readAll()).map((e) => e.position);
    expect(committed).toEqual(log.filter((p) => checkpoint !== null && p <= checkpoint));
    expect(committed.length).toBeLessThan(log.length);
    expect(
      t.db.prepare('SELECT COUNT(*) FROM failing_rows WHERE type = ?').pluck().get('case.Delivered'),
    ).toBe(0);
  });

  it('a read-your-writes wait resolves at the position and times out with a typed error otherwise', async () => {
    await seedGeneratedCases(t.store, 3);
    const runner = runnerFor(t);
    const head = (await t.store.headPosition())!;
    const waiting = runner.waitForPosition(head, 5_000);
    await expect(runner.waitForPosition(head, 20)).rejects.toBeInstanceOf(ReadModelTimeoutError);
    runner.start();
    await expect(waiting).resolves.toBeUndefined();
    const error = await runner.waitForPosition(head + 1_000, 30).catch((e: unknown) => e);
    await runner.stop();
    expect(error).toBeInstanceOf(ReadModelTimeoutError);
    expect(error).toMatchObject({ type: 'read-model-timeout', position: head + 1_000, reached: head });
  });

  it('reports lag in events and milliseconds behind the head', async () => {
    await seedGeneratedCases(t.store, 5);
    const runner = runnerFor(t);
    const before = await runner.lag();
    const total = (await t.store.readAll()).length;
    expect(before.projections.every((p) => p.eventsBehind === total && p.msBehind >= 0)).toBe(true);
    await runner.catchUp();
    const after = await runner.lag();
    expect(after.projections.every((p) => p.eventsBehind === 0 && p.msBehind === 0)).toBe(true);
    expect(after.head).toBe(await t.store.headPosition());
  });

  it('rebuilds from position zero with progress, ending where an incremental run ends', async () => {
    await seedGeneratedCases(t.store, 25);
    const runner = runnerFor(t);
    await runner.catchUp();
    const incremental = tableDump(t.db, TABLES);
    const progress: number[] = [];
    const result = await runner.rebuild({ onProgress: (p) => progress.push(p.processed) });
    expect(result.events).toBe((await t.store.readAll()).length);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(tableDump(t.db, TABLES)).toEqual(incremental);
  });

  it('a rebuild writes beside the read models: until it commits, readers see the old rows with every index; then the rebuilt ones', async () => {
    await seedGeneratedCases(t.store, 40);
    const runner = runnerFor(t);
    await runner.catchUp();
    const every = indexesOf(t.db);
    const incremental = tableDump(t.db, TABLES);
    const reader = t.openDb();
    const evaluator = new DeadlineEvaluator(calendar, DEFAULT_READ_MODEL_SETTINGS);
    const queries = new CaseQueries(reader, evaluator, { now: () => new Date('2025-06-02T02:00:00Z') });
    const due = new DueDeadlines(reader, calendar, DEFAULT_READ_MODEL_SETTINGS.warningWorkingDays);
    const board = queries.deadlineBoard({ deadline: 'acceptance' }, ALL_SCOPE).total;
    const listed = queries.list({}, ALL_SCOPE).total;
    let seen = 0;
    await runner.rebuild({
      onProgress: (p) => {
        if (p.processed === 0) return;
        seen++;
        expect(indexesOf(reader)).toEqual(every);
        expect(tableDump(reader, TABLES)).toEqual(incremental);
        expect(queries.list({}, ALL_SCOPE).total).toBe(listed);
        expect(queries.deadlineBoard({ deadline: 'acceptance' }, ALL_SCOPE).total).toBe(board);
        due.find(new Date('2025-06-02T02:00:00Z'), 10);
      },
    });
    expect(seen).toBeGreaterThan(1);
    expect(indexesOf(t.db)).toEqual(every);
    expect(tableDump(reader, TABLES)).toEqual(incremental);
    expect(tableDump(t.db, TABLES)).toEqual(incremental);
    expect(runner.position).toBe(await t.store.headPosition());
    expect(t.db.prepare("SELECT COUNT(*) FROM temp.sqlite_master WHERE type = 'table'").pluck().get()).toBe(
      0,
    );
  });

  it('the statistics rollup, summed per transaction, comes out as event by event', async () => {
    await seedGeneratedCases(t.store, 30);
    const rollups = ['case_stats_daily', 'case_stats_monthly'];
    const oneByOne = runnerFor(t, [], t.db, { batchSize: 1 });
    await oneByOne.catchUp();
    const perEvent = tableDump(t.db, rollups);
    expect(perEvent.case_stats_daily.length).toBeGreaterThan(10);
    await runnerFor(t).rebuild();
    expect(tableDump(t.db, rollups)).toEqual(perEvent);
  });

  it('a batch that fails after the rollup summed part of it counts nothing of it twice when retried', async () => {
    await seedGeneratedCases(t.store, 30);
    const rollups = ['case_stats_daily', 'case_stats_monthly'];
    // Fails once, on the tenth event of the log: the rollup has summed the nine before it in memory.
    let seen = 0;
    const onceFailing: Projection = {
      name: 'once-failing',
      version: 1,
      tables: [],
      migrate: () => undefined,
      bind: () => () => {
        if (++seen === 10) throw new Error('boom once');
      },
    };
    const retrying = runnerFor(t, [onceFailing], t.db, { batchSize: 5000, pageSize: 5000 });
    await expect(retrying.catchUp()).rejects.toThrow();
    await retrying.catchUp();
    const retried = tableDump(t.db, rollups);
    await runnerFor(t, [], t.db, { batchSize: 1 }).rebuild();
    expect(retried.case_stats_daily.length).toBeGreaterThan(10);
    expect(retried).toEqual(tableDump(t.db, rollups));
  });

  it('following live, commits at once after a quiet spell, and under a stream of events not sooner than the interval after the last', async () => {
    const runner = runnerFor(t, [], t.db, { minCommitIntervalMs: 1_000 });
    const append = async (year: number): Promise<number> =>
      (await t.store.appendToStream('calendar-years', [{ type: 'calendar.YearLoaded', data: { year } }]))
        .position;
    await append(2026);
    runner.start();
    await reachesHead(t, runner);
    // Quiet since the catch-up's last commit more than the interval ago? Not yet: wait it out first.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const first = performance.now();
    await runner.waitForPosition(await append(2027), 5_000);
    const firstMs = performance.now() - first;
    const second = performance.now();
    try {
      await runner.waitForPosition(await append(2028), 5_000);
    } finally {
      await runner.stop();
    }
    const secondMs = performance.now() - second;
    expect(firstMs).toBeLessThan(500);
    expect(secondMs).toBeGreaterThan(500);
  });

  it.each([
    [60_000, 'in one transaction'],
    [1, 'in several, each once its first event is 1 ms old'],
  ])(
    'following live, commits a burst that is all ready at once (max batch age %p ms) %s',
    async (maxBatchAgeMs) => {
      const commits: number[] = [];
      const runner = runnerFor(t, [], t.db, {
        batchSize: 5_000,
        minCommitIntervalMs: 0,
        maxBatchAgeMs,
        onProgress: (position) => void (position !== null && commits.push(position)),
      });
      await t.store.appendToStream('calendar-years', [{ type: 'calendar.YearLoaded', data: { year: 2026 } }]);
      runner.start();
      await reachesHead(t, runner);
      const start = (await t.store.headPosition())!;
      const burst = Array.from({ length: 3_000 }, (_, i) => ({ type: 'bench.Noise', data: { i } }));
      try {
        await runner.waitForPosition((await t.store.appendToStream('noise', burst)).position, 10_000);
      } finally {
        await runner.stop();
      }
      // Each commit moves the position on once (a status change reports the same position again).
      const during = [...new Set(commits.filter((position) => position > start))];
      if (maxBatchAgeMs > 1_000) expect(during).toHaveLength(1);
      else expect(during.length).toBeGreaterThan(1);
      expect(during.at(-1)).toBe(await t.store.headPosition());
    },
  );

  it('sizes catch-up pages by time: a page that overruns its slice makes the next one smaller', async () => {
    await seedGeneratedCases(t.store, 20);
    const runner = new ProjectionRunner({
      store: t.store,
      db: t.db,
      projections: readModelProjections(calendar),
      sliceMs: 1e-6,
      onError: () => undefined,
    });
    const progress: number[] = [];
    const total = await runner.catchUp((p) => progress.push(p.processed));
    const pages = progress.slice(1).map((n, i) => n - progress[i]);
    expect(pages[0]).toBe(100);
    expect(pages.slice(1).every((n) => n <= 50)).toBe(true);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('rebuilds one projection alone while the others keep their rows and checkpoints', async () => {
    await seedGeneratedCases(t.store, 10);
    const runner = runnerFor(t);
    await runner.catchUp();
    const before = tableDump(t.db, TABLES);
    const tasksBefore = runner.checkpoints().find((c) => c.name === 'cases')!;
    t.db.exec('DELETE FROM tasks');
    await runner.rebuild({ projections: ['tasks'] });
    expect(tableDump(t.db, TABLES)).toEqual(before);
    expect(runner.checkpoints().find((c) => c.name === 'cases')!.updatedAt).toBe(tasksBefore.updatedAt);
  });

  it('rebuilds a projection whose version changed, at start', async () => {
    await seedGeneratedCases(t.store, 5);
    await runnerFor(t, [probe('versioned', 1)]).catchUp();
    const v2 = probe('versioned', 2);
    const runner = runnerFor(t, [v2]);
    expect(runner.checkpoints().find((c) => c.name === 'versioned')).toMatchObject({
      version: 2,
      checkpoint: null,
    });
    await runner.catchUp();
    expect(v2.seen.length).toBe((await t.store.readAll()).length);
  });

  it('moves past events of other streams without touching the read models', async () => {
    await t.store.appendToStream('calendar-years', [{ type: 'calendar.YearLoaded', data: { year: 2027 } }]);
    const runner = runnerFor(t);
    await runner.catchUp();
    const head = await t.store.headPosition();
    expect(runner.position).toBe(head);
    expect(t.db.prepare('SELECT COUNT(*) FROM cases').pluck().get()).toBe(0);
  });

  it('stays correct while another connection rebuilds underneath it and appends keep coming', async () => {
    await seedGeneratedCases(t.store, 20);
    const serving = await servingRunner(t);
    const cli = new ProjectionRunner({
      store: t.store,
      db: t.openDb(),
      projections: readModelProjections(calendar),
      batchSize: 7,
    });
    const appending = (async () => {
      for (let i = 0; i < 10; i++) await seedGeneratedCases(t.store, 1, { skip: 20 + i });
    })();
    await Promise.all([cli.rebuild(), appending]);
    await reachesHead(t, serving);
    await serving.stop();
    const afterBoth = tableDump(t.db, TABLES);
    await runnerFor(t).rebuild();
    expect(tableDump(t.db, TABLES)).toEqual(afterBoth);
    expect(t.db.prepare('SELECT COUNT(*) FROM cases').pluck().get()).toBe(30);
  });

  it('a rebuild that dies part-way leaves the read models as they were, and the serving runner goes on', async () => {
    await seedGeneratedCases(t.store, 10);
    const serving = await servingRunner(t);
    const before = tableDump(t.db, TABLES);
    let pages = 0;
    const dyingStore = Object.assign(Object.create(t.store) as typeof t.store, {
      readAll: (options: Parameters<typeof t.store.readAll>[0]) =>
        ++pages > 2 ? Promise.reject(new Error('store went away')) : t.store.readAll(options),
    });
    const dying = new ProjectionRunner({
      store: dyingStore,
      db: t.openDb(),
      projections: readModelProjections(calendar),
      batchSize: 20,
    });
    await expect(dying.rebuild()).rejects.toThrow('store went away');
    expect(pages).toBe(3);
    expect(tableDump(t.db, TABLES)).toEqual(before);
    await seedGeneratedCases(t.store, 5, { skip: 10 });
    await reachesHead(t, serving);
    await serving.stop();
    expect(t.db.prepare('SELECT COUNT(*) FROM cases').pluck().get()).toBe(15);
  });
});
