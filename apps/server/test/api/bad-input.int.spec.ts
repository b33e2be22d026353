/* eslint-disable @typescript-eslint/no-explicit-any -- problem bodies are inspected field by field */
import { randomUUID } from 'node:crypto';
import { ManualClock } from '@one-window/shared';
import { foodLicenceReceipt, APPLICANT } from '../support/api-world.js';
import { call } from '../support/http.js';
import { serveApi } from '../support/suites.js';

const pointers = (body: { errors?: { pointer: string }[] }): string[] =>
  (body.errors ?? []).map((e) => e.pointer).sort();

/**
 * Bad input over real HTTP: each gets a clear problem-details answer and the store's head
 * position does not move.
 */
describe('bad input over real HTTP', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { server, w } = serveApi({ clock, config: { bodyLimitBytes: 16 * 1024 } });
  let caseId: string;
  const good = () => foodLicenceReceipt();

  beforeAll(async () => {
    caseId = (await w.ok('clerk1', '/api/cases', good())).caseId;
  });

  /** Runs a request that must fail and proves it wrote nothing. */
  async function refused(send: () => Promise<{ status: number; body: any; headers: Headers }>) {
    const head = await server.store.headPosition();
    const res = await send();
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual(
      expect.objectContaining({
        type: expect.any(String),
        title: expect.any(String),
        status: res.status,
        detail: expect.any(String),
      }),
    );
    expect(await server.store.headPosition()).toBe(head);
    return res;
  }

  it('missing fields: one entry per missing field', async () => {
    const res = await refused(() => w.as('clerk1', 'POST', '/api/cases', {}));
    expect(res.status).toBe(400);
    expect(pointers(res.body)).toEqual(['#/applicant', '#/channel', '#/itemCode', '#/materials']);
  });

  it('wrong-typed fields, nested ones included, point at the field', async () => {
    const body = {
      ...good(),
      applicant: { ...APPLICANT, name: 5 },
      materials: [{ code: 'application', form: 'fax' }],
      greenChannel: 'yes',
    };
    const res = await refused(() => w.as('clerk1', 'POST', '/api/cases', body));
    expect(res.status).toBe(400);
    expect(pointers(res.body)).toEqual(['#/applicant/name', '#/greenChannel', '#/materials/0/form']);
    expect(res.body.errors.find((e: { pointer: string }) => e.pointer === '#/greenChannel').detail).toMatch(
      /boolean/,
    );
  });

  it('unknown fields are refused, at any depth', async () => {
    const body = { ...good(), colour: 'red', applicant: { ...APPLICANT, nickname: '小王' } };
    const res = await refused(() => w.as('clerk1', 'POST', '/api/cases', body));
    expect(res.status).toBe(400);
    expect(pointers(res.body)).toEqual(['#/applicant/nickname', '#/colour']);
    expect(res.body.errors[0].detail).toMatch(/unknown field/);
    const accept = await refused(() =>
      w.as('clerk1', 'POST', `/api/cases/${caseId}/accept`, { force: true }),
    );
    expect(accept.status).toBe(400);
    expect(pointers(accept.body)).toEqual(['#/force']);
  });

  it('oversized fields (400), too many items (400) and an oversized body (413)', async () => {
    const long = await refused(() =>
      w.as('clerk1', 'POST', `/api/cases/${caseId}/withdraw`, { reason: '很'.repeat(2001) }),
    );
    expect(long.status).toBe(400);
    expect(pointers(long.body)).toEqual(['#/reason']);
    const many = {
      ...good(),
      materials: Array.from({ length: 101 }, () => ({ code: 'application', form: 'copy' })),
    };
    const list = await refused(() => w.as('clerk1', 'POST', '/api/cases', many));
    expect(list.status).toBe(400);
    expect(pointers(list.body)).toEqual(['#/materials']);
    const huge = await refused(() =>
      w.as('clerk1', 'POST', `/api/cases/${caseId}/withdraw`, { reason: 'x'.repeat(20_000) }),
    );
    expect(huge.status).toBe(413);
    expect(huge.body.type).toBe('/problems/too-large');
  });

  it('a body that is not a JSON object, or not JSON at all', async () => {
    const array = await refused(() => w.as('clerk1', 'POST', '/api/cases', [good()]));
    expect(array.status).toBe(400);
    const broken = await refused(() =>
      call(server.base, 'POST', '/api/cases', {
        token: w.token('clerk1'),
        rawBody: '{"itemCode":',
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(broken.status).toBe(400);
    expect(broken.body.detail).toMatch(/JSON/);
  });

  it('unknown ids are 404, malformed ids 400', async () => {
    const unknown = randomUUID();
    for (const [method, path, body] of [
      ['POST', `/api/cases/${unknown}/accept`, undefined],
      ['POST', `/api/tasks/${unknown}.t1/claim`, undefined],
      ['POST', `/api/obligations/${unknown}.o1/callback`, { notes: '回访', verified: true }],
      ['GET', `/api/cases/${unknown}`, undefined],
      ['GET', `/api/cases/${unknown}/timeline`, undefined],
      ['GET', `/api/cases/${unknown}/history`, undefined],
      ['GET', '/api/catalog/items/NO-SUCH-ITEM', undefined],
    ] as const) {
      const user = path.startsWith('/api/tasks')
        ? 'approver1'
        : path.startsWith('/api/obligations')
          ? 'reviewer1'
          : 'clerk1';
      const res = await refused(() => w.as(user, method, path, body));
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    const malformed = await refused(() => w.as('clerk1', 'POST', '/api/cases/not%20an%20id/accept'));
    expect(malformed.status).toBe(400);
    const unknownItem = await refused(() =>
      w.as('clerk1', 'POST', '/api/cases', { ...good(), itemCode: 'NO-SUCH-ITEM' }),
    );
    expect([400, 404]).toContain(unknownItem.status);
  });

  it('the case engine’s own checks come back as field problems (a 容缺 deadline after the promised date)', async () => {
    const received = await w.ok('clerk1', '/api/cases', {
      ...good(),
      materials: good().materials.slice(0, 2),
    });
    const res = await refused(() =>
      w.as('clerk1', 'POST', `/api/cases/${received.caseId}/accept-with-deficiency`, {
        missing: [{ code: 'safety-rules' }],
        supplyBy: '2027-01-01',
        commitmentSigned: true,
      }),
    );
    expect(res.status).toBe(400);
    expect(pointers(res.body)).toContain('#/supplyBy');
  });

  it('GB 11643 / GB 32100: an ID number whose check digit is wrong is a 400 at its field', async () => {
    const resident = await refused(() =>
      w.as('clerk1', 'POST', '/api/cases', {
        ...good(),
        applicant: { ...APPLICANT, kind: 'natural-person', idType: 'resident-id', idNumber: '123' },
      }),
    );
    expect(resident.status).toBe(400);
    expect(pointers(resident.body)).toEqual(['#/applicant/idNumber']);
    const credit = await refused(() =>
      w.as('clerk1', 'POST', '/api/cases', {
        ...good(),
        applicant: { ...APPLICANT, idNumber: '91150102MA0000001X' },
      }),
    );
    expect(pointers(credit.body)).toEqual(['#/applicant/idNumber']);
    const agent = await refused(() =>
      w.as('clerk1', 'POST', '/api/cases', {
        ...good(),
        agent: { name: '李四', idType: 'resident-id', idNumber: '150102199001011234', phone: '13800000000' },
      }),
    );
    expect(pointers(agent.body)).toEqual(['#/agent/idNumber']);
  });

  it('a command the state does not allow is a 409 naming the state and the allowed commands', async () => {
    const res = await refused(() => w.as('clerk1', 'POST', `/api/cases/${caseId}/deliver`));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ type: '/problems/not-allowed-in-state', state: 'frontDesk.received' });
    expect(res.body.allowed).toEqual(expect.arrayContaining(['AcceptCase', 'RefuseCase']));
  });

  it('a replayed Idempotency-Key returns the first answer and writes nothing', async () => {
    const key = randomUUID();
    const first = await w.as('clerk1', 'POST', '/api/cases', good(), key);
    expect(first.status).toBe(201);
    const head = await server.store.headPosition();
    const again = await w.as('clerk1', 'POST', '/api/cases', good(), key);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({
      caseId: first.body.caseId,
      caseNumber: first.body.caseNumber,
      position: first.body.position,
      written: false,
      // The original answer's event list (Idempotency-Key draft §2.6), not an empty one.
      events: first.body.events,
    });
    const acceptKey = randomUUID();
    const accept = (user: 'clerk1' | 'clerk2') =>
      w.as(user, 'POST', `/api/cases/${first.body.caseId}/accept`, undefined, acceptKey);
    const accepted = await accept('clerk1');
    const afterAccept = await server.store.headPosition();
    const replayed = await accept('clerk1');
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({
      state: accepted.body.state,
      position: accepted.body.position,
      written: false,
    });
    expect(await server.store.headPosition()).toBe(afterAccept);
    expect(head).toBeLessThan(afterAccept!);
    // Another user's identical key is another command: keys are per user.
    const other = await accept('clerk2');
    expect(other.status).toBe(403);
  });

  it('a malformed Idempotency-Key is refused', async () => {
    const res = await refused(() =>
      call(server.base, 'POST', `/api/cases/${caseId}/withdraw`, {
        token: w.token('clerk1'),
        body: { reason: '申请人撤回' },
        headers: { 'idempotency-key': 'k'.repeat(200) },
      }),
    );
    expect(res.status).toBe(400);
    expect(pointers(res.body)).toEqual(['#/headers/idempotency-key']);
  });

  it('bad query parameters are 400 with the parameter named', async () => {
    for (const [path, pointer] of [
      ['/api/cases?minPosition=-1', '#/minPosition'],
      ['/api/cases?page=0', '#/page'],
      ['/api/cases?status=flying', '#/status'],
      ['/api/cases?sort=name', '#/sort'],
      [`/api/cases/${caseId}/history?at=yesterday`, '#/at'],
      ['/api/deadlines?warning=green', '#/warning'],
    ] as const) {
      const res = await refused(() =>
        w.as(path.startsWith('/api/deadlines') ? 'admin' : 'clerk1', 'GET', path),
      );
      expect({ path, status: res.status, pointers: pointers(res.body) }).toEqual({
        path,
        status: 400,
        pointers: [pointer],
      });
    }
    const stats = await refused(() => w.as('admin', 'GET', '/api/stats?from=2026-13-01&to=2026-12-31'));
    expect(pointers(stats.body)).toEqual(['#/from']);
  });
});
