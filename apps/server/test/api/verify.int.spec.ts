import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DEMO_ITEMS } from '@one-window/catalog';
import { seedGeneratedCases } from '../../../../libs/read-models/src/testing/index.js';
import type { VerifyState } from '../../src/admin/verify-tracker.js';
import { serveApi } from '../support/suites.js';

/** GET/POST /api/admin/verify: the whole live log checked in the background while the server works. */
describe('online verify over real HTTP', () => {
  const { server, w, restart } = serveApi();
  beforeAll(async () => {
    await seedGeneratedCases(server.store, 900);
  });

  type Finished = VerifyState & { report: NonNullable<VerifyState['report']> & { head: number } };
  async function finished(): Promise<Finished> {
    for (;;) {
      const state = (await w.read('admin', '/api/admin/verify')) as Finished;
      if (!state.running) return state;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('is for administrators only', async () => {
    expect((await w.as('clerk1', 'POST', '/api/admin/verify')).status).toBe(403);
    expect((await w.as('approver1', 'GET', '/api/admin/verify')).status).toBe(403);
  });

  it('reads every event up to the head it started from, with progress, while commands go on', async () => {
    const all = await server.store.readAll();
    expect(all.length).toBeGreaterThan(5_000);
    const started = await w.as('admin', 'POST', '/api/admin/verify');
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ running: true, report: null });
    // The server keeps taking commands during the scan.
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    expect(received.caseId).toEqual(expect.any(String));
    const state = await finished();
    const head = all.at(-1)!.position;
    expect(state.report.head).toBeGreaterThanOrEqual(head);
    const upToHead = (await server.store.readAll()).filter((e) => e.position <= state.report.head);
    expect(state.report).toMatchObject({
      sound: true,
      events: upToHead.length,
      streams: new Set(upToHead.map((e) => e.streamName)).size,
      cases: new Set(upToHead.filter((e) => e.streamName.startsWith('case-')).map((e) => e.streamName)).size,
      problems: [],
    });
    expect(state.report.cases).toBeGreaterThanOrEqual(900);
    expect(state.progress).toMatchObject({ phase: 'cases', events: upToHead.length });
    expect(state.error).toBeNull();
  });

  it('reports a damaged case stream with its stream and revision', async () => {
    const [victim] = (
      await server.store.readAll({ filter: { streamNamePrefixes: ['case-'] }, maxCount: 1 })
    ).map((e) => e.streamName);
    // A second connection cannot write the live file (it is locked): the edit is made as an
    // attacker with the file would, through SQLite after the server let go, then the server reopens.
    await restart((dataDir) => {
      const raw = new Database(join(dataDir, 'events.sqlite'));
      raw.prepare('DELETE FROM events WHERE stream_name = ? AND stream_revision = 1').run(victim);
      raw.close();
    });
    expect((await w.as('admin', 'POST', '/api/admin/verify')).status).toBe(202);
    const state = await finished();
    expect(state.report.sound).toBe(false);
    expect(state.report.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ streamName: victim, revision: 2 })]),
    );
  });
});
