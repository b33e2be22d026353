import { ManualClock } from '@one-window/shared';
import { ReadModels } from '@one-window/read-models';
import { DEMO_ITEMS } from '../support/api-world.js';
import { serveApi } from '../support/suites.js';

/**
 * GET /api/cases/{id} joins the engine's part (the commands the caller may send) to the read
 * models' summary (status, materials, due dates). A command another terminal sent a moment ago is
 * in the engine at once and in the read models a batch later: while they follow the log the page
 * waits for the case's last event, so its commands and its forms' materials agree.
 */
describe('the case page and the read models it joins', () => {
  // Monday 2 March 2026, 09:30 China time.
  const { server, w } = serveApi({ clock: new ManualClock('2026-03-02T01:30:00Z') });
  const readModels = (): ReadModels => server.app.get(ReadModels);

  /** A received case whose summary the read models already hold. */
  async function received(): Promise<string> {
    const answer = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    await w.read('clerk1', `/api/cases/${answer.caseId}`, answer);
    return answer.caseId as string;
  }

  it("waits, while the read models catch up, for the case's last event: its status is the engine's state", async () => {
    const caseId = await received();
    await readModels().runner.stop();
    try {
      // A log the read models take a while to catch up with (other streams' events they read and skip), then the command.
      const filler = Array.from({ length: 10_000 }, (_, i) => ({ type: 'test.Filler', data: { i } }));
      for (let n = 0; n < 2; n++) await server.store.appendToStream(`test-filler-${n}`, filler);
      await w.ok('clerk1', `/api/cases/${caseId}/accept`);
      readModels().runner.start();
      const detail = await w.read('clerk1', `/api/cases/${caseId}`);
      expect(detail.state).not.toBe('frontDesk.received');
      expect(detail.status).toBe(detail.state);
      expect(detail.allowedCommands.map((c: { type: string }) => c.type)).not.toContain('AcceptCase');
    } finally {
      readModels().runner.start();
    }
  });

  it("answers at once from what the read models hold when they are stopped: its status trails the engine's state", async () => {
    const caseId = await received();
    await readModels().runner.stop();
    try {
      await w.ok('clerk1', `/api/cases/${caseId}/accept`);
      const detail = await w.read('clerk1', `/api/cases/${caseId}`);
      expect(detail.revision).toBeLessThan(detail.streamRevision);
      expect(detail.status).toBe('frontDesk.received');
      expect(detail.state).not.toBe('frontDesk.received');
      expect(detail.allowedCommands.map((c: { type: string }) => c.type)).not.toContain('AcceptCase');
    } finally {
      readModels().runner.start();
    }
  });
});
