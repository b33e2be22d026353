import { DEMO_ITEMS } from '@one-window/catalog';
import { ManualClock } from '@one-window/shared';
import { UsersStore } from '@one-window/identity';
import { call, login } from '../support/http.js';
import { serveApi } from '../support/suites.js';

/**
 * 困难残疾人生活补贴: decided by civil affairs, reviewed by the township, verified by the disabled
 * persons' federation. The federation's approver may act on their step, so they must be able to
 * open the case; an approver of a department with no step in it may not.
 */
describe('reads for the approver of a later step’s department, over real HTTP', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { server, w } = serveApi({ clock });
  let caseId: string;
  let town: string;
  let federation: string;
  let passed: { position: number };

  const get = (token: string, path: string, after?: { position: number }) =>
    call(server.base, 'GET', after ? `${path}?minPosition=${after.position}` : path, { token });
  const post = async (token: string, path: string, body: unknown = {}) => {
    const res = await call(server.base, 'POST', path, {
      token,
      body,
      headers: { 'idempotency-key': `${path}-${token.slice(-12)}` },
    });
    if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { position: number; caseId: string };
  };

  beforeAll(async () => {
    const users = new UsersStore(server.store);
    for (const [username, department] of [
      ['town1', '150102-baoheshao-town'],
      ['federation1', '150102-disabled-persons-federation'],
    ] as const)
      await users.create(
        { username, name: username, role: 'approver', department, password: 'a-strong-password' },
        'test',
      );
    town = await login(server.base, 'town1', 'a-strong-password');
    federation = await login(server.base, 'federation1', 'a-strong-password');

    // Its own materials: the application and the bank account (the rest is shared or an e-certificate).
    const received = await w.receive(DEMO_ITEMS.disabilityAllowances, {
      applicant: {
        kind: 'natural-person',
        name: '巴特尔',
        idType: '居民身份证',
        idNumber: '150102199001011234',
        phone: '13800000000',
      },
    });
    caseId = received.caseId;
    const accepted = await w.ok('clerk1', `/api/cases/${caseId}/accept`);
    const review = await get(town, `/api/cases/${caseId}`, accepted);
    expect(review.status).toBe(200);
    const t1 = review.body.currentTaskId as string;
    await post(town, `/api/tasks/${t1}/claim`);
    passed = await post(town, `/api/tasks/${t1}/pass`, { opinion: '情况属实' });
  });

  it('opens the case, its timeline and history for the federation’s approver, who then claims the step', async () => {
    const detail = await get(federation, `/api/cases/${caseId}`, passed);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ caseId, department: '150102-civil-affairs', currentStep: '审核' });
    expect(detail.body.allowedCommands).toContainEqual({
      type: 'ClaimTask',
      taskId: detail.body.currentTaskId,
    });
    expect((await get(federation, `/api/cases/${caseId}/timeline`)).status).toBe(200);
    expect((await get(federation, `/api/cases/${caseId}/history?revision=0`)).status).toBe(200);
    const list = await get(federation, '/api/cases');
    expect(list.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([caseId]);
    const claimed = await post(federation, `/api/tasks/${detail.body.currentTaskId}/claim`);
    expect(claimed.position).toBeGreaterThan(passed.position);
  });

  it('still answers 403 to an approver of a department with no step in the case', async () => {
    const outsider = w.token('approver1');
    expect((await get(outsider, `/api/cases/${caseId}`)).status).toBe(403);
    expect((await get(outsider, `/api/cases/${caseId}/timeline`)).status).toBe(403);
    expect((await get(outsider, `/api/cases/${caseId}/history`)).status).toBe(403);
    expect((await get(outsider, '/api/cases')).body.total).toBe(0);
  });
});
