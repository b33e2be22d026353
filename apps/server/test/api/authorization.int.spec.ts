import { ManualClock } from '@one-window/shared';
import { UsersStore } from '@one-window/identity';
import { call, login } from '../support/http.js';
import { DEMO_ITEMS, type DemoUser } from '../support/api-world.js';
import { serveApi } from '../support/suites.js';

type Role = 'clerk' | 'approver' | 'head' | 'reviewer' | 'admin';
const ONE_USER_PER_ROLE: Record<Role, DemoUser> = {
  clerk: 'clerk1',
  approver: 'approver1',
  head: 'head1',
  reviewer: 'reviewer1',
  admin: 'admin',
};
const ALL: readonly Role[] = ['clerk', 'approver', 'head', 'reviewer', 'admin'];

interface Route {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  readonly roles: readonly Role[];
  readonly body?: unknown;
}

/**
 * Authorization: every role against every route it must not reach (403, nothing written), no
 * token anywhere (401), and jurisdiction — a clerk of another hall, an approver of another
 * department — on a real case.
 */
describe('authorization over real HTTP', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { server, w } = serveApi({ clock });
  let caseId: string;
  let taskId: string;
  let routes: Route[];

  beforeAll(async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    caseId = received.caseId;
    const accepted = await w.ok('clerk1', `/api/cases/${caseId}/accept`);
    taskId = (await w.read('approver1', `/api/cases/${caseId}`, accepted)).currentTaskId;
    const c = `/api/cases/${caseId}`;
    const t = `/api/tasks/${taskId}`;
    const o = `/api/obligations/${caseId}.o1`;
    routes = [
      { method: 'POST', path: '/api/cases', roles: ['clerk'], body: {} },
      { method: 'POST', path: `${c}/accept`, roles: ['clerk'] },
      { method: 'POST', path: `${c}/accept-with-deficiency`, roles: ['clerk'], body: {} },
      { method: 'POST', path: `${c}/request-correction`, roles: ['clerk'], body: {} },
      { method: 'POST', path: `${c}/submit-correction`, roles: ['clerk'], body: {} },
      { method: 'POST', path: `${c}/refuse`, roles: ['clerk'], body: {} },
      { method: 'POST', path: `${c}/withdraw`, roles: ['clerk'], body: {} },
      { method: 'POST', path: `${c}/supply-deficiency`, roles: ['clerk'], body: {} },
      { method: 'POST', path: `${c}/special-procedures`, roles: ['approver', 'head'], body: {} },
      { method: 'POST', path: `${c}/special-procedures/1/end`, roles: ['approver', 'head'], body: {} },
      { method: 'POST', path: `${c}/extend`, roles: ['head'], body: {} },
      { method: 'POST', path: `${c}/approve`, roles: ['approver', 'head'], body: {} },
      { method: 'POST', path: `${c}/deny`, roles: ['approver', 'head'], body: {} },
      { method: 'POST', path: `${c}/issue-result`, roles: ['clerk', 'approver', 'head'], body: {} },
      { method: 'POST', path: `${c}/dispatch`, roles: ['clerk'], body: {} },
      { method: 'POST', path: `${c}/deliver`, roles: ['clerk'] },
      { method: 'POST', path: `${c}/rate`, roles: ['clerk'], body: {} },
      { method: 'POST', path: `${t}/claim`, roles: ['approver', 'head'] },
      { method: 'POST', path: `${t}/release`, roles: ['approver', 'head'] },
      { method: 'POST', path: `${t}/pass`, roles: ['approver', 'head'], body: {} },
      { method: 'POST', path: `${t}/return`, roles: ['approver', 'head'], body: {} },
      { method: 'POST', path: `${t}/supervise`, roles: ['head', 'admin'], body: {} },
      { method: 'POST', path: `${t}/reassign`, roles: ['head', 'admin'], body: {} },
      { method: 'POST', path: `${o}/callback`, roles: ['reviewer'], body: {} },
      { method: 'POST', path: `${o}/rectify`, roles: ['reviewer'], body: {} },
      { method: 'POST', path: `${o}/explain`, roles: ['reviewer'], body: {} },
      { method: 'GET', path: '/api/catalog/items', roles: ALL },
      { method: 'GET', path: '/api/cases', roles: ALL },
      { method: 'GET', path: '/api/cases/export?format=csv', roles: ALL },
      { method: 'GET', path: c, roles: ALL },
      { method: 'GET', path: `${c}/timeline`, roles: ALL },
      { method: 'GET', path: `${c}/history?revision=0`, roles: ALL },
      { method: 'GET', path: `${c}/notices`, roles: ALL },
      { method: 'GET', path: `${c}/notices/x-J`, roles: ALL },
      { method: 'GET', path: `${c}/rating-link`, roles: ['clerk', 'admin'] },
      { method: 'GET', path: '/api/tasks', roles: ['approver', 'head'] },
      { method: 'GET', path: '/api/appointments', roles: ['clerk'] },
      { method: 'POST', path: '/api/appointments/150102-20260302-1/no-show', roles: ['clerk'] },
      { method: 'GET', path: '/api/obligations', roles: ['reviewer', 'admin'] },
      { method: 'GET', path: '/api/deadlines', roles: ['clerk', 'approver', 'head', 'admin'] },
      { method: 'GET', path: '/api/stats?from=2026-01-01&to=2026-12-31', roles: ['head', 'admin'] },
      { method: 'GET', path: '/api/admin/projections', roles: ['admin'] },
      { method: 'POST', path: '/api/admin/projections/rebuild', roles: ['admin'] },
      { method: 'GET', path: '/api/admin/calendar', roles: ['admin'] },
      { method: 'PUT', path: '/api/admin/calendar/2027', roles: ['admin'], body: {} },
    ];
  });

  it('answers 403 to every role outside a route, naming the roles it is for, and writes nothing', async () => {
    const checked: string[] = [];
    for (const route of routes) {
      for (const role of ALL.filter((r) => !route.roles.includes(r))) {
        const head = await server.store.headPosition();
        const res = await w.as(ONE_USER_PER_ROLE[role], route.method, route.path, route.body);
        expect({ route: `${route.method} ${route.path}`, role, status: res.status }).toEqual({
          route: `${route.method} ${route.path}`,
          role,
          status: 403,
        });
        expect(res.body).toMatchObject({ type: '/problems/forbidden', title: 'Not allowed' });
        expect(res.body.detail).toContain(route.roles.join(', '));
        expect(await server.store.headPosition()).toBe(head);
        checked.push(`${role} ${route.method} ${route.path}`);
      }
    }
    expect(checked.length).toBeGreaterThan(100);
  });

  it('answers 401 to every route without a token', async () => {
    for (const route of routes) {
      const res = await call(
        server.base,
        route.method,
        route.path,
        route.body === undefined ? {} : { body: route.body },
      );
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('keeps a clerk of another hall out of the case: no reading, no acting, not in their list', async () => {
    const head = await server.store.headPosition();
    for (const path of [
      `/api/cases/${caseId}`,
      `/api/cases/${caseId}/timeline`,
      `/api/cases/${caseId}/history`,
      `/api/cases/${caseId}/notices`,
    ]) {
      const res = await w.as('clerk2', 'GET', path);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
    const withdraw = await w.as('clerk2', 'POST', `/api/cases/${caseId}/withdraw`, { reason: '越权尝试' });
    expect(withdraw.status).toBe(403);
    expect(withdraw.body.detail).toMatch(/hall-150102/);
    const list = await w.read('clerk2', '/api/cases');
    expect(list.items.map((i: { caseId: string }) => i.caseId)).not.toContain(caseId);
    expect(await server.store.headPosition()).toBe(head);
  });

  it('keeps an approver of another department out of the case and its queue', async () => {
    const head = await server.store.headPosition();
    expect((await w.as('approver2', 'GET', `/api/cases/${caseId}`)).status).toBe(403);
    const claim = await w.as('approver2', 'POST', `/api/tasks/${taskId}/claim`);
    expect(claim.status).toBe(403);
    const queue = await w.read('approver2', '/api/tasks?queue=department');
    expect(queue.items.map((i: { taskId: string }) => i.taskId)).not.toContain(taskId);
    const own = await w.read('approver1', '/api/tasks?queue=department&status=open');
    expect(own.items.map((i: { taskId: string }) => i.taskId)).toContain(taskId);
    expect(await server.store.headPosition()).toBe(head);
  });

  it('lets only the holder act on a claimed task', async () => {
    const claimed = await w.ok('approver1', `/api/tasks/${taskId}/claim`);
    // A second approver of the same department, created as the users CLI would.
    await new UsersStore(server.store).create(
      {
        username: 'approver9',
        name: '周敏',
        role: 'approver',
        department: '150102-market-regulation',
        password: 'a-strong-password',
      },
      'test',
    );
    const colleague = await login(server.base, 'approver9', 'a-strong-password');
    const head = await server.store.headPosition();
    const other = await call(server.base, 'POST', `/api/tasks/${taskId}/pass`, {
      token: colleague,
      body: { opinion: '代为通过' },
    });
    expect(other.status).toBe(403);
    expect(other.body.detail).toMatch(/held by/);
    expect(await server.store.headPosition()).toBe(head);
    const mine = await w.read('approver1', '/api/tasks?queue=mine', claimed);
    expect(mine.items.map((i: { taskId: string }) => i.taskId)).toEqual([taskId]);
  });
});
