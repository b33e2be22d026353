import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore, type EventStore } from '@one-window/event-store';
import { seedGeneratedCases } from '../../../read-models/src/testing/index.js';
import { verifyLog, type VerifyProgress } from './verify-log.js';

async function openTempEventStore() {
  const dataDir = mkdtempSync(join(tmpdir(), 'one-window-verify-'));
  let store: EventStore = await EmbeddedEventStore.open({ dataDir, synchronous: 'NORMAL' });
  return {
    dataDir,
    get store() {
      return store;
    },
    reopen: async () => (store = await EmbeddedEventStore.open({ dataDir })),
    dispose: async () => {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe('verifyLog over a real embedded store', () => {
  it('reads every event of a log far longer than one page (defect 1: it stopped after 5,000)', async () => {
    const fixture = await openTempEventStore();
    try {
      const events = await seedGeneratedCases(fixture.store, 1_200);
      await fixture.store.appendToStream('users', [{ type: 'user.Created', data: { username: 'x' } }]);
      expect(events).toBeGreaterThan(7_000);
      const seen: VerifyProgress[] = [];
      const report = await verifyLog(fixture.store, { onProgress: (p) => seen.push(p) });
      expect(report).toMatchObject({
        events: events + 1,
        streams: 1_201,
        cases: 1_200,
        head: await fixture.store.headPosition(),
        lastPosition: await fixture.store.headPosition(),
        problems: [],
        problemsTruncated: false,
      });
      const logSteps = seen.filter((p) => p.phase === 'log').map((p) => p.events);
      expect(logSteps.length).toBeGreaterThan(5);
      expect(logSteps).toEqual([...logSteps].sort((a, b) => a - b));
      expect(seen.at(-1)).toMatchObject({ phase: 'cases', cases: 1_200, casesTotal: 1_200 });
    } finally {
      await fixture.dispose();
    }
  });

  it('names the stream and revision of a gap and of a case that does not fold, across page edges', async () => {
    const fixture = await openTempEventStore();
    try {
      await seedGeneratedCases(fixture.store, 300);
      await fixture.store.close();
      const raw = new Database(join(fixture.dataDir, 'events.sqlite'));
      const victim = raw
        .prepare("SELECT stream_name FROM events WHERE stream_name LIKE 'case-%' AND position > 2000 LIMIT 1")
        .pluck()
        .get() as string;
      raw.prepare('DELETE FROM events WHERE stream_name = ? AND stream_revision = 1').run(victim);
      raw.prepare("UPDATE events SET data = '[1]' WHERE position = 999").run();
      raw.close();
      const store = await fixture.reopen();
      const report = await verifyLog(store, { pageSize: 250 });
      expect(report.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            streamName: victim,
            revision: 2,
            message: expect.stringMatching(/expected 1/),
          }),
          expect.objectContaining({
            position: 999,
            message: expect.stringMatching(/data is not a JSON object/),
          }),
          expect.objectContaining({ streamName: victim, message: expect.stringMatching(/does not replay/) }),
        ]),
      );
    } finally {
      await fixture.dispose();
    }
  });
});
