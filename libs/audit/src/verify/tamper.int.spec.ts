import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ReadOnlyEventStore } from '@one-window/event-store';
import { writeAnchoredLog } from '../testing/anchored-log.js';
import { formatAnchor, parseAnchor, type AnchoredData } from '../anchor/anchor.js';
import { openForTests } from '../../../../test/support/open-for-tests.js';
import { openTempDir } from '../../../../test/support/temp-dir.js';
import { verifyLog } from './verify-log.js';

/** The edits of the probe in issue 10, each as SQL on a closed file. */
const EDITS: Record<string, string> = {
  'a changed field': `UPDATE events SET data = json_set(data, '$.opinion', '否意') WHERE position = (SELECT min(position) FROM events WHERE stream_name LIKE 'case-%' AND stream_revision = 2)`,
  'a forged approver': `UPDATE events SET metadata = json_set(coalesce(metadata, '{}'), '$.actor', 'forged') WHERE position = 40`,
  'a deleted last event': `DELETE FROM events WHERE position = (SELECT max(position) FROM events WHERE stream_name LIKE 'case-%')`,
  'a deleted case stream': `DELETE FROM events WHERE stream_name = (SELECT stream_name FROM events WHERE stream_name LIKE 'case-%' LIMIT 1 OFFSET 7)`,
  'a timestamp moved 30 days': `UPDATE events SET created = created - 30 * 86400000 WHERE position = 55`,
  'two events swapped in the log': `UPDATE events SET position = -1 WHERE position = 30; UPDATE events SET position = 30 WHERE position = 31; UPDATE events SET position = 31 WHERE position = -1`,
  'a renamed event type': `UPDATE events SET type = type || 'X' WHERE position = 60`,
};

/** Every row, as text: tells whether an edit changed anything. */
function dump(db: Database.Database): string {
  return JSON.stringify(db.prepare('SELECT * FROM events ORDER BY position').raw().all());
}

describe('verify detects tampering (issue 10, defect 2)', () => {
  const dir = openForTests('all', () => openTempDir('one-window-tamper-'));
  let file: string;
  let anchor: AnchoredData;

  async function freshLog(): Promise<void> {
    rmSync(dir.path, { recursive: true, force: true });
    anchor = await writeAnchoredLog(dir.path, 40, { everyEvents: 100 });
    file = dir.join('events.sqlite');
  }

  it('a fresh log with its anchor is sound; the anchor line round-trips', async () => {
    await freshLog();
    const store = ReadOnlyEventStore.open({ file });
    const report = await verifyLog(store, { anchor: parseAnchor(formatAnchor(anchor)) });
    await store.close();
    expect(report).toMatchObject({
      sound: true,
      chainBreaks: [],
      anchorMismatches: [],
      givenAnchorRecorded: true,
      unchained: 0,
    });
    expect(report.anchorsChecked).toBe(2);
    expect(report.chained).toBe(report.events);
  });

  it.each(Object.keys(EDITS))('%s is found', async (name) => {
    await freshLog();
    const db = new Database(file);
    const before = dump(db);
    db.exec(EDITS[name]);
    expect(dump(db)).not.toBe(before);
    db.close();
    const store = ReadOnlyEventStore.open({ file });
    const report = await verifyLog(store, { anchor });
    await store.close();
    expect(report.sound).toBe(false);
    expect(report.chainBreaks.length + report.anchorMismatches.length).toBeGreaterThan(0);
  });

  it('a recomputed chain after an edit is still caught by the anchor kept outside', async () => {
    await freshLog();
    const db = new Database(file);
    db.prepare(
      "DELETE FROM events WHERE position = (SELECT max(position) FROM events WHERE stream_name <> 'audit')",
    ).run();
    // The audit stream's own anchor is gone too: only the root kept outside remains.
    db.prepare("DELETE FROM events WHERE stream_name = 'audit'").run();
    db.close();
    const store = ReadOnlyEventStore.open({ file });
    const inside = await verifyLog(store);
    const outside = await verifyLog(store, { anchor });
    await store.close();
    expect(outside.sound).toBe(false);
    expect(outside.anchorMismatches).toEqual([expect.objectContaining({ source: 'given' })]);
    expect(inside.anchorsChecked).toBe(0);
  });
});
