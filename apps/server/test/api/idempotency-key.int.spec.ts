import { randomUUID } from 'node:crypto';
import { ManualClock } from '@one-window/shared';
import { APPLICANT, foodLicenceReceipt } from '../support/api-world.js';
import { serveApi } from '../support/suites.js';

/**
 * The Idempotency-Key HTTP header field (IETF httpapi draft): a key is bound to the request it
 * was first sent with — method, path and body (§2.2, fingerprint) — and a reuse answers as the
 * draft says (§2.7), over real HTTP on a real store; a refused reuse writes nothing.
 */
describe('Idempotency-Key per the IETF draft, over real HTTP', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { server, w } = serveApi({ clock });
  const receipt = (name = APPLICANT.name) => foodLicenceReceipt({ name });

  it('§2.6: a faithful replay returns the original answer, its event list included, and writes nothing', async () => {
    const key = randomUUID();
    const first = await w.as('clerk1', 'POST', '/api/cases', receipt(), key);
    expect(first.status).toBe(201);
    expect(first.body.events).toContain('case.Received');
    const head = await server.store.headPosition();
    // The same request with its members in another order is the same request.
    const { applicant, ...rest } = receipt();
    const again = await w.as('clerk1', 'POST', '/api/cases', { applicant, ...rest }, key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ ...first.body, written: false });
    expect(await server.store.headPosition()).toBe(head);
  });

  it('§2.7: a key reused for a receipt with another body answers 422 idempotency-key-mismatch', async () => {
    const key = randomUUID();
    const first = await w.as('clerk1', 'POST', '/api/cases', receipt('王伟'), key);
    expect(first.status).toBe(201);
    const head = await server.store.headPosition();
    const other = await w.as('clerk1', 'POST', '/api/cases', receipt('李娜'), key);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({
      type: '/problems/idempotency-key-mismatch',
      status: 422,
      titleZh: expect.stringContaining('请求标识'),
      detailZh: expect.stringContaining('请求标识'),
    });
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await server.store.headPosition()).toBe(head);
  });

  it('§2.7: the key of an accept sent with a withdrawal of the same case is refused, not dropped as written:false', async () => {
    const { caseId } = await w.ok('clerk1', '/api/cases', receipt());
    const key = randomUUID();
    const accepted = await w.as('clerk1', 'POST', `/api/cases/${caseId}/accept`, {}, key);
    expect(accepted.status).toBe(200);
    const head = await server.store.headPosition();
    const withdraw = await w.as(
      'clerk1',
      'POST',
      `/api/cases/${caseId}/withdraw`,
      { reason: '申请人撤回' },
      key,
    );
    expect(withdraw.status).toBe(422);
    expect(withdraw.body.type).toBe('/problems/idempotency-key-mismatch');
    expect(await server.store.headPosition()).toBe(head);
  });

  it('§2.7: a key reused on another case is refused too', async () => {
    const a = await w.ok('clerk1', '/api/cases', receipt());
    const b = await w.ok('clerk1', '/api/cases', receipt());
    const key = randomUUID();
    expect((await w.as('clerk1', 'POST', `/api/cases/${a.caseId}/accept`, {}, key)).status).toBe(200);
    const head = await server.store.headPosition();
    const reused = await w.as('clerk1', 'POST', `/api/cases/${b.caseId}/accept`, {}, key);
    expect(reused.status).toBe(422);
    expect(await server.store.headPosition()).toBe(head);
  });

  it('§2.7: a second request with a key whose first is still in flight answers 409 idempotency-key-in-flight', async () => {
    const key = randomUUID();
    const body = receipt();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => w.as('clerk1', 'POST', '/api/cases', body, key)),
    );
    const statuses = answers.map((a) => a.status);
    // Exactly one receipt is written; every other answer is its replay or the in-flight refusal.
    expect(answers.filter((a) => a.status === 201 && a.body.written)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    for (const refusal of answers.filter((a) => a.status === 409)) {
      expect(refusal.body).toMatchObject({ type: '/problems/idempotency-key-in-flight', status: 409 });
      expect(refusal.headers.get('retry-after')).toBe('1');
    }
    const caseIds = new Set(answers.filter((a) => a.status === 201).map((a) => String(a.body.caseId)));
    expect(caseIds.size).toBe(1);
  });
});
