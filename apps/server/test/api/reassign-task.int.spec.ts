import { randomUUID } from 'node:crypto';
import { UsersStore } from '@one-window/identity';
import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS } from '../support/api-world.js';
import { call, login } from '../support/http.js';
import { serveApi } from '../support/suites.js';

/**
 * 转办 over real HTTP: the head hands a task to a named approver of the department (the staff lookup
 * port bound to the users store); another department's head, a non-approver target and a finished
 * task are refused with coded problems in both languages; the new holder passes it, the old cannot.
 */
describe('转办 (reassign a task) over real HTTP', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { server, w } = serveApi({ clock, config: { tokenTtlSeconds: 7 * 24 * 3600 } });
  let approver4: { userId: string; token: string };
  let head2: string;

  const as = (token: string, path: string, body: unknown) =>
    call(server.base, 'POST', path, { token, body, headers: { 'idempotency-key': randomUUID() } });

  beforeAll(async () => {
    const users = server.app.get(UsersStore);
    const [fourth] = await users.createAll(
      [
        {
          username: 'approver4',
          password: 'demo-approver4',
          name: '周洁（市场监管审批）',
          role: 'approver',
          department: '150102-market-regulation',
        },
        {
          username: 'head2',
          password: 'demo-head2',
          name: '吴刚（民政负责人）',
          role: 'head',
          department: '150102-civil-affairs',
        },
      ],
      'test',
    );
    approver4 = { userId: fourth.userId, token: await login(server.base, 'approver4') };
    head2 = await login(server.base, 'head2');
  }, 120_000); // two more users' scrypt hashes and sign-ins on a loaded machine

  it('hands a claimed task to another approver of the department; the queue and case show them', async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const accepted = await w.ok('clerk1', `/api/cases/${received.caseId}/accept`);
    const taskId = (await w.read('approver1', `/api/cases/${received.caseId}`, accepted))
      .currentTaskId as string;
    await w.ok('approver1', `/api/tasks/${taskId}/claim`);
    const path = `/api/tasks/${taskId}/reassign`;
    const head = await server.store.headPosition();

    const otherHead = await as(head2, path, { assignee: approver4.userId, reason: '原承办人休假' });
    expect(otherHead.status).toBe(403);
    expect(otherHead.body).toMatchObject({ type: '/problems/forbidden', code: 'forbidden.reassign' });

    const notApprover = await w.as('head1', 'POST', path, {
      assignee: 'no-such-user',
      reason: '原承办人休假',
    });
    expect(notApprover.status).toBe(409);
    expect(notApprover.body).toMatchObject({ code: 'not-allowed-in-state.reassign-assignee' });
    const zh = await call(server.base, 'POST', path, {
      token: w.token('head1'),
      body: { assignee: 'no-such-user', reason: '原承办人休假' },
      headers: { 'idempotency-key': randomUUID(), 'accept-language': 'zh' },
    });
    expect(zh.body.detail).toMatch(/不是该任务所在部门在岗的审批人员/);
    expect(await server.store.headPosition()).toBe(head);

    const sent = await w.ok('head1', path, { assignee: approver4.userId, reason: '原承办人休假' });
    expect(sent).toMatchObject({ state: 'backOffice.underReview', events: ['case.TaskReassigned'] });
    const mine = await call(server.base, 'GET', `/api/tasks?queue=mine&minPosition=${sent.position}`, {
      token: approver4.token,
    });
    expect(mine.body.items.map((t: { taskId: string }) => t.taskId)).toContain(taskId);
    const detail = await w.read('head1', `/api/cases/${received.caseId}`, sent);
    expect(detail.tasks.find((t: { taskId: string }) => t.taskId === taskId)).toMatchObject({
      status: 'claimed',
      holder: { userId: approver4.userId, name: '周洁（市场监管审批）' },
    });
    const timeline = await call(server.base, 'GET', `/api/cases/${received.caseId}/timeline`, {
      token: w.token('head1'),
      headers: { 'accept-language': 'zh' },
    });
    expect(JSON.stringify(timeline.body)).toContain('转办');

    // The old holder can no longer pass it; the new one passes it.
    const old = await w.as('approver1', 'POST', `/api/tasks/${taskId}/pass`, { opinion: '同意' });
    expect(old.status).toBe(403);
    const passed = await as(approver4.token, `/api/tasks/${taskId}/pass`, { opinion: '材料齐全' });
    expect(passed.status).toBe(200);

    // The task is finished: a 409 in both languages, nothing written.
    const after = await server.store.headPosition();
    const finished = await w.as('head1', 'POST', path, { assignee: 'x', reason: '原承办人休假' });
    expect(finished.status).toBe(409);
    expect(finished.body).toMatchObject({ code: 'not-allowed-in-state.reassign-closed' });
    expect(await server.store.headPosition()).toBe(after);
  });

  it('an administrator hands a queued task to an approver, who then holds it', async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const accepted = await w.ok('clerk1', `/api/cases/${received.caseId}/accept`);
    const taskId = (await w.read('approver1', `/api/cases/${received.caseId}`, accepted))
      .currentTaskId as string;
    const sent = await w.ok('admin', `/api/tasks/${taskId}/reassign`, {
      assignee: approver4.userId,
      reason: '统筹',
    });
    const claim = await as(approver4.token, `/api/tasks/${taskId}/claim`, {});
    expect(claim.status).toBe(409); // already theirs
    expect(claim.body).toMatchObject({ code: 'not-allowed-in-state.held-by' });
    const queue = await call(server.base, 'GET', `/api/tasks?queue=department&minPosition=${sent.position}`, {
      token: w.token('approver1'),
    });
    expect(queue.body.items.find((t: { taskId: string }) => t.taskId === taskId)).toMatchObject({
      holder: { userId: approver4.userId },
    });
  });
});
