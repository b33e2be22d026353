import { ManualClock } from '@one-window/shared';
import { call } from '../../test/support/http.js';
import { ApiWorld, DEMO_ITEMS, foodLicenceReceipt } from '../../test/support/api-world.js';
import { type TestServer, startTestServer } from '../../test/support/test-server.js';

const TOKEN = 'metrics-scrape-token-0123456789abcdef';

async function scrape(
  base: string,
  token = TOKEN,
): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

/** The value of one sample line, e.g. `name{a="b"} 3`. */
function sample(text: string, name: string, labels: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('GET /metrics over real HTTP', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ metricsToken: TOKEN });
  });
  afterAll(async () => server.close());

  it('answers Prometheus text to the scrape token only; a wrong token is a 401 problem', async () => {
    const wrong = await scrape(server.base, 'x'.repeat(40));
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.text)).toMatchObject({ type: '/problems/unauthorized', titleZh: '未登录' });
    const none = await fetch(`${server.base}/metrics`);
    expect(none.status).toBe(401);
    const ok = await scrape(server.base);
    expect(ok.status).toBe(200);
    expect(ok.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(ok.text).toContain('# TYPE one_window_http_requests_total counter');
  });

  it('counts requests by route and status, commands by type and outcome, times appends, and shows projection lag and state', async () => {
    const world = await ApiWorld.signIn(server.base);
    const received = await world.ok('clerk1', '/api/cases', foodLicenceReceipt());
    await world.read('clerk1', `/api/cases/${String(received.caseId)}`, received);
    const refused = await world.as('clerk1', 'POST', '/api/cases', { itemCode: 'no-such-item' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    await fetch(`${server.base}/api/cases/%zz`);

    const { text } = await scrape(server.base);
    expect(sample(text, 'one_window_http_requests_total', 'route="/api/cases/:caseId",status="200"')).toBe(1);
    expect(
      sample(text, 'one_window_http_request_duration_seconds_count', 'route="/api/auth/login",status="200"'),
    ).toBe(8);
    const receive = /one_window_commands_total\{type="([^"]+)",outcome="accepted"\} 1/.exec(text);
    expect(receive).not.toBeNull();
    expect(sample(text, 'one_window_commands_total', `type="${receive![1]}",outcome="refused"`)).toBe(1);
    expect(sample(text, 'one_window_command_duration_seconds_count', `type="${receive![1]}"`)).toBe(2);
    expect(
      sample(text, 'one_window_event_store_append_duration_seconds_count', 'result="written"'),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/one_window_projection_lag_events\{projection="[^"]+"\} \d+/);
    expect(text).toMatch(/one_window_projection_lag_seconds\{projection="[^"]+"\} [\d.]+/);
    expect(sample(text, 'one_window_projection_runner_state', 'state="live"')).toBe(1);
    expect(text).toMatch(/one_window_event_store_head_position \d+/);
    expect(text).toContain('one_window_process_cpu_seconds_total');
  });
});

/** Every sample of one metric, summed over its labels, or only those whose labels include `labels`. */
function total(text: string, name: string, labels = ''): number {
  return text
    .split('\n')
    .filter((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && l.includes(labels))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

describe("the hall's gauges over real HTTP: tasks, deadlines, obligations, sign-in failures, group commits", () => {
  // Monday 2 March 2026, 09:30 in Hohhot.
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ metricsToken: TOKEN, tokenTtlSeconds: 30 * 24 * 3600 }, { clock });
  });
  afterAll(async () => server.close());

  it('reads open tasks, near-due and overdue cases and open obligations by department from the read models', async () => {
    const world = await ApiWorld.signIn(server.base);
    const before = await scrape(server.base);
    expect(before.text).toContain('# TYPE one_window_open_tasks gauge');
    expect(total(before.text, 'one_window_open_tasks')).toBe(0);

    const received = await world.receive(DEMO_ITEMS.foodBusinessLicence);
    const accepted = await world.ok('clerk1', `/api/cases/${String(received.caseId)}/accept`);
    const rated = await world.ok('clerk1', `/api/cases/${String(received.caseId)}/rate`, {
      level: 5,
      channel: 'window-device',
      stage: 'front-desk',
      comment: '等候时间太长',
    });
    const summary = await world.read('clerk1', `/api/cases/${String(received.caseId)}`, rated);
    expect(summary).toMatchObject({ statutoryDueDate: '2026-03-16', promisedDueDate: '2026-03-09' });
    const department = String(summary.department);
    void accepted;

    const monday = (await scrape(server.base)).text;
    expect(total(monday, 'one_window_open_tasks')).toBe(1);
    expect(total(monday, 'one_window_open_rating_obligations', `department="${department}"`)).toBe(1);
    // Due 9 March: five working days left is no warning yet (yellow within 3).
    expect(total(monday, 'one_window_cases_warning')).toBe(0);

    clock.set('2026-03-05T01:30:00Z');
    const thursday = (await scrape(server.base)).text;
    expect(total(thursday, 'one_window_cases_warning', `department="${department}",warning="yellow"`)).toBe(
      1,
    );
    expect(total(thursday, 'one_window_cases_warning', `department="${department}",warning="red"`)).toBe(0);

    clock.set('2026-03-10T01:30:00Z');
    const overdue = (await scrape(server.base)).text;
    expect(total(overdue, 'one_window_cases_warning', `department="${department}",warning="yellow"`)).toBe(0);
    expect(total(overdue, 'one_window_cases_warning', `department="${department}",warning="red"`)).toBe(1);
    expect(total(overdue, 'one_window_open_tasks')).toBe(1);
  });

  it('counts failed sign-ins by reason, never by username', async () => {
    const wrong = (username: string) =>
      call(server.base, 'POST', '/api/auth/login', { body: { username, password: 'not the password' } });
    expect((await wrong('no-such-user-x')).status).toBe(401);
    // Five free failures for one username and address, then the backoff (the clock stands still).
    for (let i = 0; i < 5; i++) expect((await wrong('approver2')).status).toBe(401);
    expect((await wrong('approver2')).status).toBe(429);

    const { text } = await scrape(server.base);
    expect(sample(text, 'one_window_sign_in_failures_total', 'reason="wrong-credentials"')).toBe(6);
    expect(sample(text, 'one_window_sign_in_failures_total', 'reason="throttled-user"')).toBe(1);
    const lines = text.split('\n').filter((l) => l.startsWith('one_window_sign_in_failures_total'));
    expect(lines.join('\n')).not.toMatch(/approver2|no-such-user/);
  });

  it('observes the size of each group commit: appends sent in one tick share one transaction', async () => {
    const name = 'one_window_event_store_commit_group_size';
    const before = (await scrape(server.base)).text;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        server.store.appendToStream(`probe-${i}`, [{ type: 't.Probe', data: { i } }]),
      ),
    );
    const after = (await scrape(server.base)).text;
    expect(after).toContain(`# TYPE ${name} histogram`);
    const groups = total(after, `${name}_count`) - total(before, `${name}_count`);
    const appends = total(after, `${name}_sum`) - total(before, `${name}_sum`);
    expect(appends).toBeGreaterThanOrEqual(20);
    expect(groups).toBeGreaterThanOrEqual(1);
    expect(groups).toBeLessThan(20);
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  it('is off: a 404 problem', async () => {
    const server = await startTestServer();
    try {
      const res = await fetch(`${server.base}/metrics`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ type: '/problems/not-found', titleZh: '未找到' });
    } finally {
      await server.close();
    }
  });
});
