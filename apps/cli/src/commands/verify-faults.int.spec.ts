import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore, ReadOnlyEventStore } from '@one-window/event-store';
import { damageFirstEventsPage } from '../../../../libs/event-store/src/testing/damage-file.js';
import type { ReadSideCliDeps } from './read-side-deps.js';
import { verifyCommand } from './verify.command.js';

describe('verify on a damaged file (issue 10, defect 5)', () => {
  it('says what the server says, in English and Chinese, and exits 1', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'one-window-verify-faults-'));
    try {
      const store = await EmbeddedEventStore.open({ dataDir, synchronous: 'NORMAL' });
      for (let i = 0; i < 30; i++)
        await store.appendToStream(`s-${i}`, [{ type: 't.E', data: { x: 'y'.repeat(2000) } }]);
      await store.close();
      const file = join(dataDir, 'events.sqlite');
      damageFirstEventsPage(file);
      const err: string[] = [];
      const deps = {
        openStore: () => Promise.resolve(ReadOnlyEventStore.open({ file })),
        out: () => undefined,
        err: (line: string) => err.push(line),
        progress: () => undefined,
      } as unknown as ReadSideCliDeps;
      expect(await verifyCommand({}, deps)).toBe(1);
      expect(err).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^problem: the file is damaged: .*database disk image is malformed$/),
          expect.stringMatching(/^The event store file is damaged\. .*事件存储文件已损坏/),
        ]),
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
