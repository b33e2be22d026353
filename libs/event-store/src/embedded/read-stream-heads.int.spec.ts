import { openForTests } from '../../../../test/support/open-for-tests.js';
import { openTempEventStore } from '../testing/temp-store.js';
import type { EmbeddedEventStore } from './embedded-event-store.js';
import { STREAM_HEADS_PAGE, type StreamHeadRow } from './event-table.js';

describe('EmbeddedEventStore.readStreamHeads: every stream’s last event without the log', () => {
  const temp = openForTests('all', () => openTempEventStore({ synchronous: 'NORMAL' }));
  const store = (): EmbeddedEventStore => temp.current();

  it('pages through more streams than a page by name, each at its last ordinary event with its chain', async () => {
    const streams = STREAM_HEADS_PAGE + 5;
    for (let i = 0; i < streams; i++) {
      const events = Array.from({ length: 1 + (i % 3) }, (_, n) => ({ type: 'test.E', data: { n } }));
      await store().appendToStream(`s-${String(i).padStart(5, '0')}`, events);
    }
    // A system event on top of a stream does not count (readAll and subscriptions leave it out);
    // a stream of system events alone has no head.
    await store().appendToStream('s-00000', [{ type: '$test.system', data: {} }]);
    await store().appendToStream('s-only-system', [{ type: '$test.system', data: {} }]);

    const heads: StreamHeadRow[] = [];
    let pages = 0;
    for (let after = ''; ; pages++) {
      const page = await store().readStreamHeads(after);
      if (page.length === 0) break;
      heads.push(...page);
      after = page[page.length - 1].streamName;
    }
    expect(pages).toBe(2);
    const expected = new Map<string, { revision: number; position: number; chain: string | undefined }>();
    for (const e of await store().readAll())
      expected.set(e.streamName, { revision: e.streamRevision, position: e.position, chain: e.chain });
    expect(heads.map((h) => h.streamName)).toEqual([...expected.keys()].sort());
    for (const h of heads) {
      const want = expected.get(h.streamName)!;
      expect({ revision: h.revision, position: h.position, chain: h.chain?.toString('hex') }).toEqual(want);
    }
    expect(heads.find((h) => h.streamName === 's-00000')!.revision).toBe(0);
  });
});
