/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- API answers are inspected field by field */
import { HTTP_COMMANDS, commandPath } from '@one-window/case';
import { ManualClock } from '@one-window/shared';
import { call } from '../support/http.js';
import { DEMO_ITEMS } from '../support/api-world.js';
import { serveApi } from '../support/suites.js';

const pointers = (body: { errors?: { pointer: string }[] }): string[] =>
  (body.errors ?? []).map((e) => e.pointer).sort();

/**
 * The limits the two DTO trees disagreed on, agreed in ADR 0010 and held by the one schema per
 * command: a registered name of 200 characters, an opinion of 4,000, up to 50 denial reasons,
 * a review authority of 300. Each at its limit goes through; one past it is a 400 naming the field.
 */
describe('agreed field limits over real HTTP', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { server, w } = serveApi({ clock, config: { bodyLimitBytes: 1024 * 1024 } });

  const receive = async (name: string) =>
    w.as(
      'clerk1',
      'POST',
      '/api/cases',
      await w.receipt(DEMO_ITEMS.individualBusinessRegistration, { applicant: { name } }),
    );

  /** A case at its one step, claimed by approver1 (who decides it). */
  async function atDecision(): Promise<{ caseId: string; taskId: string }> {
    const received = await receive('呼和浩特市青城餐饮有限公司');
    const accepted = await w.ok('clerk1', `/api/cases/${received.body.caseId}/accept`);
    const { taskId } = await w.claimCurrent('approver1', received.body.caseId, accepted);
    return { caseId: received.body.caseId, taskId };
  }

  it('a registered name: 200 characters are taken, 201 are not', async () => {
    expect((await receive('名'.repeat(200))).status).toBe(201);
    const long = await receive('名'.repeat(201));
    expect(long.status).toBe(400);
    expect(pointers(long.body)).toEqual(['#/applicant/name']);
  });

  it('an opinion: 4,000 characters are taken, 4,001 are not', async () => {
    const { caseId } = await atDecision();
    const long = await w.as('approver1', 'POST', `/api/cases/${caseId}/approve`, {
      opinion: '意'.repeat(4001),
    });
    expect(long.status).toBe(400);
    expect(pointers(long.body)).toEqual(['#/opinion']);
    const approved = await w.as('approver1', 'POST', `/api/cases/${caseId}/approve`, {
      opinion: '意'.repeat(4000),
    });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('delivery.awaitingResult');
  });

  it('a denial: 50 reasons and a review authority of 300 characters are taken, 51 and 301 are not', async () => {
    const { caseId } = await atDecision();
    const remedies = { reviewAuthority: '政'.repeat(300), court: '呼和浩特市新城区人民法院' };
    const reasons = Array.from({ length: 50 }, (_, i) => `理由${i + 1}`);
    const tooMany = await w.as('approver1', 'POST', `/api/cases/${caseId}/deny`, {
      reasons: [...reasons, '理由51'],
      remedies,
    });
    expect(tooMany.status).toBe(400);
    expect(pointers(tooMany.body)).toEqual(['#/reasons']);
    const longAuthority = await w.as('approver1', 'POST', `/api/cases/${caseId}/deny`, {
      reasons,
      remedies: { ...remedies, reviewAuthority: '政'.repeat(301) },
    });
    expect(longAuthority.status).toBe(400);
    expect(pointers(longAuthority.body)).toEqual(['#/remedies/reviewAuthority']);
    const denied = await w.as('approver1', 'POST', `/api/cases/${caseId}/deny`, { reasons, remedies });
    expect(denied.status).toBe(200);
    expect(denied.body.events).toEqual(['case.Denied']);
  });

  it('describes every command, its limits included, for the console and the OpenAPI document alike', async () => {
    const listed = await call(server.base, 'GET', '/api/commands');
    expect(listed.status).toBe(200);
    expect(listed.body.map((c: any) => c.type)).toEqual(HTTP_COMMANDS.map((d) => d.type));
    const deny = listed.body.find((c: any) => c.type === 'DenyCase');
    expect(deny).toMatchObject({ path: '/api/cases/{caseId}/deny', labels: { zh: '不予许可', en: 'Deny' } });
    expect(deny.fields).toEqual([
      expect.objectContaining({ name: 'reasons', kind: 'text-list', maxItems: 50, maxLength: 2000 }),
      expect.objectContaining({
        name: 'remedies',
        kind: 'object',
        fields: [
          expect.objectContaining({ name: 'reviewAuthority', maxLength: 300 }),
          expect.objectContaining({ name: 'court', maxLength: 300 }),
        ],
      }),
    ]);
    const doc = await call(server.base, 'GET', '/api/docs-json');
    for (const definition of HTTP_COMMANDS) {
      expect(doc.body.paths[commandPath(definition)]?.post?.summary).toBe(definition.summary);
    }
    expect(doc.body.components.schemas.OpinionDto.properties.opinion.maxLength).toBe(4000);
    const statuses = await call(server.base, 'GET', '/api/case-statuses');
    expect(statuses.body).toContainEqual(
      expect.objectContaining({
        status: 'backOffice.underReview',
        stage: 'backOffice',
        labels: { zh: '审批中', en: 'In review' },
      }),
    );
  });
});
