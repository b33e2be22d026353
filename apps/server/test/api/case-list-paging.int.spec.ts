import { ManualClock } from '@one-window/shared';
import { seedGeneratedCases } from '../../../../libs/read-models/src/testing/index.js';
import { serveApi } from '../support/suites.js';

/** The case list over real HTTP: cursor pages, totals counted up to 1,000, refusals with their field. */
describe('case list paging over real HTTP', () => {
  const clock = new ManualClock('2026-01-20T01:30:00Z');
  const { server, w } = serveApi({ clock });

  beforeAll(async () => {
    await seedGeneratedCases(server.store, 1_050, { seed: 3 });
    await w.caughtUp(server.store);
  }, 120_000);

  it('walks every case once by nextCursor, says the total is capped at 1,000, and refuses deep pages and foreign cursors', async () => {
    const first = await w.read('admin', '/api/cases?pageSize=200');
    expect(first).toMatchObject({ total: 1000, totalCapped: true, page: 1, pageSize: 200 });
    const seen: string[] = first.items.map((c: { caseId: string }) => c.caseId);
    for (let cursor = first.nextCursor; cursor;) {
      const page = await w.read('admin', `/api/cases?pageSize=200&cursor=${encodeURIComponent(cursor)}`);
      seen.push(...page.items.map((c: { caseId: string }) => c.caseId));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(1_050);
    expect(new Set(seen).size).toBe(1_050);

    const deep = await w.as('admin', 'GET', '/api/cases?page=51&pageSize=20');
    expect(deep.status).toBe(400);
    expect(deep.body).toMatchObject({ titleZh: '输入有误', errors: [{ pointer: '#/page' }] });
    const foreign = await w.as('admin', 'GET', '/api/cases?cursor=WzFd');
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ errors: [{ pointer: '#/cursor' }] });
    const short = await w.as('admin', 'GET', '/api/cases?idNumber=12');
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ errors: [{ pointer: '#/idNumber' }] });
  });
});
