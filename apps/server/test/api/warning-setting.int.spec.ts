import { ManualClock } from '@one-window/shared';
import { loadServerConfig } from '../../src/config/server-config.js';
import { casePolicyFor, readModelSettingsFor } from '../../src/config/warning-settings.js';
import { ReadSideLifecycle } from '../../src/reads/read-side.lifecycle.js';
import { DEMO_ITEMS } from '../support/api-world.js';
import { serveApi } from '../support/suites.js';

const SECRET = { authSecret: 'a-test-secret-of-at-least-32-characters' };

describe('WARNING_WORKING_DAYS: one warning window for the read side and the case engine', () => {
  it('gives both sides the same figure, 3 unless set, and refuses a nonsense value', () => {
    const set = loadServerConfig({ WARNING_WORKING_DAYS: '5' }, SECRET);
    expect(casePolicyFor(set).warningWorkingDays).toBe(5);
    expect(readModelSettingsFor(set).warningWorkingDays).toBe(5);
    const unset = loadServerConfig({}, SECRET);
    expect([casePolicyFor(unset).warningWorkingDays, readModelSettingsFor(unset).warningWorkingDays]).toEqual(
      [3, 3],
    );
    expect(() => loadServerConfig({ WARNING_WORKING_DAYS: '0' }, SECRET)).toThrow(/WARNING_WORKING_DAYS/);
  });

  describe('over real HTTP with a five-day window', () => {
    // Monday 2 March 2026: the food licence's promised limit (5 working days) ends Monday 9 March.
    const clock = new ManualClock('2026-03-02T01:30:00Z');
    const { server, w } = serveApi({
      clock,
      config: { warningWorkingDays: 5, tokenTtlSeconds: 7 * 24 * 3600 },
    });

    it('sends the early warning the read side sees, and the case engine takes it the first time', async () => {
      const { caseId } = await w.receive(DEMO_ITEMS.foodBusinessLicence);
      const accepted = await w.ok('clerk1', `/api/cases/${caseId}/accept`);
      // Tuesday: four working days left — yellow in a five-day window, too early in the default three.
      clock.set('2026-03-03T02:00:00Z');
      const listed = await w.read('clerk1', `/api/cases/${caseId}`, accepted);
      expect(listed).toMatchObject({ warning: 'yellow', workingDaysLeft: 4 });
      const fired = await server.app.get(ReadSideLifecycle).tick();
      expect(fired.failed).toEqual([]);
      expect(fired.sent.length).toBeGreaterThan(0);
      const head = await server.store.headPosition();
      const warned = await w.read('clerk1', `/api/cases/${caseId}`, { position: head ?? 0 });
      expect(warned.marks.decisionWarning).toContain('promised');
    });
  });
});
