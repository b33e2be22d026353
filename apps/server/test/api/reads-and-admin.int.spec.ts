import { ManualClock } from '@one-window/shared';
import { ApiWorld, DEMO_ITEMS } from '../support/api-world.js';
import { call } from '../support/http.js';
import { serveApi } from '../support/suites.js';
import { withStatutoryHolidays } from '../../../../libs/calendar/src/testing/statutory-schedule.js';

/** Read-your-writes, history, deadlines, statistics, durable timers, and the administrator's routes. */
describe('reads and administration over real HTTP', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { server, w } = serveApi({
    clock,
    config: { readWaitMs: 300, timerPollMs: 100, tokenTtlSeconds: 7 * 24 * 3600 },
  });
  let caseId: string;
  let accepted: { position: number };

  beforeAll(async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence, { greenChannel: true });
    caseId = received.caseId;
    accepted = await w.ok('clerk1', `/api/cases/${caseId}/accept`);
  });

  it('waits for ?minPosition= and answers 503 with Retry-After when the read models cannot get there in time', async () => {
    const visible = await w.read('clerk1', `/api/cases/${caseId}`, accepted);
    expect(visible.status).toBe('backOffice.underReview');
    const beyond = await w.as(
      'clerk1',
      'GET',
      `/api/cases/${caseId}?minPosition=${accepted.position + 1000}`,
    );
    expect(beyond.status).toBe(503);
    expect(beyond.body).toMatchObject({ type: '/problems/read-models-behind', status: 503 });
    expect(Number(beyond.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('shows the case as it was at a revision and at a time, folded from the log', async () => {
    const atReceipt = await w.read('admin', `/api/cases/${caseId}/history?revision=0`);
    expect(atReceipt).toMatchObject({
      revision: 0,
      state: 'frontDesk.received',
      event: { type: 'case.Received' },
    });
    expect(atReceipt.case.acceptance).toBeNull();
    const now = await w.read(
      'admin',
      `/api/cases/${caseId}/history?at=${encodeURIComponent('2026-03-02T09:31:00+08:00')}`,
    );
    expect(now.state).toBe('backOffice.underReview');
    expect(now.case.acceptance).toMatchObject({ acceptedOn: '2026-03-02' });
    const before = await w.read('admin', `/api/cases/${caseId}/history?at=2026-03-01T00:00:00Z`);
    expect(before).toMatchObject({ revision: -1, state: null, case: null });
  });

  it('puts the green-channel case first in the queue, and on the deadline board once it runs late', async () => {
    await w
      .receive(DEMO_ITEMS.foodBusinessLicence)
      .then((r) => w.ok('clerk1', `/api/cases/${r.caseId}/accept`));
    const queue = await w.read('approver1', '/api/tasks?queue=department&status=open');
    expect(queue.items[0]).toMatchObject({ caseId, greenChannel: true });
    // The head's queue holds the heads' steps only (the 审批 decision, later).
    expect((await w.read('head1', '/api/tasks?queue=department&status=open')).items).toEqual([]);
    // Promised by Monday 9 March; on Tuesday 10 March it is overdue.
    clock.set('2026-03-10T02:00:00Z');
    const late = await ApiWorld.signIn(server.base);
    const red = await late.read('admin', '/api/deadlines?warning=red');
    expect(red.items.map((i: { caseId: string }) => i.caseId)).toContain(caseId);
    const clerkView = await late.read('clerk1', '/api/deadlines?warning=red');
    expect(clerkView.items.map((i: { caseId: string }) => i.caseId)).toContain(caseId);
    // The durable timer marks it overdue by itself (the scheduler polls every 100 ms here).
    const deadline = Date.now() + 5000;
    let types: string[] = [];
    while (Date.now() < deadline && !types.includes('case.DecisionOverdue')) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      types = (await late.read('admin', `/api/cases/${caseId}/timeline`)).entries.map(
        (e: { type: string }) => e.type,
      );
    }
    expect(types).toContain('case.DecisionOverdue');
    clock.set('2026-03-02T01:30:00Z');
  });

  it('counts cases per item and department for the statistics', async () => {
    const stats = await w.read('admin', '/api/stats?from=2026-03-01&to=2026-03-31&groupBy=item');
    expect(stats.total.received).toBeGreaterThanOrEqual(2);
    expect(
      stats.rows.find((r: { key: string }) => r.key === DEMO_ITEMS.foodBusinessLicence).accepted,
    ).toBeGreaterThanOrEqual(2);
    const head = await w.read('head1', '/api/stats?from=2026-03-01&to=2026-03-31&groupBy=department');
    expect(head.rows.map((r: { key: string }) => r.key)).toEqual(['150102-market-regulation']);
  });

  it('reports projection lag and rebuilds the read models from the log with progress', async () => {
    const lag = await w.read('admin', '/api/admin/projections');
    expect(lag.status).toBe('live');
    expect(lag.projections.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['cases', 'tasks', 'obligations']),
    );
    const started = await w.as('admin', 'POST', '/api/admin/projections/rebuild');
    expect(started.status).toBe(202);
    expect(started.body.rebuild.running).toBe(true);
    let state = started.body.rebuild;
    const until = Date.now() + 10_000;
    while (state.running && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = (await w.read('admin', '/api/admin/projections')).rebuild;
    }
    expect(state).toMatchObject({ running: false, error: null });
    expect(state.events).toBeGreaterThan(0);
    expect(state.processed).toBe(state.events);
    const after = await w.read('clerk1', `/api/cases/${caseId}`);
    expect(after.caseId).toBe(caseId);
  });

  it("shows the calendar's coverage and loads a year, refusing a bad one", async () => {
    const before = await w.read('admin', '/api/admin/calendar');
    expect(before.years).toContain(2026);
    expect(before.years).not.toContain(2028);
    const year = withStatutoryHolidays({
      year: 2028,
      holidays: ['2028-01-01', '2028-10-01', '2028-10-02', '2028-10-03'],
      workingWeekends: ['2028-09-30'],
      source: '测试用日程（非国务院通知）',
    });
    // 《全国年节及纪念日放假办法》 Art. 2: a year holding only New Year's Day is refused, the day named.
    const newYearOnly = await w.as('admin', 'PUT', '/api/admin/calendar/2028', {
      ...year,
      holidays: ['2028-01-01'],
    });
    expect(newYearOnly.status).toBe(400);
    expect(JSON.stringify(newYearOnly.body)).toContain('2028-01-25, Spring Festival');
    const mismatch = await w.as('admin', 'PUT', '/api/admin/calendar/2029', year);
    expect(mismatch.status).toBe(400);
    const invalid = await w.as('admin', 'PUT', '/api/admin/calendar/2028', {
      ...year,
      workingWeekends: ['2028-10-04'],
    });
    expect(invalid.status).toBe(400);
    const loaded = await w.as('admin', 'PUT', '/api/admin/calendar/2028', year);
    expect(loaded.status).toBe(200);
    expect(loaded.body.years).toContain(2028);
    const after = await w.read('admin', '/api/admin/calendar');
    expect(after.loads.map((l: { year: number }) => l.year)).toContain(2028);
  });

  it('is ready when the store answers and the projections follow the log', async () => {
    const ready = await call(server.base, 'GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      checks: { eventStore: { ok: true }, projections: { ok: true, status: 'live' } },
    });
  });

  it('serves the OpenAPI document with every route of the API', async () => {
    const doc = await call(server.base, 'GET', '/api/docs-json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    for (const path of [
      '/api/auth/login',
      '/api/catalog/items',
      '/api/catalog/items/{code}',
      '/api/cases',
      '/api/cases/{caseId}',
      '/api/cases/{caseId}/accept',
      '/api/cases/{caseId}/special-procedures/{n}/end',
      '/api/cases/{caseId}/timeline',
      '/api/cases/{caseId}/history',
      '/api/tasks',
      '/api/tasks/{taskId}/claim',
      '/api/tasks/{taskId}/reassign',
      '/api/obligations/{obligationId}/rectify',
      '/api/deadlines',
      '/api/stats',
      '/api/admin/projections/rebuild',
      '/api/admin/calendar/{year}',
      '/health/ready',
    ]) {
      expect(paths).toContain(path);
    }
    expect(doc.body.components.schemas.ReceiveApplicationDto.required).toEqual(
      expect.arrayContaining(['itemCode', 'applicant', 'channel', 'materials']),
    );
    const ui = await fetch(`${server.base}/api/docs`);
    expect(ui.status).toBe(200);
  });
});
