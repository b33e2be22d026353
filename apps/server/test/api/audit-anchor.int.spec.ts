import { seedGeneratedCases } from '../../../../libs/read-models/src/testing/index.js';
import { parseAnchor, verifyLog } from '@one-window/audit';
import { AnchorService } from '../../src/audit/anchor.service.js';
import { serveApi } from '../support/suites.js';

/** The server anchors its hash-chained log every N events; the admin reads the line to keep outside. */
describe('audit anchors over real HTTP', () => {
  const { server, w } = serveApi({ config: { auditAnchorEveryEvents: 500 } });

  async function anchored(): Promise<{ line: string; position: number } | null> {
    return (
      (await w.read('admin', '/api/admin/audit/anchor')) as {
        anchor: { line: string; position: number } | null;
      }
    ).anchor;
  }

  it('writes an anchor after N events, readable by administrators only, that verify accepts', async () => {
    expect((await w.as('clerk1', 'GET', '/api/admin/audit/anchor')).status).toBe(403);
    await seedGeneratedCases(server.store, 120);
    const anchors = server.app.get(AnchorService);
    let anchor: Awaited<ReturnType<typeof anchored>> = null;
    for (let i = 0; i < 200 && anchor === null; i++) {
      await anchors.tick();
      anchor = await anchored();
      if (anchor === null) await new Promise((r) => setTimeout(r, 25));
    }
    expect(anchor).not.toBeNull();
    expect(anchor!.line).toMatch(/^ow-anchor-1:\d+:\d+:[0-9a-f]{64}$/);
    const report = await verifyLog(server.store, { anchor: parseAnchor(anchor!.line) });
    expect(report).toMatchObject({ sound: true, anchorMismatches: [] });
    expect(report.anchorsChecked).toBeGreaterThanOrEqual(2);
  });
});
