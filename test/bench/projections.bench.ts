/**
 * `npm run bench:projections [-- --json] [-- --cases N] [-- --seconds S]`: the read side under load.
 * 1. Generates a realistic history of N cases (default 100,000; ~13 events each) straight into a
 *    temporary embedded store — events in bulk, not through the decider, so it takes seconds.
 * 2. Rebuilds every read model from position zero: events/s, and the memory it takes (the log is
 *    read in pages, so memory follows the read models, not the log).
 * 3. Follows the log live while clerks send real commands (the case engine's executor, decide +
 *    append) for S seconds (default 15): projection lag = from a command's append to the moment
 *    every read model has applied it (read-your-writes), p50/p99/max.
 * Prints a table, or with --json exactly one JSON object {figures, settings}.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkingCalendar } from '@one-window/calendar';
import { EmbeddedEventStore } from '@one-window/event-store';
import { openReadModelDatabase, ReadModels } from '@one-window/read-models';
import type { Clock } from '@one-window/shared';
import {
  DEMO_ACTORS,
  demoGeneratorItems,
  generateCaseHistories,
} from '../../libs/read-models/src/testing/index.js';
import { benchArgs, formatTable, percentile, round } from './bench-stats.js';
import { benchExecutor, RECEIPT } from './in-process-load.js';

const { json, option, log } = benchArgs;
const CASES = option('cases', 100_000);
const LOAD_SECONDS = option('seconds', 15);
const CLERKS = option('clerks', 8);
const mb = (bytes: number): number => round(bytes / 1_048_576, 1);

/** Samples resident memory every 20 ms between start() and stop(). */
function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

async function main(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'one-window-bench-projections-'));
  const calendar = WorkingCalendar.create();
  // Appends at synchronous=NORMAL: the history is generated, not acknowledged to anyone.
  const store = await EmbeddedEventStore.open({ dataDir, synchronous: 'NORMAL' });
  const db = openReadModelDatabase({ dataDir });
  try {
    log(`generating ${CASES.toLocaleString('en')} cases into ${dataDir} ...`);
    const items = await demoGeneratorItems();
    let events = 0;
    const genStart = performance.now();
    for (const generated of generateCaseHistories(CASES, {
      items,
      calendar,
      startDate: '2025-01-02',
      spanWorkingDays: 330,
      seed: 2026,
    })) {
      await store.appendToStream(generated.streamName, generated.events, { expectedRevision: 'no_stream' });
      events += generated.events.length;
    }
    const genMs = performance.now() - genStart;
    log(`  ${events.toLocaleString('en')} events in ${(genMs / 1000).toFixed(1)} s`);

    // The clock of the live phase runs in mid-2026, inside the calendar's coverage.
    const origin = Date.now();
    const clock: Clock = { now: () => new Date(Date.parse('2026-06-01T01:30:00Z') + (Date.now() - origin)) };
    const readModels = new ReadModels({ store, db, calendar, clock });

    log('rebuilding every read model from position zero ...');
    const rssBefore = process.memoryUsage().rss;
    const sampler = rssSampler();
    // Memory at each quarter of the log: flat once the caches are warm means bounded by the read models, not the log.
    const quarters: number[] = [];
    const rebuild = await readModels.runner.rebuild({
      onProgress: (p) => {
        if (p.head && p.position !== null && p.position >= ((quarters.length + 1) / 4) * p.head)
          quarters.push(process.memoryUsage().rss);
      },
    });
    // The sampler cannot run while a batch holds the thread: the quarter readings count too.
    const rebuildPeak = Math.max(sampler.stop(), ...quarters);
    const rebuildPerSecond = (rebuild.events / rebuild.ms) * 1000;
    log(`  ${rebuild.events.toLocaleString('en')} events in ${(rebuild.ms / 1000).toFixed(1)} s`);

    log(`following live while ${CLERKS} clerks send commands for ${LOAD_SECONDS} s ...`);
    const executor = await benchExecutor(store, clock);
    readModels.runner.start();
    await readModels.ready((await store.headPosition())!, 60_000);
    const lags: number[] = [];
    let commands = 0;
    const until = performance.now() + LOAD_SECONDS * 1000;
    const loadSampler = rssSampler();
    const measured = async (send: () => Promise<{ position: number }>): Promise<void> => {
      const { position } = await send();
      const written = performance.now();
      await readModels.ready(position, 30_000);
      lags.push(performance.now() - written);
      commands++;
    };
    const clerk = async (k: number): Promise<void> => {
      for (let i = 0; performance.now() < until; i++) {
        const id = `bench-${k}-${i}`;
        let caseId = '';
        await measured(async () => {
          const received = await executor.execute(RECEIPT, {
            actor: DEMO_ACTORS.clerk,
            commandId: `${id}-receive`,
          });
          caseId = received.caseId;
          return received;
        });
        await measured(() =>
          executor.execute(
            { type: 'AcceptCase', caseId },
            { actor: DEMO_ACTORS.clerk, commandId: `${id}-accept` },
          ),
        );
        await measured(() =>
          executor.execute(
            { type: 'ClaimTask', taskId: `${caseId}.t1` },
            { actor: DEMO_ACTORS.approver, commandId: `${id}-claim` },
          ),
        );
      }
    };
    const loadStart = performance.now();
    await Promise.all(Array.from({ length: CLERKS }, (_, k) => clerk(k)));
    const loadMs = performance.now() - loadStart;
    const loadPeak = loadSampler.stop();
    await readModels.runner.stop();
    const lag = await readModels.runner.lag();

    const figures = {
      cases: CASES,
      events: rebuild.events,
      generate_events_per_s: round((events / genMs) * 1000, 0),
      rebuild_events_per_s: round(rebuildPerSecond, 0),
      rebuild_s: round(rebuild.ms / 1000, 1),
      commands_per_s: round((commands / loadMs) * 1000, 0),
      lag_p50_ms: round(percentile(lags, 50)),
      lag_p99_ms: round(percentile(lags, 99)),
      lag_max_ms: round(Math.max(...lags)),
      lag_events_behind_after: Math.max(...lag.projections.map((p) => p.eventsBehind)),
      rss_before_rebuild_mb: mb(rssBefore),
      rebuild_peak_rss_mb: mb(rebuildPeak),
      rebuild_rss_by_quarter_mb: quarters.map(mb),
      load_peak_rss_mb: mb(loadPeak),
      peak_rss_mb: mb(Math.max(process.resourceUsage().maxRSS * 1024, rebuildPeak, loadPeak)),
      read_models_mb: mb(statSync(join(dataDir, 'read-models.sqlite')).size),
      event_store_mb: mb(statSync(join(dataDir, 'events.sqlite')).size),
    };
    return {
      figures,
      settings: {
        batch_size: 5000,
        clerks: CLERKS,
        load_seconds: LOAD_SECONDS,
        store: 'embedded, WAL, synchronous=NORMAL',
        read_models: 'SQLite WAL, synchronous=NORMAL, one transaction per batch (rows + checkpoints)',
        projections: readModels.runner.projectionNames,
        node: process.version,
      },
    };
  } finally {
    if (db.open) db.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const result = await main();
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const f = result.figures as Record<string, number>;
  const row = (name: string, value: number, unit: string, target = ''): string[] => [
    name,
    value.toLocaleString('en'),
    unit,
    target,
  ];
  console.log(
    formatTable(
      ['figure', 'value', 'unit', 'target'],
      [
        row('cases', f.cases, 'cases', '≥ 100,000'),
        row('events', f.events, 'events'),
        row('generate + append', f.generate_events_per_s, 'events/s'),
        row('rebuild', f.rebuild_events_per_s, 'events/s', '≥ 50,000'),
        row('rebuild time', f.rebuild_s, 's'),
        row('command load', f.commands_per_s, 'commands/s'),
        row('projection lag p50', f.lag_p50_ms, 'ms'),
        row('projection lag p99', f.lag_p99_ms, 'ms'),
        row('projection lag max', f.lag_max_ms, 'ms'),
        row('RSS before rebuild', f.rss_before_rebuild_mb, 'MB'),
        row('RSS peak in rebuild', f.rebuild_peak_rss_mb, 'MB'),
        [
          'RSS at ¼ ½ ¾ 1 of rebuild',
          (result.figures as { rebuild_rss_by_quarter_mb: number[] }).rebuild_rss_by_quarter_mb.join(' / '),
          'MB',
          'flat',
        ],
        row('RSS peak under load', f.load_peak_rss_mb, 'MB'),
        row('RSS peak (process)', f.peak_rss_mb, 'MB'),
        row('read models on disk', f.read_models_mb, 'MB'),
        row('event store on disk', f.event_store_mb, 'MB'),
      ],
    ),
  );
  console.log(`settings: ${JSON.stringify(result.settings)}`);
}
