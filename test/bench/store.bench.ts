/**
 * `npm run bench:store [-- --json]`: the same workload through a raw better-sqlite3 loop (the
 * ceiling), the embedded event store and emmett-sqlite (the peer), in one process, all at
 * synchronous=FULL, taking turns so that machine noise falls on all alike. Prints a table, or with
 * --json exactly one JSON object {figures, ratios}.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore } from '@one-window/event-store';
import { benchArgs, formatTable, round } from './bench-stats.js';
import { openEmmettTarget } from './emmett-target.js';
import { openRawSqliteTarget } from './raw-sqlite-target.js';
import { extraStoreSubjects } from './store-bench-extras.js';
import {
  DEFAULT_WORKLOAD,
  eventStoreSubject,
  runInterleaved,
  type BenchSubject,
  type StoreFigures,
  type StoreTarget,
} from './store-workload.js';

const { json } = benchArgs;

const raw: BenchSubject = {
  name: 'raw_sqlite',
  open: async (dir) => {
    const target = openRawSqliteTarget(dir, 'FULL');
    return { target, settings: () => target.settings, close: async () => target.close() };
  },
};

const embedded = eventStoreSubject(
  'embedded',
  (dir) => EmbeddedEventStore.open({ dataDir: dir, synchronous: 'FULL' }),
  (store) => {
    const d = (store as EmbeddedEventStore).durability();
    return `${d.journalMode.toUpperCase()}, synchronous=${d.synchronous}, locking_mode=${d.lockingMode.toUpperCase()}`;
  },
);

const emmett: BenchSubject = {
  name: 'emmett_sqlite',
  open: async (dir) => {
    const target = await openEmmettTarget(dir);
    const settings = (): string =>
      target.settings +
      (target.busyRetries > 0 ? `; ${target.busyRetries} appends retried after SQLITE_BUSY` : '');
    return { target, settings, close: async () => target.close() };
  },
};

async function measure(
  subjects: readonly BenchSubject[],
): Promise<{ figures: Record<string, StoreFigures>; settings: Record<string, string> }> {
  const root = mkdtempSync(join(tmpdir(), 'one-window-bench-store-'));
  const opened: { name: string; target: StoreTarget; settings: () => string; close(): Promise<void> }[] = [];
  try {
    for (const subject of subjects) {
      const dir = join(root, subject.name);
      mkdirSync(dir);
      opened.push({ name: subject.name, ...(await subject.open(dir)) });
    }
    if (!json) process.stderr.write(`running ${subjects.map((s) => s.name).join(', ')} in turns ...\n`);
    const figures = await runInterleaved(Object.fromEntries(opened.map((o) => [o.name, o.target])));
    const settings = Object.fromEntries(opened.map((o) => [o.name, o.settings()]));
    return { figures, settings };
  } finally {
    for (const o of opened) await o.close();
    rmSync(root, { recursive: true, force: true });
  }
}

function ratios(f: Record<string, StoreFigures>): Record<string, number> {
  const { raw_sqlite: base, embedded: ours, emmett_sqlite: peer } = f;
  return {
    single_append_vs_raw: round(ours.single_appends_per_s / base.single_appends_per_s),
    single_append_vs_emmett: round(ours.single_appends_per_s / peer.single_appends_per_s),
    batch_append_vs_emmett: round(ours.batch_appends_per_s / peer.batch_appends_per_s),
    // Latency: theirs ÷ ours, so that above 1 still means ours is faster.
    read_stream_vs_emmett: round(peer.read_stream_p50_ms / ours.read_stream_p50_ms),
    read_all_vs_emmett: round(ours.read_all_events_per_s / peer.read_all_events_per_s),
  };
}

function rounded(figures: StoreFigures): StoreFigures {
  return {
    single_appends_per_s: round(figures.single_appends_per_s, 0),
    batch_appends_per_s: round(figures.batch_appends_per_s, 0),
    read_stream_p50_ms: round(figures.read_stream_p50_ms, 3),
    read_stream_p99_ms: round(figures.read_stream_p99_ms, 3),
    read_all_events_per_s: round(figures.read_all_events_per_s, 0),
  };
}

function printTable(
  f: Record<string, StoreFigures>,
  r: Record<string, number>,
  settings: Record<string, string>,
): void {
  const names = Object.keys(f);
  const row = (label: string, key: keyof StoreFigures, lowerIsBetter = false): string[] => {
    const vs = (other: string): string => {
      const [a, b] = [f.embedded[key], f[other][key]];
      return `${round(lowerIsBetter ? b / a : a / b)}×`;
    };
    return [label, ...names.map((n) => String(f[n][key])), vs('raw_sqlite'), vs('emmett_sqlite')];
  };
  const w = DEFAULT_WORKLOAD;
  console.log(
    formatTable(
      ['figure', ...names, 'ours/raw', 'ours/emmett'],
      [
        row('1-event appends/s', 'single_appends_per_s'),
        row(`${w.batchSize}-event appends/s`, 'batch_appends_per_s'),
        row('read 50-event stream p50 ms', 'read_stream_p50_ms', true),
        row('read 50-event stream p99 ms', 'read_stream_p99_ms', true),
        row('$all read events/s', 'read_all_events_per_s'),
      ],
    ),
  );
  console.log(`\nratios (ours ÷ theirs; above 1 means ours is faster): ${JSON.stringify(r)}`);
  console.log('settings:');
  for (const [name, s] of Object.entries(settings)) console.log(`  ${name}: ${s}`);
  console.log(
    `workload: ${w.singleAppends} one-event appends over ${w.singleStreams} streams; ${w.batchAppends} appends of ` +
      `${w.batchSize} over ${w.batchStreams} streams; ${w.streamReads} whole-stream reads; $all read ` +
      `${w.readAllPasses}× in pages of ${w.pageSize}; exact expected revisions throughout`,
  );
}

// emmett-sqlite console.logs the errors it rethrows; keep stdout for the result alone.
const consoleLog = console.log;
console.log = (...args: unknown[]) => console.error(...args);
const { figures, settings } = await measure([raw, embedded, emmett, ...extraStoreSubjects]).finally(
  () => (console.log = consoleLog),
);
const result = {
  figures: Object.fromEntries(Object.entries(figures).map(([name, f]) => [name, rounded(f)])),
  ratios: ratios(figures),
};
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else printTable(result.figures, result.ratios, settings);
