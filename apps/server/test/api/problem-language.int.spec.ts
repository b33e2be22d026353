import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS, foodLicenceReceipt, APPLICANT } from '../support/api-world.js';
import { type Answer, call, login } from '../support/http.js';
import { chineseProblems } from '../support/chinese-text.js';
import { withRival } from '../support/rival-writer.js';
import { serveApi } from '../support/suites.js';
import { startTestServer } from '../support/test-server.js';

type Send = (language: Record<string, string>) => Promise<Answer>;

/** The answer with Accept-Language `*` (what a fetch sends when asked for nothing), zh-CN, and en. */
async function inEachLanguage(send: Send) {
  const [star, zh, en] = [
    await send({ 'accept-language': '*' }),
    await send({ 'accept-language': 'zh-CN,zh;q=0.9' }),
    await send({ 'accept-language': 'en-GB,en;q=0.9' }),
  ];
  return { star, zh, en };
}

/** The food licence's receipt sent by clerk1 (signed in for it) in each language, each under its own key. */
async function receiptInEachLanguage(base: string) {
  const token = await login(base, 'clerk1');
  return inEachLanguage((language) =>
    call(base, 'POST', '/api/cases', {
      token,
      body: foodLicenceReceipt(),
      headers: { ...language, 'idempotency-key': randomUUID() },
    }),
  );
}

/** Every refusal class: `detail` (and each field's) in Chinese by default and English on request, with `code` and `params`. */
function expectWorded(
  answers: { star: Answer; zh: Answer; en: Answer },
  status: number,
  code: string,
  params: Record<string, unknown> = {},
) {
  for (const answer of [answers.star, answers.zh, answers.en]) {
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ code, params: expect.objectContaining(params) });
  }
  for (const answer of [answers.star, answers.zh]) {
    const texts = [
      answer.body.title,
      answer.body.detail,
      ...(answer.body.errors ?? []).map((e: { detail: string }) => e.detail),
    ];
    expect(texts.flatMap(chineseProblems)).toEqual([]);
    expect(answer.headers.get('content-language')).toBe('zh-CN');
  }
  expect(answers.en.body.detail).toMatch(/[A-Za-z]{3,}/);
  expect(answers.en.body.title).toMatch(/^[ -~]+$/);
  expect(answers.en.headers.get('content-language')).toBe('en');
  // ADR 12's members stay: the Chinese beside whatever language was asked for.
  expect(answers.en.body.titleZh).toBe(answers.zh.body.title);
  expect(answers.en.body.detailZh).toBe(answers.zh.body.detail);
}

describe('problems in Chinese by default, in English when asked, with code and params (issue 11 item 1)', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { server, w } = serveApi({ clock });
  let paths: Record<string, string>;
  const path = (type: string, caseId: string) => paths[type].replace('{caseId}', caseId);
  const as = (user: string, method: string, to: string, body?: unknown): Send => {
    return async (language) =>
      call(server.base, method, to, {
        token: w.token(user as 'clerk1'),
        ...(body === undefined ? {} : { body }),
        headers: { ...language, ...(method === 'GET' ? {} : { 'idempotency-key': randomUUID() }) },
      });
  };

  beforeAll(async () => {
    const commands = (await call(server.base, 'GET', '/api/commands', { token: w.token('clerk1') })).body;
    paths = Object.fromEntries(commands.map((c: { type: string; path: string }) => [c.type, c.path]));
  });

  it('invalid input, field by field: a resident ID without its check digit, and blank fields', async () => {
    const badId = await inEachLanguage(
      as('clerk1', 'POST', '/api/cases', {
        ...foodLicenceReceipt(),
        applicant: { ...APPLICANT, kind: 'natural-person', idType: 'resident-id', idNumber: '123' },
      }),
    );
    expectWorded(badId, 400, 'invalid-input', { count: 1 });
    expect(badId.zh.body.errors).toEqual([
      expect.objectContaining({
        pointer: '#/applicant/idNumber',
        code: 'resident-id',
        detail: expect.stringContaining('申请人证件号码'),
      }),
    ]);
    const blank = await inEachLanguage(
      as('clerk1', 'POST', '/api/cases', { ...foodLicenceReceipt(), applicant: { ...APPLICANT, name: '' } }),
    );
    expectWorded(blank, 400, 'invalid-input');
    expect(blank.zh.body.errors).toEqual([
      expect.objectContaining({
        pointer: '#/applicant/name',
        code: 'required',
        detail: '申请人姓名/名称：不能为空',
      }),
    ]);
    expect(blank.en.body.errors[0].detail).toMatch(/name/);
  });

  it('not allowed in this state, naming the state and what may be done instead', async () => {
    const { caseId } = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    await w.ok('clerk1', path('AcceptCase', caseId));
    const again = await inEachLanguage(as('clerk1', 'POST', path('AcceptCase', caseId), {}));
    expectWorded(again, 409, 'not-allowed-in-state', { state: expect.stringMatching(/^backOffice\./) });
    expect(again.zh.body.detail).toMatch(/^办件当前为「/);
  });

  it('forbidden: another hall’s case, and a command outside the role', async () => {
    const { caseId } = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    expectWorded(
      await inEachLanguage(as('clerk2', 'POST', path('AcceptCase', caseId), {})),
      403,
      'forbidden.jurisdiction',
    );
    const role = await inEachLanguage(as('approver1', 'POST', '/api/cases', foodLicenceReceipt()));
    expectWorded(role, 403, 'forbidden.role', { roles: ['clerk'] });
    expect(role.zh.body.detail).toContain('综合窗口人员');
  });

  it('not found', async () => {
    expectWorded(
      await inEachLanguage(as('clerk1', 'POST', path('AcceptCase', randomUUID()), {})),
      404,
      'not-found.case',
    );
  });

  it('容缺 refusals: no commitment, a past date, a date after the promised one, a key material (field and state)', async () => {
    const { caseId } = await w.receive(DEMO_ITEMS.foodBusinessLicence, { leaveOut: ['safety-rules'] });
    const deficiency = (body: object) => as('clerk1', 'POST', path('AcceptWithDeficiency', caseId), body);
    const base = { missing: [{ code: 'safety-rules' }], supplyBy: '2026-03-06', commitmentSigned: true };
    const unsigned = await inEachLanguage(deficiency({ ...base, commitmentSigned: false }));
    expectWorded(unsigned, 400, 'invalid-input');
    expect(unsigned.zh.body.errors).toEqual([
      expect.objectContaining({ pointer: '#/commitmentSigned', code: 'commitment-required' }),
    ]);
    const past = await inEachLanguage(deficiency({ ...base, supplyBy: '2026-03-01' }));
    expectWorded(past, 400, 'invalid-input');
    expect(past.zh.body.errors).toEqual([
      expect.objectContaining({ pointer: '#/supplyBy', code: 'after-today' }),
    ]);
    const late = await inEachLanguage(deficiency({ ...base, supplyBy: '2026-03-31' }));
    expectWorded(late, 400, 'invalid-input');
    expect(late.zh.body.errors).toEqual([
      expect.objectContaining({
        pointer: '#/supplyBy',
        code: 'not-after-promised',
        params: { date: '2026-03-09' },
      }),
    ]);
    expect(late.zh.body.errors[0].detail).toBe('补齐期限：不能晚于承诺办结日 2026-03-09');
    const key = await inEachLanguage(
      deficiency({ ...base, missing: [{ code: 'safety-rules' }, { code: 'layout-and-process' }] }),
    );
    expectWorded(key, 400, 'invalid-input');
    expect(key.zh.body.errors).toContainEqual(
      expect.objectContaining({
        pointer: '#/missing/1/code',
        code: 'not-deferrable',
        detail: expect.stringContaining('主要设备设施布局及操作流程文件'),
      }),
    );
    const keyMissing = await w.receive(DEMO_ITEMS.foodBusinessLicence, { leaveOut: ['layout-and-process'] });
    const refused = await inEachLanguage(
      as('clerk1', 'POST', path('AcceptWithDeficiency', keyMissing.caseId), {
        ...base,
        missing: [{ code: 'layout-and-process' }],
      }),
    );
    expectWorded(refused, 409, 'not-allowed-in-state.not-deferrable', {
      codes: ['layout-and-process'],
      materials: ['主要设备设施布局及操作流程文件'],
    });
  });

  it('extension limits: 15 working days where the law allows 10', async () => {
    const accepted = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const answer = await w.ok('clerk1', path('AcceptCase', accepted.caseId));
    await w.claimCurrent('head1', accepted.caseId, answer);
    const extend = await inEachLanguage(
      as('head1', 'POST', path('ExtendTimeLimit', accepted.caseId), { days: 15, reason: '需现场核查' }),
    );
    expectWorded(extend, 400, 'invalid-input');
    expect(extend.zh.body.errors).toEqual([
      expect.objectContaining({
        pointer: '#/days',
        code: 'integer-range',
        params: expect.objectContaining({ max: expect.any(Number) }),
      }),
    ]);
    expect(extend.zh.body.errors[0].detail).toMatch(/^延长工作日：须为 1 至 \d+ 之间的整数$/);
  });

  it('a request key reused for an application with other contents: Chinese without a Latin word', async () => {
    const key = randomUUID();
    const receipt = (name: string): Send => {
      return async (language) =>
        call(server.base, 'POST', '/api/cases', {
          token: w.token('clerk1'),
          body: foodLicenceReceipt({ name }),
          headers: { ...language, 'idempotency-key': key },
        });
    };
    expect((await receipt('呼和浩特市青城餐饮有限公司')({})).status).toBe(201);
    const reused = await inEachLanguage(receipt('呼和浩特市青城食品有限公司'));
    expectWorded(reused, 422, 'idempotency-key-mismatch');
    for (const answer of [reused.star, reused.zh]) {
      expect(`${answer.body.title}${answer.body.detail}`).not.toMatch(/[A-Za-z]/);
    }
    expect(reused.zh.body.detail).toContain('该请求标识已用于另一份内容不同的提交');
  });

  it('a request with no Accept-Language at all is answered in Chinese', async () => {
    const url = new URL('/api/auth/login', server.base);
    const body = JSON.stringify({ username: 'admin', password: 'wrong' });
    const answer = await new Promise<{ status: number; body: unknown; language?: string }>(
      (resolve, reject) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
            res.on('end', () =>
              resolve({
                status: res.statusCode!,
                body: JSON.parse(text),
                language: res.headers['content-language'],
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
    expect(answer).toMatchObject({ status: 401, language: 'zh-CN', body: { detail: '用户名或密码错误。' } });
  });

  it('calendar not covered: a count in a year before the calendar’s first', async () => {
    clock.set('2003-05-06T02:00:00Z');
    try {
      const old = await receiptInEachLanguage(server.base);
      expectWorded(old, 409, 'calendar-not-covered', { year: 2003 });
      expect(old.zh.body.detail).toContain('2003 年');
    } finally {
      clock.set('2026-03-02T01:30:00Z');
    }
  });

  // Last: the wrong passwords leave this address limited.
  it('sign-in: a wrong password, then too many of them', async () => {
    const wrong = (language: Record<string, string>) =>
      call(server.base, 'POST', '/api/auth/login', {
        body: { username: 'reviewer1', password: 'nope' },
        headers: language,
      });
    expectWorded(await inEachLanguage(wrong), 401, 'unauthorized.wrong-password');
    let limited: Answer | undefined;
    for (let i = 0; i < 20 && !limited; i++) {
      const answer = await wrong({ 'accept-language': 'en' });
      if (answer.status === 429) limited = answer;
    }
    expect(limited).toBeDefined();
    expectWorded(await inEachLanguage(wrong), 429, 'too-many-attempts', { minutes: expect.any(Number) });
  });
});

describe('a concurrency conflict that outlived its retries, in both languages', () => {
  it('answers 409 concurrency-conflict worded from its code', async () => {
    const server = await startTestServer(
      {},
      { clock: new ManualClock('2026-03-02T01:30:00Z'), wrapStore: (store) => withRival(store, true).store },
    );
    try {
      expectWorded(await receiptInEachLanguage(server.base), 409, 'concurrency-conflict');
    } finally {
      await server.close();
    }
  });
});
