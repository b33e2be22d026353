import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS } from '../support/api-world.js';
import { call } from '../support/http.js';
import { serveApi } from '../support/suites.js';

/** 一事一评 by QR code over real HTTP (issue 13 item 5): a signed, expiring link, the desk's own rating command. */
describe('online rating by QR link', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { server, w } = serveApi({ clock });
  const post = (path: string, body: unknown) =>
    call(server.base, 'POST', path, { body, headers: { 'accept-language': 'zh-CN' } });
  const tokenOf = (url: string) => url.split('#/rate/')[1];

  async function acceptedCase() {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const accepted = await w.ok('clerk1', `/api/cases/${received.caseId}/accept`);
    return { caseId: received.caseId as string, accepted };
  }

  it('staff get the link and its QR code; the link hides the case id and leads to the rating', async () => {
    const { caseId, accepted } = await acceptedCase();
    const link = await w.read('clerk1', `/api/cases/${caseId}/rating-link`, accepted);
    expect(link.url).toMatch(new RegExp(`^${server.base}/applicant/#/rate/[A-Za-z0-9_-]{66}$`));
    expect(link.url).not.toContain(caseId);
    expect(link.validUntil).toBe('2026-05-31');
    expect(link.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox=/);
    const check = await post('/api/public/rating/check', { token: tokenOf(link.url) });
    expect(check.status).toBe(200);
    expect(check.body).toEqual({ item: expect.any(String), rated: false, validUntil: '2026-05-31' });
    // A clerk of another hall gets no link to this case.
    expect((await w.as('clerk2', 'GET', `/api/cases/${caseId}/rating-link`)).status).toBe(403);
  });

  it('two ratings by the same link at once give one rating; the other is refused as already rated, in Chinese', async () => {
    const { caseId, accepted } = await acceptedCase();
    const { url } = await w.read('clerk1', `/api/cases/${caseId}/rating-link`, accepted);
    const answers = await Promise.all(
      [1, 2].map((level) => post('/api/public/rating', { token: tokenOf(url), level })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(refused.body).toMatchObject({
      code: 'not-allowed-in-state.already-rated',
      detail: '本次服务已评价（一次一评、一事一评）。',
    });
    const detail = await w.read('clerk1', `/api/cases/${caseId}`);
    expect(detail.ratings).toHaveLength(1);
    expect(detail.ratings[0]).toMatchObject({ channel: 'qr-code', stage: 'overall' });
    const check = await post('/api/public/rating/check', { token: tokenOf(url) });
    expect(check.body.rated).toBe(true);
  });

  it('a bad rating opens the usual follow-up: callback within 48 hours, rectification within 15 days', async () => {
    const { caseId, accepted } = await acceptedCase();
    const { url } = await w.read('clerk1', `/api/cases/${caseId}/rating-link`, accepted);
    const rated = await post('/api/public/rating', {
      token: tokenOf(url),
      level: 5,
      comment: '等候时间太长',
    });
    expect(rated.status).toBe(201);
    expect(rated.body).toEqual({ rated: true, bad: true, followUp: true });
    const detail = await w.read('clerk1', `/api/cases/${caseId}`);
    const obligations = await w.read('reviewer1', `/api/obligations?status=open`);
    expect(obligations.items.map((o: { caseId: string }) => o.caseId)).toContain(caseId);
    expect(detail.ratings[0]).toMatchObject({ level: 5, bad: true, comment: '等候时间太长' });
  });

  it('refuses a changed token, garbage, a bad level, and a link past its last day', async () => {
    const { caseId, accepted } = await acceptedCase();
    const { url } = await w.read('clerk1', `/api/cases/${caseId}/rating-link`, accepted);
    const token = tokenOf(url);
    const changed = `${token.slice(0, 30)}${token[30] === 'A' ? 'B' : 'A'}${token.slice(31)}`;
    for (const bad of [changed, 'x', caseId]) {
      const res = await post('/api/public/rating', { token: bad, level: 1 });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({
        code: 'invalid-rating-link',
        detail: '评价链接无效或已过期，请向窗口索取新的评价二维码。',
      });
    }
    expect((await post('/api/public/rating', { token, level: 6 })).status).toBe(400);
    clock.advance(91 * 86_400_000);
    try {
      expect((await post('/api/public/rating/check', { token })).status).toBe(404);
    } finally {
      clock.advance(-91 * 86_400_000);
    }
  });

  it("takes level and comment from the desk's RateService: the same checks and the same OpenAPI schema", async () => {
    const doc = await call(server.base, 'GET', '/api/docs-json');
    const schema = doc.body.components.schemas.PublicRatingDto;
    expect(Object.keys(schema.properties)).toEqual(['token', 'level', 'comment']);
    expect(schema.required).toEqual(['token', 'level']);
    expect(schema.properties.token).toMatchObject({ type: 'string', minLength: 1, maxLength: 100 });
    expect(schema.properties.level).toMatchObject({ type: 'integer', minimum: 1, maximum: 5 });
    expect(schema.properties.comment).toEqual(doc.body.components.schemas.RateServiceDto.properties.comment);
    expect(schema.properties.level.description).toBe('1 非常满意 … 5 非常不满意; 4 and 5 are a bad rating (差评)');
    const errors = async (body: object) =>
      ((await post('/api/public/rating', body)).body.errors as { pointer: string; code: string }[]).map(
        (e) => `${e.pointer} ${e.code}`,
      );
    expect(await errors({ token: 'x', level: 1.5 })).toEqual(['#/level integer']);
    expect(await errors({ level: 1 })).toEqual(['#/token required']);
    // Every field wrong at once: the same problems in the same order as before.
    expect(await errors({ token: 7, level: 9, comment: 'x'.repeat(2001) })).toEqual([
      '#/level integer-range',
      '#/comment max-length',
      '#/token text',
    ]);
  });
});
