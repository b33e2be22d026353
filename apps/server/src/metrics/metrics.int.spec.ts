import { ApiWorld, foodLicenceReceipt } from '../../test/support/api-world.js';
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
