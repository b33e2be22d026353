import { ManualClock } from '@one-window/shared';
import { ApiWorld, DEMO_ITEMS } from '../support/api-world.js';
import { type TestServer, startTestServer } from '../support/test-server.js';

/** DOMAIN §5: a deadline in a year no loaded calendar covers is refused, never guessed Monday–Friday. */
describe('acceptance near the end of the calendar’s coverage, over real HTTP', () => {
  const clock = new ManualClock('2026-12-21T01:30:00Z');
  let server: TestServer;
  let w: ApiWorld;

  beforeAll(async () => {
    server = await startTestServer({ readWaitMs: 300 }, { clock });
    w = await ApiWorld.signIn(server.base);
  });
  afterAll(async () => server.close());

  it('refuses an acceptance whose due dates reach an unloaded 2027 with a clear 409, writes nothing, and accepts once the year is loaded', async () => {
    const { caseId } = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const head = await server.store.headPosition();

    const refused = await w.as('clerk1', 'POST', `/api/cases/${caseId}/accept`, {});
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      type: '/problems/calendar-not-covered',
      title: 'Working-day calendar not loaded',
      detail: expect.stringContaining('2027'),
    });
    expect(await server.store.headPosition()).toBe(head);

    const loaded = await w.as('admin', 'PUT', '/api/admin/calendar/2027', {
      year: 2027,
      holidays: ['2027-01-01', '2027-10-01', '2027-10-02', '2027-10-03'],
      workingWeekends: [],
      source: '测试用日程（非国务院通知）',
    });
    expect(loaded.status).toBe(200);

    const accepted = await w.as('clerk1', 'POST', `/api/cases/${caseId}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('backOffice.underReview');
  });
});
