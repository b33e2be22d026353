import { randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import { percentile } from './bench-stats.js';
import { cpuMeter, type CpuShares } from './cpu-meter.js';

export interface HttpLoadResult {
  readonly clients: number;
  readonly commands: number;
  readonly errors: number;
  readonly seconds: number;
  readonly commandsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Where the CPU went while the clients ran (cpu-meter.ts). */
  readonly cpu: CpuShares;
}

const FOOD_LICENCE = '11150102DEM000004X4DEM000000004';
const APPLICANT = {
  kind: 'legal-person',
  name: '呼和浩特市青城餐饮有限公司',
  idType: 'uscc',
  idNumber: '91150102MA00000017',
  phone: '0471-6600000',
};

interface Json {
  readonly status: number;
  readonly body: unknown;
}

export async function send(
  pool: Pool,
  method: 'GET' | 'POST',
  path: string,
  token?: string,
  body?: unknown,
): Promise<Json> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (method === 'POST') {
    headers['content-type'] = 'application/json';
    headers['idempotency-key'] = randomUUID();
  }
  const res = await pool.request({
    method,
    path,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.body.text();
  return { status: res.statusCode, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Signs a demo user in (password `demo-<name>`); returns the bearer token. */
export async function login(base: string, username: string): Promise<string> {
  const pool = new Pool(base, { connections: 1 });
  try {
    const res = await send(pool, 'POST', '/api/auth/login', undefined, {
      username,
      password: `demo-${username}`,
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { token: string }).token;
  } finally {
    await pool.close();
  }
}

/** Signs in and builds the receipt body of the demo food licence (every material the applicant brings). */
export async function prepareReceipt(base: string): Promise<{ token: string; receipt: unknown }> {
  const pool = new Pool(base, { connections: 1 });
  try {
    const login = await send(pool, 'POST', '/api/auth/login', undefined, {
      username: 'clerk1',
      password: 'demo-clerk1',
    });
    if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
    const token = (login.body as { token: string }).token;
    const guide = await send(pool, 'GET', `/api/catalog/items/${FOOD_LICENCE}`, token);
    if (guide.status !== 200) throw new Error(`guide: ${guide.status}`);
    const materials = (
      guide.body as { materials: { code: string; type: string; sourceChannel?: string }[] }
    ).materials
      .filter((m) => m.sourceChannel !== 'shared' && m.sourceChannel !== 'electronic-certificate')
      .map((m) => ({ code: m.code, form: m.type }));
    return {
      token,
      receipt: {
        itemCode: FOOD_LICENCE,
        applicant: APPLICANT,
        channel: 'window',
        materials,
        sharingAuthorized: true,
      },
    };
  } finally {
    await pool.close();
  }
}

/**
 * `clients` concurrent keep-alive connections, each looping receive (收件) + accept (受理) of the
 * demo food licence as clerk1 for `seconds`; every command's latency is recorded.
 */
export async function runHttpLoad(
  base: string,
  options: { clients: number; seconds: number; token: string; receipt: unknown; serverPid?: number },
): Promise<HttpLoadResult> {
  const pool = new Pool(base, { connections: options.clients, pipelining: 1, keepAliveTimeout: 60_000 });
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + options.seconds * 1000;
  const timed = async (method: 'POST', path: string, body: unknown): Promise<Json> => {
    const start = performance.now();
    const res = await send(pool, method, path, options.token, body);
    latencies.push(performance.now() - start);
    if (res.status >= 300) {
      errors++;
      if (errors <= 3) process.stderr.write(`  ${path}: ${res.status} ${JSON.stringify(res.body)}\n`);
    }
    return res;
  };
  const client = async (): Promise<void> => {
    while (performance.now() < until) {
      const received = await timed('POST', '/api/cases', options.receipt);
      const caseId = (received.body as { caseId?: string }).caseId;
      if (caseId) await timed('POST', `/api/cases/${caseId}/accept`, {});
    }
  };
  const start = performance.now();
  const meter = cpuMeter(options.serverPid);
  await Promise.all(Array.from({ length: options.clients }, client));
  const cpu = meter.stop();
  const ms = performance.now() - start;
  await pool.close();
  return {
    clients: options.clients,
    commands: latencies.length,
    errors,
    seconds: ms / 1000,
    commandsPerSecond: (latencies.length * 1000) / ms,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpu,
  };
}
