/**
 * The projection thread: the read models' runner on its own connections, beside the main thread
 * that serves requests (ADR 0009, "The projection thread"). It reads the log from the embedded
 * store's file (this process holds its lock) and follows it live from the rows the writer thread
 * posts to its commit feed after each commit; it writes read-models.sqlite, which the main thread reads
 * on its own connection (WAL: neither waits for the other). Position and status go back after
 * every commit, so that read-your-writes waits on the main thread resolve.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CALENDAR_STREAM, WorkingCalendar } from '@one-window/calendar';
import { CalendarStore } from '@one-window/calendar/store';
import { ReadOnlyEventStore, type CommitFeedMessage, type StoredEvent } from '@one-window/event-store';
import { openReadModelDatabase } from '../database/read-model-database.js';
import { readModelProjections } from '../projections/read-model-projections.js';
import { ProjectionRunner } from '../runner/projection-runner.js';
import type {
  Answer,
  FromProjectionThread,
  ProjectionThreadSettings,
  ToProjectionThread,
} from './projection-thread-protocol.js';

/**
 * Catch-up and rebuild pages in this thread: up to 5,000 events or about 200 ms of CPU each. The
 * runner's own default (20 ms) keeps a page short for a runner on the event loop; here a page
 * holds no request (the main thread reads its own connection, WAL) and only delays this thread's
 * answers to the main thread's questions (lag, status) by at most a page. Fewer, larger
 * transactions cost less per event: a rebuild of 3,000 generated cases took 18–19k events per CPU
 * second in 20 ms pages, 22–25k in 1,000 ms pages (test/bench rebuild, ADR 0009).
 */
const THREAD_PAGE_SIZE = 5_000;
const THREAD_SLICE_MS = 200;

const port = parentPort!;
const settings = workerData as ProjectionThreadSettings;
const say = (message: FromProjectionThread): void => port.postMessage(message);

async function main(): Promise<void> {
  const store = ReadOnlyEventStore.besideWriter(settings.eventsFile);
  const db = openReadModelDatabase({ dataDir: settings.readModelsDir });
  const loads = new CalendarStore(store);
  let calendar = WorkingCalendar.create((await loads.history()).map((load) => load.schedule));
  const refreshCalendar = async (): Promise<void> => {
    calendar = WorkingCalendar.create((await loads.history()).map((load) => load.schedule));
  };
  const runner = new ProjectionRunner({
    store,
    db,
    projections: readModelProjections(() => calendar),
    batchSize: settings.batchSize,
    pageSize: settings.pageSize ?? THREAD_PAGE_SIZE,
    sliceMs: settings.sliceMs ?? THREAD_SLICE_MS,
    retryDelayMs: settings.retryDelayMs,
    onError: (error) => say({ kind: 'error', message: error.message, stack: error.stack }),
    onProgress: (position, status) => say({ kind: 'progress', position, status }),
  });
  say({
    kind: 'ready',
    projectionNames: runner.projectionNames,
    position: runner.position,
    status: runner.status,
  });

  const answer = (id: number, work: () => Promise<Answer> | Answer): void => {
    Promise.resolve()
      .then(work)
      .then(
        (value) => say({ kind: 'answer', id, value }),
        (error: unknown) =>
          say({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) }),
      );
  };
  // Rows are offered in arrival order; a calendar load among them first refreshes the calendar.
  let offering: Promise<void> = Promise.resolve();
  const offer = (rows: readonly StoredEvent[]): void => {
    if (!rows.some((row) => row[1] === CALENDAR_STREAM)) {
      offering = offering.then(() => store.offer(rows));
      return;
    }
    offering = offering.then(async () => {
      await refreshCalendar();
      store.offer(rows);
    });
  };

  settings.feed.on('message', (message: CommitFeedMessage) => offer(message.rows));
  port.on('message', (message: ToProjectionThread) => {
    switch (message.kind) {
      case 'start':
        return runner.start();
      case 'stop':
        return answer(message.id, async () => {
          await runner.stop();
          return null;
        });
      case 'lag':
        return answer(message.id, () => runner.lag());
      case 'catch-up':
        return answer(message.id, () =>
          runner.catchUp((progress) => say({ kind: 'rebuild-progress', id: message.id, progress })),
        );
      case 'checkpoints':
        return answer(message.id, () => runner.checkpoints());
      case 'rebuild':
        return answer(message.id, () =>
          runner.rebuild({
            projections: message.projections,
            onProgress: (progress) => say({ kind: 'rebuild-progress', id: message.id, progress }),
          }),
        );
      case 'close':
        return answer(message.id, async () => {
          await runner.stop();
          runner.close();
          db.close();
          await store.close();
          settings.feed.close();
          setImmediate(() => port.close());
          return null;
        });
      default: {
        const unknown: never = message;
        throw new Error(`Unknown message ${JSON.stringify(unknown)}`);
      }
    }
  });
}

main().catch((error: unknown) => {
  say({ kind: 'open-failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(0);
});
