import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Anchorer, formatAnchor } from '@one-window/audit';
import { EmbeddedEventStore, ReadOnlyEventStore } from '@one-window/event-store';
import { seedGeneratedCases } from '../../../../libs/read-models/src/testing/index.js';
import type { ReadSideCliDeps } from './read-side-deps.js';
import { verifyCommand } from './verify.command.js';

describe('verify --anchor on a log cut after the anchor (issue 10: the corruption test detects 100/100)', () => {
  it('a log whose last event, the anchor record itself, was deleted by SQL is not sound', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'one-window-verify-anchor-'));
    try {
      const store = await EmbeddedEventStore.open({ dataDir, synchronous: 'NORMAL' });
      await seedGeneratedCases(store, 10);
      const anchorer = new Anchorer(store);
      await anchorer.start();
      const line = formatAnchor((await anchorer.anchor())!);
      await anchorer.stop();
      await store.close();
      const file = join(dataDir, 'events.sqlite');
      const out: string[] = [];
      const err: string[] = [];
      const deps = {
        openStore: () => Promise.resolve(ReadOnlyEventStore.open({ file })),
        out: (l: string) => out.push(l),
        err: (l: string) => err.push(l),
        progress: () => undefined,
      } as unknown as ReadSideCliDeps;
      expect(await verifyCommand({ anchor: line }, deps)).toBe(0);

      const raw = new Database(file);
      const cut = raw
        .prepare('DELETE FROM events WHERE position = (SELECT max(position) FROM events) RETURNING type')
        .pluck()
        .get();
      raw.close();
      expect(cut).toBe('audit.Anchored');
      err.length = 0;
      // Every event up to the anchor's position is intact, so the root still matches: only the
      // missing record tells that the log was cut.
      expect(await verifyCommand({ anchor: line }, deps)).toBe(1);
      expect(out).toContainEqual(expect.stringMatching(/; anchors: 1 checked, 0 mismatched$/));
      expect(err).toEqual([
        expect.stringMatching(
          /^problem: the record of the given anchor at position \d+ is missing: the log was cut after it$/,
        ),
      ]);
      // Without the root kept outside, the cut log agrees with itself.
      expect(await verifyCommand({}, deps)).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
