/**
 * `npm run bench:reads [-- --json] [-- --cases N] [-- --seconds S]`: every read route over HTTP at
 * 10k and 100k cases (or only N), as a new user reads them.
 * 1. Generates the case histories with the projection bench's generator (same settings: from
 *    2025-01-02 over 330 working days, seed 2026) into an embedded store, once: the data folder
 *    is kept under /tmp (one-window-bench-reads-<N>) and reused, read models included. The
 *    first server on it rebuilds the read models and its durable timers fire what is due; the
 *    bench waits until the log and the read models stand still.
 * 2. Serves it (`one-window serve`, the built server) and measures each route with 1 client
 *    (p50/p99) and 16 clients (requests/s, p99) for S seconds each (default 2).
 * 3. A clerk's own list, p99, while an administrator loads the case list and statistics in a loop.
 * 4. After each size's server stops, each route's read again in-process on the same file: CPU µs per
 *    call (reads-cpu.ts), which the shared host's run queue does not inflate.
 * Prints a table, or with --json exactly one JSON object {figures, settings}.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { WorkingCalendar } from '@one-window/calendar';
import { EmbeddedEventStore } from '@one-window/event-store';
import { demoGeneratorItems, generateCaseHistories } from '../../libs/read-models/src/testing/index.js';
import { startBenchServer } from './bench-server.js';
import { benchArgs, formatTable, percentile, round } from './bench-stats.js';
import { login } from './http-load.js';
import { cpuPerRead } from './reads-cpu.js';

const { json, option, log } = benchArgs;
const SIZES = option('cases', undefined) !== undefined ? [option('cases', 0)] : [10_000, 100_000];
const SECONDS = option('seconds', 2);
const CLIENTS = 16;
const SEED = 2026;
const label = (n: number): string => (n % 1000 === 0 ? `${n / 1000}k` : String(n));

/** The data folder of N generated cases, made once and kept between runs. */
async function dataFor(cases: number): Promise<string> {
  // `-decided`: the histories the decider decides (a folder of the hand-written ones is not reused).
  const dir = join(tmpdir(), `one-window-bench-reads-${cases}-s${SEED}-decided`);
  const marker = join(dir, 'generated.json');
  if (existsSync(marker)) {
    log(`reusing ${dir} (${readFileSync(marker, 'utf8').trim()})`);
    return dir;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`generating ${cases.toLocaleString('en')} cases into ${dir} (kept for the next runs) ...`);
  const start = performance.now();
  const store = await EmbeddedEventStore.open({ dataDir: dir, synchronous: 'NORMAL' });
  let events = 0;
  try {
    for (const generated of generateCaseHistories(cases, {
      items: await demoGeneratorItems(),
      calendar: WorkingCalendar.create(),
      startDate: '2025-01-02',
      spanWorkingDays: 330,
      seed: SEED,
    })) {
      await store.appendToStream(generated.streamName, generated.events, { expectedRevision: 'no_stream' });
      events += generated.events.length;
    }
  } finally {
    await store.close();
  }
  writeFileSync(marker, JSON.stringify({ cases, events, seed: SEED }));
  log(`  ${events.toLocaleString('en')} events in ${((performance.now() - start) / 1000).toFixed(0)} s`);
  return dir;
}

async function get(pool: Pool, path: string, token: string): Promise<{ status: number; body: unknown }> {
  const res = await pool.request({
    method: 'GET',
    path,
    headers: { accept: 'application/json', authorization: `Bearer ${token}` },
  });
  const text = await res.body.text();
  return { status: res.statusCode, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for /health/ready, then until the read models' checkpoints stop moving (timers done). */
async function settle(base: string): Promise<void> {
  const started = performance.now();
  for (;;) {
    const ready = await fetch(`${base}/health/ready`).catch(() => undefined);
    if (ready?.status === 200) break;
    await sleep(1000);
  }
  log(`  ready after ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const token = await login(base, 'admin');
  const pool = new Pool(base, { connections: 1 });
  let last = '';
  for (let still = 0; still < 3;) {
    const lag = await get(pool, '/api/admin/projections', token);
    const now = JSON.stringify((lag.body as { projections?: unknown }).projections ?? lag.body);
    still = now === last ? still + 1 : 0;
    last = now;
    await sleep(1000);
  }
  await pool.close();
  log(`  still after ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

interface Route {
  readonly name: string;
  readonly user: string;
  readonly path: string;
}

interface Measured {
  p50_ms: number;
  p99_ms: number;
  rps_16: number;
  p99_ms_16: number;
  errors: number;
  /** The route's read in-process on the same file: CPU µs per call (reads-cpu.ts). */
  cpu_us?: number;
}

async function loop(
  base: string,
  clients: number,
  seconds: number,
  request: () => { path: string; token: string },
): Promise<{ latencies: number[]; errors: number; ms: number }> {
  const pool = new Pool(base, { connections: clients, pipelining: 1, keepAliveTimeout: 60_000 });
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const { path, token } = request();
        const t = performance.now();
        const res = await get(pool, path, token);
        latencies.push(performance.now() - t);
        if (res.status !== 200 && errors++ < 2)
          process.stderr.write(`  ${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}\n`);
      }
    }),
  );
  const ms = performance.now() - start;
  await pool.close();
  return { latencies, errors, ms };
}

async function measure(base: string, route: Route, token: string): Promise<Measured> {
  await loop(base, 1, 0.3, () => ({ path: route.path, token }));
  const one = await loop(base, 1, SECONDS, () => ({ path: route.path, token }));
  const many = await loop(base, CLIENTS, SECONDS, () => ({ path: route.path, token }));
  return {
    p50_ms: round(percentile(one.latencies, 50)),
    p99_ms: round(percentile(one.latencies, 99)),
    rps_16: round((many.latencies.length * 1000) / many.ms, 1),
    p99_ms_16: round(percentile(many.latencies, 99)),
    errors: one.errors + many.errors,
  };
}

async function runSize(cases: number): Promise<{ routes: Record<string, Measured>; clerkUnderLoad: number }> {
  const dataDir = await dataFor(cases);
  const server = await startBenchServer({ dataDir, env: { EVENTSTORE_SYNCHRONOUS: 'NORMAL' } });
  let served: {
    routes: Record<string, Measured>;
    clerkUnderLoad: number;
    keys: Parameters<typeof cpuPerRead>[1];
  };
  try {
    await settle(server.base);
    const users = ['admin', 'clerk1', 'approver1', 'reviewer1'];
    const tokens = Object.fromEntries(
      await Promise.all(users.map(async (u) => [u, await login(server.base, u)])),
    );
    const pool = new Pool(server.base, { connections: 1 });
    const first = (await get(pool, '/api/cases?pageSize=1', tokens.admin)).body as {
      items: { caseId: string; caseNumber: string }[];
    };
    const { caseId, caseNumber } = first.items[0];
    const detail = (await get(pool, `/api/cases/${caseId}`, tokens.admin)).body as {
      applicant?: { idNumber?: string };
    };
    await pool.close();
    const idTail = (detail.applicant?.idNumber ?? '0000000000').slice(-6);
    const routes: Route[] = [
      { name: 'case_list_admin', user: 'admin', path: '/api/cases' },
      { name: 'case_list_admin_page_50', user: 'admin', path: '/api/cases?page=50&pageSize=20' },
      { name: 'case_list_clerk', user: 'clerk1', path: '/api/cases' },
      { name: 'list_by_status', user: 'admin', path: '/api/cases?status=backOffice.underReview' },
      {
        name: 'list_by_received_range',
        user: 'admin',
        path: '/api/cases?receivedFrom=2025-06-01&receivedTo=2025-06-30',
      },
      { name: 'search_applicant_name', user: 'admin', path: `/api/cases?q=${encodeURIComponent('王伟')}` },
      {
        name: 'search_case_number',
        user: 'admin',
        path: `/api/cases?q=${encodeURIComponent(caseNumber.slice(0, -2))}`,
      },
      { name: 'search_id_number', user: 'admin', path: `/api/cases?idNumber=${idTail}` },
      {
        name: 'statistics_month',
        user: 'admin',
        path: '/api/stats?from=2025-06-01&to=2025-06-30&groupBy=item',
      },
      {
        name: 'statistics_year',
        user: 'admin',
        path: '/api/stats?from=2025-01-01&to=2025-12-31&groupBy=department',
      },
      { name: 'deadline_board', user: 'admin', path: '/api/deadlines' },
      { name: 'task_queue', user: 'approver1', path: '/api/tasks' },
      { name: 'obligations', user: 'reviewer1', path: '/api/obligations' },
      { name: 'case_detail', user: 'admin', path: `/api/cases/${caseId}` },
    ];
    const measured: Record<string, Measured> = {};
    for (const route of routes) {
      measured[route.name] = await measure(server.base, route, tokens[route.user]);
      log(`  ${route.name}: ${JSON.stringify(measured[route.name])}`);
    }
    // The administrator loads the list and a year's statistics in a loop on 2 connections while
    // one clerk reads their own list.
    let n = 0;
    const admin = loop(server.base, 2, SECONDS * 2, () => ({
      path: n++ % 2 ? '/api/cases' : '/api/stats?from=2025-01-01&to=2025-12-31&groupBy=item',
      token: tokens.admin,
    }));
    const clerk = await loop(server.base, 1, SECONDS * 2, () => ({
      path: '/api/cases',
      token: tokens.clerk1,
    }));
    await admin;
    const clerkUnderLoad = round(percentile(clerk.latencies, 99));
    log(`  clerk list p99 under admin load: ${clerkUnderLoad} ms`);
    served = { routes: measured, clerkUnderLoad, keys: { caseId, caseNumber, idTail } };
  } finally {
    await server.stop();
  }
  // Each route's read again in this process, on the file just served: its CPU per call.
  const cpu = cpuPerRead(dataDir, served.keys);
  for (const [name, us] of Object.entries(cpu)) if (served.routes[name]) served.routes[name].cpu_us = us;
  log(`  CPU µs per read: ${JSON.stringify(cpu)}`);
  return { routes: served.routes, clerkUnderLoad: served.clerkUnderLoad };
}

async function main(): Promise<Record<string, unknown>> {
  const bySize: Record<string, Awaited<ReturnType<typeof runSize>>> = {};
  for (const cases of SIZES) {
    log(`${cases.toLocaleString('en')} cases`);
    bySize[label(cases)] = await runSize(cases);
  }
  const names = Object.keys(Object.values(bySize)[0].routes);
  const routes: Record<string, Record<string, unknown>> = {};
  for (const name of names) {
    routes[name] = Object.fromEntries(Object.entries(bySize).map(([size, r]) => [size, r.routes[name]]));
    if (bySize['10k'] && bySize['100k']) {
      const [small, big] = [bySize['10k'].routes[name], bySize['100k'].routes[name]];
      routes[name].growth_p50_10k_to_100k = round(big.p50_ms / small.p50_ms);
      if (small.cpu_us && big.cpu_us) routes[name].growth_cpu_10k_to_100k = round(big.cpu_us / small.cpu_us);
    }
  }
  const growths = (key: string) => names.map((n) => routes[n][key]).filter((g) => typeof g === 'number');
  const big = bySize['100k'] ?? Object.values(bySize).at(-1)!;
  const figures = {
    max_p99_ms_100k: bySize['100k'] ? Math.max(...names.map((n) => bySize['100k'].routes[n].p99_ms)) : null,
    max_growth_p50_10k_to_100k: growths('growth_p50_10k_to_100k').length
      ? Math.max(...growths('growth_p50_10k_to_100k'))
      : null,
    // A latency's growth on a shared host is mostly its run queue's; the CPU per read is not.
    max_growth_cpu_10k_to_100k: growths('growth_cpu_10k_to_100k').length
      ? Math.max(...growths('growth_cpu_10k_to_100k'))
      : null,
    max_cpu_us_100k: bySize['100k']
      ? Math.max(...names.map((n) => bySize['100k'].routes[n].cpu_us ?? 0))
      : null,
    clerk_list_p99_ms_under_admin_load: big.clerkUnderLoad,
    clerk_list_p99_ms_under_admin_load_by_size: Object.fromEntries(
      Object.entries(bySize).map(([size, r]) => [size, r.clerkUnderLoad]),
    ),
    routes,
  };
  return { figures, settings: { sizes: SIZES, secondsPerPhase: SECONDS, clients: CLIENTS, seed: SEED } };
}

main().then(
  (result) => {
    if (json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return;
    }
    const figures = result.figures as { routes: Record<string, Record<string, Measured>> };
    const sizes = SIZES.map(label);
    const header = ['route', ...sizes.flatMap((s) => [`p50 ${s}`, `p99 ${s}`, `rps16 ${s}`, `p99/16 ${s}`])];
    const rows = Object.entries(figures.routes).map(([name, r]) => [
      name,
      ...sizes.flatMap((s) => [r[s].p50_ms, r[s].p99_ms, r[s].rps_16, r[s].p99_ms_16].map(String)),
    ]);
    process.stdout.write(`${formatTable(header, rows)}\n`);
    const { routes: _routes, ...rest } = result.figures as Record<string, unknown>;
    process.stdout.write(`${JSON.stringify(rest, null, 2)}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
