/**
 * `npm run bench:commands [-- --json] [-- --seconds S] [-- --cases N] [-- --receipts R]`: the write path.
 * (a) in-process: the case engine's executor called directly on the embedded store at FULL,
 *     64 clerks looping receive + accept; (b) HTTP: the built server (`one-window serve`) on a
 *     fresh data dir, 1, 16 and 64 keep-alive clients (undici) looping receive + accept as clerk1,
 *     S seconds each (default 15); (c) a numbering day: R receipts (default 20,000) in one
 *     division, the last 1,000 against the first 1,000; (d) (a) on the EventStoreDB adapter over
 *     the wire fixture (in this process); (e) raw better-sqlite3 single-row FULL transactions/s,
 *     the disk's ceiling, and a one-core CPU probe at the start and the end; (f) projection lag while (a) runs with the read models following live (in the
 *     projection thread, as the server runs them);
 *     (h) the HTTP ceiling: the same client against bare Fastify in its own process, 1 and 64 clients;
 *     with (b) and (h), where the CPU went: the server, its main thread, the client, the machine;
 *     (g) N generated cases (default 100,000): the server's cold start on them (port, readiness,
 *     the longest /health/live wait) and an admin rebuild (events/s, the longest request wait).
 * Prints a table, or with --json exactly one JSON object {figures, settings}.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedEventStore } from '@one-window/event-store';
import { EsdbEventStore } from '../../libs/event-store/src/esdb/index.js';
import { openReadModelDatabase, ReadModels, ThreadedProjectionRunner } from '@one-window/read-models';
import { WorkingCalendar } from '@one-window/calendar';
import { EsdbFixtureServer } from '../esdb-fixture/index.js';
import { benchArgs, formatTable, round } from './bench-stats.js';
import { startBenchServer } from './bench-server.js';
import { login, prepareReceipt, runHttpLoad, send } from './http-load.js';
import { benchClock, benchExecutor, runClerks, runNumberingDay } from './in-process-load.js';
import { cpuMeter } from './cpu-meter.js';
import { openRawSqliteTarget } from './raw-sqlite-target.js';
import { generateLog, probe, waitForStatus } from './rebuild-probe.js';
import { Pool } from 'undici';

const { json, option, log } = benchArgs;
const SECONDS = option('seconds', 15);
const CASES = option('cases', 100_000);
const RECEIPTS = option('receipts', 20_000);
const CLERKS = option('clerks', 64);
/** `--only a,b,…` runs just those phases (for profiling one); the JSON then holds only their figures. */
const ONLY = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1].split(',')
  : null;
const phase = <T>(name: string, run: () => Promise<T>): Promise<T | undefined> =>
  ONLY === null || ONLY.includes(name) ? run() : Promise.resolve(undefined);

/** Microseconds of CPU per command from cores busy and commands per second. */
const usPer = (cores: number | null | undefined, perSecond: number | undefined): number | null =>
  cores === null || cores === undefined || !perSecond ? null : Math.round((cores / perSecond) * 1e6);

async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'one-window-bench-commands-'));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** (e) The disk's ceiling: one-row transactions at synchronous=FULL, one after another, for 2 s. */
function rawFsync(dir: string): number {
  const target = openRawSqliteTarget(dir, 'FULL');
  const events = [{ type: 't', data: { n: 1 }, metadata: {} }];
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 2000) void target.append('raw', n++, events);
  const ms = performance.now() - start;
  target.close();
  return (n * 1000) / ms;
}

async function inProcess(dir: string) {
  const store = await EmbeddedEventStore.open({ dataDir: dir, synchronous: 'FULL' });
  try {
    const executor = await benchExecutor(store, benchClock());
    // This process is the engine here: its main thread runs the clerks and the executor.
    const meter = cpuMeter(process.pid);
    const load = await runClerks(executor, { clerks: CLERKS, seconds: SECONDS, tag: 'in-process' });
    return { ...load, cpu: meter.stop() };
  } finally {
    await store.close();
  }
}

async function numberingDay(dir: string) {
  const store = await EmbeddedEventStore.open({ dataDir: dir, synchronous: 'FULL' });
  try {
    const clock = benchClock('2026-06-01T01:00:00Z');
    const executor = await benchExecutor(store, clock);
    // Warm the engine up on the day before, so the first 1,000 are not the JIT's.
    await runNumberingDay(executor, { receipts: 1000, clerks: 16, tag: 'warm-up' });
    clock.jump('2026-06-02T01:00:00Z');
    return await runNumberingDay(executor, { receipts: RECEIPTS, clerks: 16, tag: 'day' });
  } finally {
    await store.close();
  }
}

async function lagUnderLoad(dir: string) {
  const store = await EmbeddedEventStore.open({ dataDir: dir, synchronous: 'FULL' });
  const db = openReadModelDatabase({ dataDir: dir });
  const clock = benchClock();
  // As the server runs them: in the projection thread, fed by the store's commits (ADR 0009).
  const runner = await ThreadedProjectionRunner.start({ store, readModelsDir: dir });
  const readModels = new ReadModels({ store, db, calendar: WorkingCalendar.create(), clock, runner });
  try {
    const executor = await benchExecutor(store, clock);
    readModels.runner.start();
    const lags: number[] = [];
    const waits: Promise<void>[] = [];
    const meter = cpuMeter(process.pid);
    const load = await runClerks(executor, {
      clerks: CLERKS,
      seconds: SECONDS,
      tag: 'lag',
      onWritten: (position) => {
        const written = performance.now();
        waits.push(
          readModels.ready(position, 60_000).then(() => void lags.push(performance.now() - written)),
        );
      },
    });
    const cpu = meter.stop();
    await Promise.all(waits);
    await readModels.runner.stop();
    await readModels.runner.close();
    const { percentile } = await import('./bench-stats.js');
    return { load, cpu, p50: percentile(lags, 50), p99: percentile(lags, 99), max: Math.max(...lags) };
  } finally {
    if (db.open) db.close();
    await store.close();
  }
}

async function onEsdb() {
  const fixture = await EsdbFixtureServer.start();
  const store = await EsdbEventStore.connect(fixture.connectionString);
  try {
    const executor = await benchExecutor(store, benchClock());
    return await runClerks(executor, { clerks: CLERKS, seconds: SECONDS, tag: 'esdb' });
  } finally {
    await store.close();
    await fixture.stop();
  }
}

async function overHttp(clients: number) {
  const server = await startBenchServer();
  try {
    const { token, receipt } = await prepareReceipt(server.base);
    return await runHttpLoad(server.base, {
      clients,
      seconds: SECONDS,
      token,
      receipt,
      serverPid: server.pid,
    });
  } finally {
    await server.stop();
  }
}

/** (h) The ceiling: the same client against bare Fastify in its own process (http-ceiling-server). */
async function httpCeiling(clients: number) {
  const entry = fileURLToPath(new URL('./http-ceiling-server.js', import.meta.url));
  const child = spawn(process.execPath, [entry], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const match = /ceiling: (http:\/\/[^/\s]+)\//.exec(chunk.toString());
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`the ceiling server exited with ${code}`)));
    });
    return await runHttpLoad(base, {
      clients,
      seconds: SECONDS,
      token: 'ceiling',
      receipt: { n: 1 },
      serverPid: child.pid,
    });
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

async function rebuild(dir: string) {
  log(`  generating ${CASES.toLocaleString('en')} cases ...`);
  const events = await generateLog(dir, CASES);
  log(`  ${events.toLocaleString('en')} events; cold start of the server on them ...`);
  const started = performance.now();
  const server = await startBenchServer({ dataDir: dir });
  try {
    const portOpenMs = performance.now() - started;
    const coldProbe = probe(server.base);
    const readyMs = (await waitForStatus(server.base, '/health/ready', 200)) + portOpenMs;
    const cold = await coldProbe.stop();
    log('  admin rebuild ...');
    const token = await login(server.base, 'admin');
    const admin = new Pool(server.base, { connections: 1 });
    const rebuildProbe = probe(server.base);
    const startedRebuild = await send(admin, 'POST', '/api/admin/projections/rebuild', token, {});
    if (startedRebuild.status !== 202) throw new Error(`rebuild: ${startedRebuild.status}`);
    let state: { running: boolean; events: number | null; ms: number | null; error: string | null };
    do {
      // Once a second, as the console's read-model page polls while a rebuild runs (each poll
      // counts up to 1,000 events behind per projection: at 10 polls/s that was ~12% of the rebuild).
      await new Promise((resolve) => setTimeout(resolve, 1000));
      state = ((await send(admin, 'GET', '/api/admin/projections', token)).body as { rebuild: typeof state })
        .rebuild;
    } while (state.running);
    const during = await rebuildProbe.stop();
    await admin.close();
    if (state.error) throw new Error(`rebuild failed: ${state.error}`);
    return {
      events,
      portOpenMs,
      readyMs,
      coldStallMs: cold.maxMs,
      rebuildPerSecond: ((state.events ?? 0) * 1000) / (state.ms ?? Number.NaN),
      rebuildStallMs: during.maxMs,
    };
  } finally {
    await server.stop();
  }
}

/**
 * The CPU's ceiling in the same run: JSON.parse of a fixed 12 KB document per second on one core.
 * On the shared machine one core's speed swings by up to 2x within minutes; compare a run's
 * rates with its own probe (taken at the start and at the end of the run).
 */
function cpuProbe(): number {
  const text = JSON.stringify({
    rows: Array.from({ length: 200 }, (_, i) => ({ i, name: `名字${i}`, value: i * 1.5 })),
  });
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 1000) {
    JSON.parse(text);
    n++;
  }
  return (n * 1000) / (performance.now() - start);
}

async function main() {
  const cpuBefore = cpuProbe();
  log('(e) raw better-sqlite3, one-row FULL transactions ...');
  const raw = await phase('raw', () => inTempDir(async (dir) => rawFsync(dir)));
  log(`(a) in-process, ${CLERKS} clerks, ${SECONDS} s ...`);
  const local = await phase('in-process', () => inTempDir(inProcess));
  log(`(c) numbering day, ${RECEIPTS.toLocaleString('en')} receipts in one division ...`);
  const numbering = await phase('numbering', () => inTempDir(numberingDay));
  log(`(f) projection lag with the read models following live, ${SECONDS} s ...`);
  const lag = await phase('lag', () => inTempDir(lagUnderLoad));
  log(`(d) in-process on the EventStoreDB adapter over the wire fixture, ${SECONDS} s ...`);
  const esdb = await phase('esdb', onEsdb);
  const http: Partial<Record<number, Awaited<ReturnType<typeof overHttp>>>> = {};
  for (const clients of [1, 16, 64]) {
    log(`(b) HTTP, ${clients} client(s), ${SECONDS} s ...`);
    http[clients] = await phase(`http-${clients}`, () => overHttp(clients));
  }
  const ceiling: Partial<Record<number, Awaited<ReturnType<typeof httpCeiling>>>> = {};
  for (const clients of [1, 64]) {
    log(`(h) HTTP ceiling (bare Fastify, same client), ${clients} client(s), ${SECONDS} s ...`);
    ceiling[clients] = await phase(`ceiling-${clients}`, () => httpCeiling(clients));
  }
  log(`(g) cold start and rebuild on ${CASES.toLocaleString('en')} cases ...`);
  const rebuilt = await phase('rebuild', () => inTempDir(rebuild));
  const cpuAfter = cpuProbe();
  const r = (value: number | undefined, digits = 2): number | null =>
    value === undefined ? null : round(value, digits);
  const figures = {
    in_process_commands_per_s: r(local?.commandsPerSecond, 0),
    in_process_p99_ms: r(local?.p99Ms),
    // The engine's process in cores while its clerks ran: its main thread (clerks, executor),
    // the whole process (with the writer thread) and the machine.
    in_process_cpu_cores_main_thread: local?.cpu.serverMainThread ?? null,
    in_process_cpu_cores_process: local?.cpu.server ?? null,
    in_process_cpu_cores_machine: local?.cpu.machine ?? null,
    // CPU per command, which the shared host's run queue does not inflate as it does wall time.
    in_process_main_thread_cpu_us_per_command: usPer(local?.cpu.serverMainThread, local?.commandsPerSecond),
    http_commands_per_s_1: r(http[1]?.commandsPerSecond, 0),
    http_commands_per_s_16: r(http[16]?.commandsPerSecond, 0),
    http_commands_per_s_64: r(http[64]?.commandsPerSecond, 0),
    http_p50_ms_1: r(http[1]?.p50Ms),
    http_p50_ms_16: r(http[16]?.p50Ms),
    http_p50_ms_64: r(http[64]?.p50Ms),
    http_p99_ms_1: r(http[1]?.p99Ms),
    http_p99_ms_16: r(http[16]?.p99Ms),
    http_p99_ms_64: r(http[64]?.p99Ms),
    http_ceiling_requests_per_s_1: r(ceiling[1]?.commandsPerSecond, 0),
    http_ceiling_requests_per_s_64: r(ceiling[64]?.commandsPerSecond, 0),
    http_ceiling_p50_ms_1: r(ceiling[1]?.p50Ms),
    // Where the CPU went at 64 clients, in cores (cpu-meter.ts): the server's event loop at ~1.0
    // with the machine at its core count says the loop, not the disk or the client, bounds it.
    http_cpu_cores_server_64: http[64]?.cpu.server ?? null,
    http_cpu_cores_server_main_thread_64: http[64]?.cpu.serverMainThread ?? null,
    http_cpu_cores_client_64: http[64]?.cpu.client ?? null,
    http_cpu_cores_machine_64: http[64]?.cpu.machine ?? null,
    http_ceiling_cpu_cores_server_64: ceiling[64]?.cpu.server ?? null,
    http_server_main_thread_cpu_us_per_command_64: usPer(
      http[64]?.cpu.serverMainThread,
      http[64]?.commandsPerSecond,
    ),
    http_server_cpu_us_per_command_64: usPer(http[64]?.cpu.server, http[64]?.commandsPerSecond),
    http_client_cpu_us_per_command_64: usPer(http[64]?.cpu.client, http[64]?.commandsPerSecond),
    http_errors:
      [1, 16, 64].reduce((sum, c) => sum + (http[c]?.errors ?? 0), 0) +
      [1, 64].reduce((sum, c) => sum + (ceiling[c]?.errors ?? 0), 0),
    numbering_first_1000_per_s: r(numbering?.firstPerSecond, 0),
    numbering_last_1000_per_s: r(numbering?.lastPerSecond, 0),
    numbering_last_vs_first: r(numbering?.ratio, 3),
    numbering_last_case_number: numbering?.lastCaseNumber ?? null,
    esdb_in_process_commands_per_s: r(esdb?.commandsPerSecond, 0),
    lag_p50_ms: r(lag?.p50),
    lag_p99_ms: r(lag?.p99),
    lag_max_ms: r(lag?.max),
    lag_phase_commands_per_s: r(lag?.load.commandsPerSecond, 0),
    // The read-your-writes wait resolves on the main thread: at ~1.0 core there, the projection
    // thread's answer queues behind the clerks' work.
    lag_phase_cpu_cores_main_thread: lag?.cpu.serverMainThread ?? null,
    lag_phase_cpu_cores_process: lag?.cpu.server ?? null,
    lag_phase_cpu_cores_machine: lag?.cpu.machine ?? null,
    rebuild_events: rebuilt?.events ?? null,
    rebuild_events_per_s: r(rebuilt?.rebuildPerSecond, 0),
    max_request_stall_during_rebuild_ms: r(rebuilt?.rebuildStallMs),
    cold_start_port_open_ms: r(rebuilt?.portOpenMs, 0),
    cold_start_ready_ms: r(rebuilt?.readyMs, 0),
    max_request_stall_during_catch_up_ms: r(rebuilt?.coldStallMs),
    raw_fsync_tx_per_s: r(raw, 0),
    cpu_probe_json_parse_per_s_start: r(cpuBefore, 0),
    cpu_probe_json_parse_per_s_end: r(cpuAfter, 0),
  };
  return {
    figures,
    settings: {
      seconds_per_phase: SECONDS,
      clerks_in_process: CLERKS,
      http_client: 'undici Pool, keep-alive, one request per connection at a time',
      store: 'embedded, WAL, synchronous=FULL (server as `npm start` runs it)',
      numbering: `${RECEIPTS} receipts by 16 clerks after 1,000 warm-up receipts on the day before`,
      rebuild_cases: CASES,
      esdb: 'wire fixture (in-memory gRPC server) in the bench process',
      node: process.version,
    },
  };
}

const result = await main();
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  console.log(
    formatTable(
      ['figure', 'value'],
      Object.entries(result.figures).map(([k, v]) => [
        k,
        typeof v === 'number' ? v.toLocaleString('en') : String(v),
      ]),
    ),
  );
  console.log(`settings: ${JSON.stringify(result.settings)}`);
}
