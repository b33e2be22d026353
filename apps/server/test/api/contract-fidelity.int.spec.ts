import { ManualClock } from '@one-window/shared';
import { APPLICANT, DEMO_ITEMS } from '../support/api-world.js';
import { call } from '../support/http.js';
import { serveApi } from '../support/suites.js';

/** The contract surprises of issue 12 item 7 and the refusal classes of item 4, over real HTTP (ADR 12). */
describe('contract fidelity over real HTTP', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { server, w } = serveApi({ clock });

  it('an unknown itemCode is a 400 at #/itemCode, not a 404', async () => {
    const head = await server.store.headPosition();
    const res = await w.as('clerk1', 'POST', '/api/cases', {
      itemCode: '11150102DEM000004X4DEM999999999',
      applicant: APPLICANT,
      channel: 'window',
      materials: [],
      sharingAuthorized: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ pointer: '#/itemCode', detail: expect.stringContaining('No service item') }),
    ]);
    expect(await server.store.headPosition()).toBe(head);
  });

  it('Art. 37 一次一评: rating a visit twice is a 409 state refusal with state and allowed, not a concurrency conflict', async () => {
    const { caseId } = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    expect(
      (await w.as('clerk1', 'POST', `/api/cases/${caseId}/rate`, { level: 1, channel: 'window-device' }))
        .status,
    ).toBe(200);
    const again = await w.as('clerk1', 'POST', `/api/cases/${caseId}/rate`, {
      level: 2,
      channel: 'window-device',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      type: '/problems/not-allowed-in-state',
      state: 'frontDesk.received',
      allowed: expect.arrayContaining(['AcceptCase']),
    });
    const backOffice = await w.as('clerk1', 'POST', `/api/cases/${caseId}/rate`, {
      level: 2,
      channel: 'window-device',
      stage: 'back-office',
    });
    expect(backOffice.status).toBe(409);
    expect(backOffice.body.type).toBe('/problems/not-allowed-in-state');
  });

  it('ADR 8: the head of the step department claims an approver step', async () => {
    const { caseId } = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const accepted = await w.ok('clerk1', `/api/cases/${caseId}/accept`, {});
    const { taskId } = await w.claimCurrent('head1', caseId, accepted);
    expect(taskId).toBeTruthy();
  });

  it("通办范围: a hall outside an item's cross-region scope cannot receive it (403); one inside can", async () => {
    const body = (itemCode: string) => ({
      itemCode,
      applicant: APPLICANT,
      channel: 'window',
      materials: [],
      sharingAuthorized: true,
    });
    const head = await server.store.headPosition();
    // The food licence is decided in 新城区 (150102) with scope "none": 呼和浩特市 hall (clerk2) may not take it.
    const outside = await w.as('clerk2', 'POST', '/api/cases', body(DEMO_ITEMS.foodBusinessLicence));
    expect(outside.status).toBe(403);
    expect(outside.body.detail).toContain('通办范围');
    expect(await server.store.headPosition()).toBe(head);
    // 旅行社业务经营许可 (region level, scope "region") is received anywhere in the region.
    const inside = await w.as('clerk2', 'POST', '/api/cases', body('11150000DEM000001X2DEM000000001'));
    expect(inside.status).toBe(201);
  });

  it('GET /api/stats without from/to answers the current month (China time)', async () => {
    const stats = await w.read('head1', '/api/stats');
    expect(stats).toMatchObject({ from: '2026-03-01', to: '2026-03-31' });
  });

  it('history?revision= beyond the stream is a 400 at #/revision, not the latest revision', async () => {
    const { caseId } = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const ok = await w.as('admin', 'GET', `/api/cases/${caseId}/history?revision=0`);
    expect(ok.status).toBe(200);
    const beyond = await w.as('admin', 'GET', `/api/cases/${caseId}/history?revision=99`);
    expect(beyond.status).toBe(400);
    expect(beyond.body.errors).toEqual([
      expect.objectContaining({
        pointer: '#/revision',
        detail: expect.stringContaining('beyond the stream'),
      }),
    ]);
  });

  it('a receipt naming an appointment nobody booked is a 404 in Chinese; one obligation is read by its id', async () => {
    // The appointment a receipt carries is checked against its hall-day stream (ADR 17); the case
    // detail carrying a real one is appointments.int.spec's.
    const receipt = {
      itemCode: DEMO_ITEMS.foodBusinessLicence,
      applicant: APPLICANT,
      channel: 'window',
      materials: [],
      sharingAuthorized: true,
    };
    const unbooked = await w.as('clerk1', 'POST', '/api/cases', {
      ...receipt,
      appointmentId: '150102-20260302-7',
    });
    expect(unbooked.status).toBe(404);
    expect(unbooked.body).toMatchObject({ code: 'appointment.not-found' });
    expect(unbooked.body.detailZh).toMatch(/未找到/);
    const received = await w.ok('clerk1', '/api/cases', receipt);

    const rated = await w.ok('clerk1', `/api/cases/${received.caseId}/rate`, {
      level: 5,
      channel: 'window-device',
    });
    const list = await w.read('reviewer1', '/api/obligations?pageSize=200', rated);
    const mine = (list.items as { obligationId: string; caseId: string }[]).find(
      (o) => o.caseId === received.caseId,
    );
    expect(mine).toBeDefined();
    const one = await w.read('reviewer1', `/api/obligations/${mine!.obligationId}`);
    expect(one).toEqual(mine);
    const missing = await w.as('reviewer1', 'GET', '/api/obligations/no-such-obligation');
    expect(missing.status).toBe(404);
  });

  it('a text/plain body is 415 unsupported-media-type', async () => {
    const res = await call(server.base, 'POST', '/api/cases', {
      token: w.token('clerk1'),
      rawBody: 'hello',
      headers: { 'content-type': 'text/plain', 'idempotency-key': 'plain-1' },
    });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ type: '/problems/unsupported-media-type', status: 415 });
  });
});
