import { ManualClock } from '@one-window/shared';
import { APPLICANT, DEMO_ITEMS } from '../support/api-world.js';
import { call } from '../support/http.js';
import { serveApi } from '../support/suites.js';

/** The applicant's progress lookup over real HTTP, without signing in (issue 13 item 4). */
describe('public progress lookup', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { server, w } = serveApi({ clock });
  const lookUp = (caseNumber: string, code: string, lang = 'zh-CN') =>
    call(server.base, 'POST', '/api/public/progress', {
      body: { caseNumber, code },
      headers: { 'accept-language': lang },
    });

  it('with the query code staff see on the case: the stage in words, China dates, the notices, nothing else', async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const accepted = await w.ok('clerk1', `/api/cases/${received.caseId}/accept`);
    const detail = await w.read('clerk1', `/api/cases/${received.caseId}`, accepted);
    expect(detail.queryCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    const res = await lookUp(received.caseNumber, detail.queryCode.toLowerCase());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      caseNumber: received.caseNumber,
      item: detail.itemName,
      receivedOn: '2026-03-02',
      status: 'backOffice.underReview',
      stage: { zh: '审批中', en: 'In review' },
      dueDates: { promised: detail.promisedDueDate, statutory: detail.statutoryDueDate },
      notices: [
        { kind: 'acceptance', number: `${received.caseNumber}-A`, issuedOn: '2026-03-02', printable: true },
      ],
      asked: { correction: null, deficiency: null },
    });
    // No id, name, ID number or phone of the applicant; no staff names.
    const text = JSON.stringify(res.body);
    for (const secret of [
      received.caseId,
      APPLICANT.name,
      APPLICANT.idNumber,
      APPLICANT.phone,
      detail.queryCode,
    ])
      expect(text).not.toContain(secret);
  });

  it('a wrong code and an unknown case number answer alike: same status, same body, similar time', async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    await w.ok('clerk1', `/api/cases/${received.caseId}/accept`);
    const timed = async (caseNumber: string) => {
      const started = performance.now();
      const res = await lookUp(caseNumber, 'ZZZZZZ');
      return { res, ms: performance.now() - started };
    };
    const wrong = await timed(received.caseNumber);
    const unknown = await timed('150102-20260302-0999');
    const malformed = await timed('no-such-number');
    for (const { res } of [wrong, unknown, malformed]) {
      expect(res.status).toBe(404);
      const { requestId: _id, instance: _instance, ...body } = res.body;
      expect(body).toEqual({
        ...body,
        code: 'not-found.progress',
        detail: '未找到与该办件编号和查询码相符的办件，请核对后重试。',
      });
    }
    const strip = (b: Record<string, unknown>) => {
      const { requestId: _id, instance: _instance, ...rest } = b;
      return rest;
    };
    expect(strip(wrong.res.body)).toEqual(strip(unknown.res.body));
    expect(strip(malformed.res.body)).toEqual(strip(unknown.res.body));
    // Every answer takes at least the floor, so the fold of a real case does not stand out.
    for (const { ms } of [wrong, unknown, malformed]) expect(ms).toBeGreaterThanOrEqual(140);
  });

  it('a case not yet accepted is followed with the last six characters of the applicant’s ID number, and shows what is asked', async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence, { leaveOut: ['safety-rules'] });
    const asked = await w.ok('clerk1', `/api/cases/${received.caseId}/request-correction`, {
      items: [{ code: 'safety-rules', problem: '缺少食品安全管理制度' }],
    });
    expect(asked.state).toBe('frontDesk.correctionRequested');
    const res = await lookUp(received.caseNumber, APPLICANT.idNumber.slice(-6).toLowerCase());
    expect(res.status).toBe(200);
    expect(res.body.stage.zh).toBe('已一次性告知，待补正');
    expect(res.body.notices).toEqual([
      { kind: 'correction', number: `${received.caseNumber}-B`, issuedOn: '2026-03-02', printable: true },
    ]);
    expect(res.body.asked.correction).toEqual({
      correctBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      items: [{ material: expect.any(String), problem: '缺少食品安全管理制度' }],
    });
    expect(res.body.asked.correction.items[0].material).not.toBe('safety-rules');
  });

  it('opens a listed notice, to print or save, as the case stored it; a wrong code or another number opens nothing', async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const accepted = await w.ok('clerk1', `/api/cases/${received.caseId}/accept`);
    const detail = await w.read('clerk1', `/api/cases/${received.caseId}`, accepted);
    const number = `${received.caseNumber}-A`;
    const open = (body: Record<string, string>) =>
      call(server.base, 'POST', '/api/public/progress/notice', {
        body: { caseNumber: received.caseNumber, code: detail.queryCode, number, ...body },
        headers: { 'accept-language': 'zh-CN' },
      });
    const staff = await w.read('clerk1', `/api/cases/${received.caseId}/notices/${number}`);
    const notice = await open({});
    expect(notice.status).toBe(200);
    expect(notice.body).toEqual({
      kind: 'acceptance',
      number,
      sha256: staff.sha256,
      intact: true,
      content: staff.content,
    });
    expect(notice.body.content).toMatchObject({ caseNumber: received.caseNumber, kind: 'acceptance' });
    // The receipt (收件回执) was issued too: any notice of the case opens with its number.
    expect((await open({ number: `${received.caseNumber}-J` })).body.kind).toBe('receipt');

    const wrongCode = await open({ code: 'ZZZZZZ' });
    const unknownCase = await open({ caseNumber: '150102-20260302-9999' });
    expect([wrongCode.status, unknownCase.status]).toEqual([404, 404]);
    expect(wrongCode.body.code).toBe('not-found.progress');
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined, instance: undefined });
    expect(strip(wrongCode.body)).toEqual(strip(unknownCase.body));
    const other = await open({ number: `${received.caseNumber}-R` });
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({
      code: 'not-found.notice',
      params: { number: `${received.caseNumber}-R` },
    });
    expect(other.body.detail).toMatch(/\p{Script=Han}/u);
  });

  it('once a case has a query code, the ID number no longer opens it', async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    await w.ok('clerk1', `/api/cases/${received.caseId}/accept`);
    expect((await lookUp(received.caseNumber, APPLICANT.idNumber.slice(-6))).status).toBe(404);
  });

  it('guessing codes for one number is slowed down from this address: the sixth miss in a row is 429 with Retry-After', async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    await w.ok('clerk1', `/api/cases/${received.caseId}/accept`);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await lookUp(received.caseNumber, `AAAAA${i + 2}`)).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
    const blocked = await lookUp(received.caseNumber, 'AAAAAA');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body).toMatchObject({ code: 'too-many-attempts.public' });
    expect(blocked.body.detail).toMatch(/^操作过于频繁，请 \d+ 分钟后再试。$/);
  });
});
