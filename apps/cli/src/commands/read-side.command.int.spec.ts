import Database from 'better-sqlite3';
import { join } from 'node:path';
import { WorkingCalendar } from '@one-window/calendar';
import { EmbeddedEventStore } from '@one-window/event-store';
import {
  acceptedFoodLicence,
  type CaseWorld,
  decideFoodLicence,
  openCaseWorld,
  seedGeneratedCases,
} from '../../../../libs/read-models/src/testing/index.js';
import { openReadModelDatabase } from '@one-window/read-models';
import type { ReadSideCliDeps } from './read-side-deps.js';
import { rebuildReadModels } from './rebuild.command.js';
import { replayCase } from './replay.command.js';
import { auditAnchorCommand } from './audit.command.js';
import { verifyCommand } from './verify.command.js';
import { Anchorer } from '@one-window/audit';

describe('one-window replay, rebuild and verify (on a real embedded store in a temp DATA_DIR)', () => {
  let w: CaseWorld;
  let out: string[];
  let err: string[];
  let progress: string[];
  let deps: ReadSideCliDeps;
  beforeEach(async () => {
    w = await openCaseWorld({ start: '2026-03-02T01:30:00Z' });
    out = [];
    err = [];
    progress = [];
    deps = {
      openStore: () => EmbeddedEventStore.open({ dataDir: w.dataDir }),
      openReadModels: () => openReadModelDatabase({ dataDir: w.dataDir }),
      calendar: async () => WorkingCalendar.create(),
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      progress: (line) => progress.push(line),
    };
  });
  afterEach(async () => w.dispose());

  /** A food licence taken to approval; the world's store is then closed, as the CLI opens its own. */
  async function approvedCase(): Promise<string> {
    const { caseId } = await acceptedFoodLicence(w);
    w.clock.set('2026-03-03T02:00:00Z');
    await decideFoodLicence(w, caseId);
    await w.store.close();
    return caseId;
  }

  it('replay prints each event with the state after it, and stops at --at', async () => {
    const caseId = await approvedCase();
    expect(await replayCase(caseId, {}, deps)).toBe(0);
    expect(out[0]).toMatch(
      /^#0 {2}2026-03-02T01:30:00.000Z {2}case.Received {2}收件 \/ Application received {2}by 王丽 \(Window clerk\)$/,
    );
    expect(out[2]).toBe('    → frontDesk.received (rating: noOpenObligation)');
    expect(out.at(-1)).toMatch(/→ delivery.awaitingResult/);
    out.length = 0;
    expect(await replayCase(caseId, { at: '2026-03-02T12:00:00+08:00' }, deps)).toBe(0);
    expect(out.filter((l) => l.startsWith('#')).map((l) => l.split('  ')[2])).toEqual([
      'case.Received',
      'case.Accepted',
      'case.TaskCreated',
    ]);
    expect(out.at(-1)).toMatch(/→ backOffice.underReview .*task 审查 open/);
    out.length = 0;
    expect(await replayCase(caseId, { revision: '0', json: true }, deps)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject([
      { event: { type: 'case.Received' }, state: { status: 'frontDesk.received' } },
    ]);
  });

  it('replay refuses a bad time and an unknown case', async () => {
    await w.store.close();
    expect(await replayCase('x', { at: 'yesterday' }, deps)).toBe(1);
    expect(await replayCase('no-such-case', {}, deps)).toBe(1);
    expect(err).toEqual([
      expect.stringMatching(/--at must be an ISO-8601 time/),
      'no case no-such-case in the event store',
    ]);
  });

  it('rebuild replays the log into the read models with a progress bar', async () => {
    const events = await seedGeneratedCases(w.store, 40);
    await w.store.close();
    expect(await rebuildReadModels({}, deps)).toBe(0);
    expect(progress.length).toBeGreaterThan(0);
    expect(out[0]).toMatch(/^\[-{30}\] {3}0% {2}0 events$/);
    expect(out).toContain(`[${'#'.repeat(30)}] 100%  ${events} events`);
    expect(out.at(-1)).toMatch(
      new RegExp(`^rebuilt cases, tasks, obligations: ${events} events in [\\d.]+ s`),
    );
    const db = deps.openReadModels();
    expect(db.prepare('SELECT COUNT(*) FROM cases').pluck().get()).toBe(40);
    db.close();
    expect(await rebuildReadModels({ projection: ['nope'] }, deps)).toBe(1);
  });

  it('verify passes a sound log and lists a revision gap and a case that does not replay', async () => {
    await seedGeneratedCases(w.store, 20);
    await w.store.close();
    expect(await verifyCommand({}, deps)).toBe(0);
    expect(out.at(-1)).toBe('the event log is sound');
    const store = await EmbeddedEventStore.open({ dataDir: w.dataDir });
    const [received] = await store.readStream((await store.readAll({ maxCount: 1 }))[0].streamName);
    await store.appendToStream('case-broken', [
      { type: 'case.Received', data: received.data },
      { type: 'case.Delivered', data: { deliveredOn: '2026-03-02', outcome: 'approved' } },
    ]);
    await store.close();
    const raw = new Database(join(w.dataDir, 'events.sqlite'));
    raw
      .prepare(
        "DELETE FROM events WHERE stream_name = (SELECT stream_name FROM events WHERE stream_name LIKE 'case-%' LIMIT 1) AND stream_revision = 1",
      )
      .run();
    raw.close();
    out.length = 0;
    expect(await verifyCommand({ json: true }, deps)).toBe(1);
    const report = JSON.parse(out.join('\n'));
    expect(report.problems.map((p: { message: string }) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/revision 2 at position \d+, expected 1/),
        expect.stringMatching(/^case-broken does not replay: .*case.Delivered/),
      ]),
    );
  });

  it('audit anchor prints the line to keep outside; verify --anchor catches a deleted tail with it', async () => {
    await seedGeneratedCases(w.store, 10);
    await w.store.close();
    expect(await auditAnchorCommand(deps)).toBe(1);
    const store = await EmbeddedEventStore.open({ dataDir: w.dataDir });
    const anchorer = new Anchorer(store);
    await anchorer.start();
    await anchorer.anchor();
    await anchorer.stop();
    await store.close();
    expect(await auditAnchorCommand(deps)).toBe(0);
    const line = out.at(-1)!;
    expect(line).toMatch(/^ow-anchor-1:\d+:10:[0-9a-f]{64}$/);
    out.length = 0;
    expect(await verifyCommand({ anchor: line }, deps)).toBe(0);
    expect(out).toContainEqual(
      expect.stringMatching(/^hash chain: \d+ events checked, 0 breaks; anchors: 2 checked, 0 mismatched$/),
    );
    const raw = new Database(join(w.dataDir, 'events.sqlite'));
    raw
      .prepare(
        "DELETE FROM events WHERE stream_name <> 'audit'  AND position = (SELECT max(position) FROM events WHERE stream_name <> 'audit')",
      )
      .run();
    raw.prepare("DELETE FROM events WHERE stream_name = 'audit'").run();
    raw.close();
    err.length = 0;
    expect(await verifyCommand({ anchor: line }, deps)).toBe(1);
    expect(err).toContainEqual(
      expect.stringMatching(/before the given anchor at position \d+: events were removed/),
    );
    expect(await verifyCommand({ anchor: 'nonsense' }, deps)).toBe(2);
  });
});
